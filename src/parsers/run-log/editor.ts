/**
 * Outline (groups, runs, their functions) and hovers for run-metric logs: a function row shows its
 * figures and the same function in the file's other runs; a metric line shows its value in every run.
 */
import type { EbpfRowStats } from '../../model/ebpfTable';
import { ebpfAllRowStats } from '../../model/ebpfRows';
import { runLabel, runTableLabel, tableKind, type RunLog } from '../../model/runLog';
import type { EditorFeatures, HoverText, LineReader, OutlineItem } from '../formatDefinition';
import { rowFigures } from '../shared/ebpfHover';
import { RunLogParser } from './parser';

const OUTLINE_MAX_LINES = 50000;

export interface RunLogHoverIndex {
  /** Short labels of the runs, in file order. */
  runs: string[];
  /** 1-based line of a table row -> its run, its key across runs (table kind + function) and the function. */
  rows: Map<number, { run: number; key: string; name: string }>;
  /** Key across runs -> the function's figures in each run that has it, with the run's (table) label. */
  functions: Map<string, { run: number; stats: EbpfRowStats; label: string; whole: string; unitOfWork?: string }[]>;
  /** 1-based line of a metric -> its id. */
  metricLines: Map<number, string>;
  /** Metric id -> its value in each run that prints it. */
  metrics: Map<string, { run: number; value: number; unit?: string }[]>;
}

function hoverIndex(model: RunLog): RunLogHoverIndex {
  const index: RunLogHoverIndex = { runs: model.runs.map(runLabel), rows: new Map(), functions: new Map(), metricLines: new Map(), metrics: new Map() };
  model.runs.forEach((run, r) => {
    for (const m of run.metrics) {
      index.metricLines.set(m.line, m.id);
      const list = index.metrics.get(m.id) ?? [];
      list.push({ run: r, value: m.value, ...(m.unit ? { unit: m.unit } : {}) });
      index.metrics.set(m.id, list);
    }
    for (const t of run.tables) {
      // Rows match across runs by function within the same kind of table (ebpf_guest_stats.csv …).
      const kind = tableKind(t);
      for (const s of ebpfAllRowStats(t)) {
        const key = `${kind}\u0000${s.key}`;
        index.rows.set(s.line, { run: r, key, name: s.key });
        const list = index.functions.get(key) ?? [];
        list.push({ run: r, stats: s, label: runTableLabel(run, t), whole: run.tables.length > 1 ? 'table' : 'run', ...(t.unitOfWork ? { unitOfWork: t.unitOfWork } : {}) });
        index.functions.set(key, list);
      }
    }
  });
  return index;
}

function hover(_doc: LineReader, line: number, _character: number, _totals: unknown, index?: RunLogHoverIndex): HoverText | undefined {
  if (!index) return undefined;
  const row = index.rows.get(line + 1);
  if (row) {
    const all = index.functions.get(row.key) ?? [];
    const here = all.find((e) => e.run === row.run);
    const paragraphs = [`${here?.label ?? index.runs[row.run]}: ${here ? rowFigures(here.stats, here.unitOfWork, here.whole) : ''}`];
    const others = all.filter((e) => e.run !== row.run);
    if (others.length > 0) paragraphs.push('In the other runs of this file:', ...others.map((e) => `${e.label}: ${rowFigures(e.stats, e.unitOfWork, e.whole)}`));
    const missing = index.runs.length - all.length;
    if (missing > 0) paragraphs.push(`Not in ${missing} of the ${index.runs.length} runs.`);
    return { title: row.name, paragraphs };
  }
  const id = index.metricLines.get(line + 1);
  if (id !== undefined) {
    const values = index.metrics.get(id) ?? [];
    return { title: id, paragraphs: values.map((v) => `${index.runs[v.run]}: ${String(v.value)}${v.unit ? ` ${v.unit}` : ''}`) };
  }
  return undefined;
}

function outline(doc: LineReader): OutlineItem[] {
  if (doc.lineCount > OUTLINE_MAX_LINES) return [];
  const p = new RunLogParser();
  for (let i = 0; i < doc.lineCount; i++) p.push(doc.lineAt(i) + '\n');
  p.end();
  const m = p.toModel('');
  const items: OutlineItem[] = [];
  const byLine: OutlineItem[] = [];
  m.groups.forEach((g, i) => {
    const next = m.groups[i + 1]?.line ?? doc.lineCount + 1;
    byLine.push({ name: g.name, detail: 'group', start: g.line - 1, end: next - 2, selection: g.line - 1 });
  });
  for (const run of m.runs) {
    byLine.push({ name: runLabel(run), detail: run.name, start: run.line - 1, end: run.endLine - 1, selection: run.line - 1 });
    for (const s of run.tables.flatMap(ebpfAllRowStats)) {
      byLine.push({ name: s.key, detail: s.share !== undefined ? `${(s.share * 100).toFixed(1)}% of the run's time` : '', start: s.line - 1, end: s.line - 1, selection: s.line - 1 });
    }
  }
  items.push(...byLine.sort((a, b) => a.start - b.start));
  return items;
}

export const runLogEditor: EditorFeatures<RunLog, RunLogHoverIndex> = { outline, hover, hoverIndex };
