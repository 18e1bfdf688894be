/**
 * Folding, outline and hovers for perf report documents, as pure functions over lines. Hovers read
 * an index built from the parsed model in the worker: each row's numbers and rank, and for the
 * functions of the top rows their callers and callees in the event's call tree.
 */
import type { PerfReport } from '../../model/perfReport';
import type { FunctionTotals } from '../../model/profile';
import { columnIndex, type TableRow } from '../../model/table';
import type { EditorFeatures, FoldRange, HoverText, LineReader, OutlineItem } from '../formatDefinition';
import { classifyChainLine } from './chainLines';
import { parseSamplesLine } from './preamble';

/** A row line: optional TUI fold marker, a percentage, then two spaces, a TAB or a `-t` separator. */
const ROW = /^\s*(?:[+-]\s+)?\d+\.\d+%(?: {2}|\t| *,)/;
/** Rows listed in the outline per event. */
const OUTLINE_ROWS = 25;
/** Rows per event the hover index keeps (by rank), and functions with callers and callees. */
const INDEX_ROWS = 20000;
const INDEX_FUNCTIONS = 2000;
const RELATIONS = 6;

/** [event index, rank (1-based), symbol, dso, comm, children %, self %, samples, period]. */
export type RowFacts = [number, number, string, string, string, number | null, number | null, number | null, number | null];

export interface FunctionFacts {
  /** Weight with the function on the stack, and as the sampled function. */
  total: number;
  self: number;
  callers: Array<[string, number]>;
  callees: Array<[string, number]>;
}

export interface PerfReportHoverIndex {
  /** Per event: name, rows, what 100% of the event weighs in its call tree, its functions. */
  events: Array<{ name: string; rows: number; eventTotal: number; functions: Map<string, FunctionFacts> }>;
  /** By 1-based line. */
  rows: Map<number, RowFacts>;
}

const isRow = (text: string): boolean => ROW.test(text);

function folding(doc: LineReader): FoldRange[] {
  const ranges: FoldRange[] = [];
  const n = doc.lineCount;
  // The header: the `#` lines at the top before the first event (with `--header`, the `# ========` block).
  let i = 0;
  while (i < n && doc.lineAt(i).startsWith('#') && !doc.lineAt(i).startsWith('# Samples:')) i++;
  if (i > 1) ranges.push({ start: 0, end: i - 1, kind: 'comment' });
  let row = -1;
  let last = -1;
  let section = -1;
  const closeRow = (): void => {
    if (row >= 0 && last > row) ranges.push({ start: row, end: last });
    row = -1;
  };
  for (let k = i; k < n; k++) {
    const text = doc.lineAt(k);
    if (text.startsWith('#')) {
      closeRow();
      if (text.startsWith('# Samples:')) {
        if (section >= 0 && k - 1 > section) ranges.push({ start: section, end: lastContent(doc, section, k - 1) });
        section = k;
      }
      continue;
    }
    if (isRow(text)) {
      closeRow();
      row = k;
      last = k;
    } else if (row >= 0 && text.trim().length > 0) last = k;
  }
  closeRow();
  if (section >= 0 && n - 1 > section) ranges.push({ start: section, end: lastContent(doc, section, n - 1) });
  return ranges;
}

function lastContent(doc: LineReader, from: number, to: number): number {
  while (to > from && doc.lineAt(to).trim().length === 0) to--;
  return to;
}

function rowName(text: string): string {
  const m = /\[[.kguHsX]\] (.*?)\s*$/.exec(text);
  if (m) return m[1];
  return text.replace(/^\s*(?:[+-]\s+)?(?:\d+\.\d+%\s+)+/, '').trim();
}

function rowShares(text: string): string {
  return (text.match(/\d+\.\d+%/g) ?? []).slice(0, 2).join(' / ');
}

/** Each event (its `# Samples:` line), then its top rows. */
function outline(doc: LineReader): OutlineItem[] {
  const items: OutlineItem[] = [];
  const n = doc.lineCount;
  let event: OutlineItem | undefined;
  let rows = 0;
  for (let k = 0; k < n; k++) {
    const text = doc.lineAt(k);
    if (text.startsWith('# Samples:')) {
      if (event) event.end = lastContent(doc, event.start, k - 1);
      const s = parseSamplesLine(text.trimEnd());
      event = { name: s ? s.name : text.slice(2).trim(), detail: s ? `${s.samplesText} samples` : '', start: k, end: k, selection: k };
      items.push(event);
      rows = 0;
      continue;
    }
    if (rows < OUTLINE_ROWS && isRow(text)) {
      rows++;
      items.push({ name: rowName(text) || text.trim(), detail: rowShares(text), start: k, end: k, selection: k });
    }
  }
  if (event) event.end = lastContent(doc, event.start, n - 1);
  return items;
}

function textCell(row: TableRow, i: number): string {
  const v = i >= 0 ? row.cells[i] : null;
  return typeof v === 'string' ? v : '';
}

function numberCellAt(row: TableRow, i: number): number | null {
  const v = i >= 0 ? row.cells[i] : null;
  return typeof v === 'number' ? v : null;
}

function hoverIndex(model: PerfReport): PerfReportHoverIndex {
  const rows = new Map<number, RowFacts>();
  const events: PerfReportHoverIndex['events'] = [];
  model.events.forEach((e, ei) => {
    const t = e.table;
    const col = (id: string): number => {
      const i = columnIndex(t, id);
      return i >= 0 ? i : columnIndex(t, `${id}:1`);
    };
    const [sym, dso, comm, children, samples, period] = ['symbol', 'dso', 'comm', 'children', 'samples', 'period'].map(col);
    const self = col('self') >= 0 ? col('self') : col('overhead');
    const wanted = new Set<string>();
    t.rows.slice(0, INDEX_ROWS).forEach((r, k) => {
      const name = textCell(r, sym);
      if (name && wanted.size < INDEX_FUNCTIONS) wanted.add(name);
      rows.set(r.line, [ei, k + 1, name, textCell(r, dso), textCell(r, comm), numberCellAt(r, children), numberCellAt(r, self), numberCellAt(r, samples), numberCellAt(r, period)]);
    });
    const tree = e.callGraph?.tree;
    events.push({ name: e.name || t.title, rows: t.rows.length, eventTotal: eventWeight(e) ?? tree?.columns[0].total[0] ?? 0, functions: tree ? relations(tree, wanted) : new Map() });
  });
  return { events, rows };
}

/** What 100% of the event weighs in its call tree's unit (see PerfReportCallGraph.basis). */
function eventWeight(e: PerfReport['events'][number]): number | undefined {
  const g = e.callGraph;
  if (!g) return undefined;
  if (g.basis === 'percent') return 100;
  return g.weight === 'period' ? e.eventCount : e.samples;
}

/** Callers and callees (weight through each edge) of the `wanted` functions in a call tree. */
function relations(tree: NonNullable<PerfReport['events'][number]['callGraph']>['tree'], wanted: Set<string>): Map<string, FunctionFacts> {
  const { names, nodeName, parent } = tree;
  const { total, self } = tree.columns[0];
  const acc = new Map<string, { total: number; self: number; callers: Map<string, number>; callees: Map<string, number> }>();
  const get = (name: string) => {
    let a = acc.get(name);
    if (!a) acc.set(name, (a = { total: 0, self: 0, callers: new Map(), callees: new Map() }));
    return a;
  };
  // Recursion counts a function's stacks once: skip a node whose ancestor has the same name.
  const path: number[] = [];
  const onPath = new Map<number, number>();
  for (let i = 1; i < nodeName.length; i++) {
    while (path.length > 0 && path[path.length - 1] !== parent[i]) {
      const id = nodeName[path.pop()!];
      onPath.set(id, onPath.get(id)! - 1);
    }
    const id = nodeName[i];
    const name = names[id];
    const p = parent[i];
    if (wanted.has(name)) {
      const a = get(name);
      if (!onPath.get(id)) a.total += total[i];
      a.self += self[i];
      if (p > 0) a.callers.set(names[nodeName[p]], (a.callers.get(names[nodeName[p]]) ?? 0) + total[i]);
    }
    if (p > 0 && wanted.has(names[nodeName[p]])) {
      const c = get(names[nodeName[p]]).callees;
      c.set(name, (c.get(name) ?? 0) + total[i]);
    }
    onPath.set(id, (onPath.get(id) ?? 0) + 1);
    path.push(i);
  }
  const top = (m: Map<string, number>): Array<[string, number]> => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, RELATIONS);
  const out = new Map<string, FunctionFacts>();
  for (const [name, a] of acc) out.set(name, { total: a.total, self: a.self, callers: top(a.callers), callees: top(a.callees) });
  return out;
}

const pct = (v: number | null): string => (v === null ? '' : `${v.toFixed(2)}%`);

function shares(list: Array<[string, number]>, total: number): string {
  return list.map(([n, w]) => `${n} (${total > 0 ? ((100 * w) / total).toFixed(2) : '?'}%)`).join(', ');
}

function functionParagraphs(index: PerfReportHoverIndex, event: number, name: string): string[] {
  const e = index.events[event];
  const f = e?.functions.get(name);
  if (!e || !f || !(e.eventTotal > 0)) return [];
  const of = (w: number): string => `${((100 * w) / e.eventTotal).toFixed(2)}%`;
  const out = [`In the call graph: on the stack in ${of(f.total)} of the event, sampled itself in ${of(f.self)}.`];
  if (f.callers.length) out.push(`Called from (share of the event): ${shares(f.callers, e.eventTotal)}.`);
  if (f.callees.length) out.push(`Calls: ${shares(f.callees, e.eventTotal)}.`);
  return out;
}

/** The row a call-graph line belongs to: the nearest row above it. */
function rowAbove(doc: LineReader, line: number): number | undefined {
  for (let i = line - 1; i >= 0 && i >= line - 20000; i--) {
    const text = doc.lineAt(i);
    if (text.startsWith('#')) return undefined;
    if (isRow(text)) return i;
  }
  return undefined;
}

function hover(doc: LineReader, line: number, _character: number, _totals: FunctionTotals | undefined, idx?: PerfReportHoverIndex): HoverText | undefined {
  const text = doc.lineAt(line);
  if (text.startsWith('#') || text.trim().length === 0) return undefined;
  const facts = idx?.rows.get(line + 1);
  if (facts) {
    const [ev, rank, symbol, dso, comm, children, self, samples, period] = facts;
    const e = idx!.events[ev];
    const paragraphs: string[] = [];
    const of = e.name ? ` of '${e.name}'` : '';
    paragraphs.push(children !== null ? `Children ${pct(children)}, self ${pct(self)}${of}.` : `Overhead ${pct(self)}${of}.`);
    const counts = [samples !== null ? `${samples} samples` : '', period !== null ? `period ${period}` : ''].filter(Boolean);
    if (counts.length) paragraphs.push(`${counts.join(', ')} (its own).`);
    paragraphs.push(`Rank ${rank} of ${e.rows} rows${of}.`);
    const where = [dso ? `shared object ${dso}` : '', comm ? `command ${comm}` : ''].filter(Boolean);
    if (where.length) paragraphs.push(`In ${where.join(', ')}.`);
    paragraphs.push(...functionParagraphs(idx!, ev, symbol));
    const withGraph = idx!.events[ev].functions.has(symbol);
    return { title: symbol || rowName(text), paragraphs, ...(withGraph ? { flameGraphSearch: symbol } : {}) };
  }
  if (isRow(text)) return { title: rowName(text), paragraphs: [`Shares: ${rowShares(text)}.`] };
  const chain = classifyChainLine(text.trimEnd());
  if (!chain || !('frame' in chain)) return undefined;
  const frame = chain.frame.replace(/ \(inlined\)$/, '');
  const paragraphs: string[] = [];
  if (chain.kind === 'branch') paragraphs.push(`${chain.value} on this branch of the call graph.`);
  const row = rowAbove(doc, line);
  const owner = row !== undefined ? idx?.rows.get(row + 1) : undefined;
  if (row !== undefined) paragraphs.push(`In the call graph of ${owner?.[2] || rowName(doc.lineAt(row))} (line ${row + 1}).`);
  if (idx && owner) paragraphs.push(...functionParagraphs(idx, owner[0], frame));
  const start = text.indexOf(chain.frame);
  return { title: frame, paragraphs, span: start >= 0 ? { start, end: start + chain.frame.length } : undefined, flameGraphSearch: frame };
}

export const perfReportEditor: EditorFeatures<PerfReport, PerfReportHoverIndex> = { folding, outline, hoverIndex, hover };
