/**
 * Folding, outline and hovers for perf diff documents. Outline and folding parse the document's
 * lines; a hover on a row reads the row's numbers and rank from the index the worker built.
 */
import type { PerfDiffColumnRole, PerfDiffFile, PerfDiffModel, PerfDiffSection } from '../../model/perfDiff';
import type { EditorFeatures, FoldRange, HoverText, LineReader, OutlineItem } from '../formatDefinition';
import { PerfDiffParser } from './parser';
import { parseDocument } from '../shared/parseDocument';

/** Top entries listed under each event in the outline. */
const OUTLINE_TOP = 20;

interface SectionIndex {
  event?: string;
  files: PerfDiffFile[];
  /** Numeric columns: label, role, file. */
  columns: { label: string; role: PerfDiffColumnRole; file: number | undefined }[];
  /** 0-based lines of the rows, ascending. */
  lines: Int32Array;
  /** Per numeric column, per row: the value (NaN: blank). */
  values: Float64Array[];
  /** Per numeric column that is a Delta / Delta Abs: per row its 1-based rank by |delta| (0: blank); null for others. */
  ranks: (Int32Array | null)[];
  /** Per numeric column: how many rows have a delta there. */
  ranked: number[];
}

export interface PerfDiffHoverIndex {
  sections: SectionIndex[];
}

function parseDoc(doc: LineReader): PerfDiffModel {
  return parseDocument(new PerfDiffParser(), doc);
}

function deltaColumn(s: PerfDiffSection): number {
  return s.columnInfo.findIndex((c) => c.role === 'deltaAbs' || c.role === 'delta');
}

function cellText(v: unknown): string {
  return typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
}

/** The text columns of a row joined: `dso  [k] symbol`. */
function rowName(s: PerfDiffSection, cells: readonly unknown[]): string {
  const sym = s.table.columns.findIndex((c) => c.id === 'symbol');
  const dso = s.table.columns.findIndex((c) => c.id === 'dso');
  if (sym >= 0) return `${cellText(cells[sym])}${dso >= 0 && cells[dso] ? `  (${cellText(cells[dso])})` : ''}`;
  return s.table.keys.map((k) => cellText(cells[s.table.columns.findIndex((c) => c.id === k)])).join(' ');
}

function outline(doc: LineReader): OutlineItem[] {
  const m = parseDoc(doc);
  return m.sections.map((s) => {
    const last = s.table.rows.at(-1)?.line ?? s.line;
    const d = deltaColumn(s);
    const children: OutlineItem[] = [];
    if (s.files.length > 0) {
      const first = s.line;
      children.push({
        name: 'Data files',
        detail: `${s.files.length} files`,
        start: first - 1,
        end: first - 1,
        selection: first - 1,
        children: s.files.map((f) => ({ name: `[${f.index}] ${f.path}`, detail: f.baseline ? 'baseline' : '', start: first - 1, end: first - 1, selection: first - 1 })),
      });
    }
    for (const r of s.table.rows.slice(0, OUTLINE_TOP)) {
      const delta = d >= 0 ? r.cells[d] : null;
      children.push({
        name: rowName(s, r.cells),
        detail: typeof delta === 'number' ? `${delta >= 0 ? '+' : ''}${delta.toFixed(2)}%` : '',
        start: r.line - 1,
        end: r.line - 1,
        selection: r.line - 1,
      });
    }
    return { name: s.event ? `Event '${s.event}'` : 'perf diff', detail: `${s.table.rows.length} entries`, start: s.line - 1, end: last - 1, selection: s.line - 1, children };
  });
}

/** Each section, and its header comments (`# Event`, `# Data files`, titles, rule) as a comment fold. */
function folding(doc: LineReader): FoldRange[] {
  const out: FoldRange[] = [];
  for (const s of parseDoc(doc).sections) {
    const first = s.table.rows[0]?.line;
    const last = s.table.rows.at(-1)?.line;
    if (first !== undefined && first - 2 > s.line - 1) out.push({ start: s.line - 1, end: first - 2, kind: 'comment' });
    if (last !== undefined && last > s.line) out.push({ start: s.line - 1, end: last - 1 });
  }
  return out;
}

function hoverIndex(model: PerfDiffModel): PerfDiffHoverIndex {
  return {
    sections: model.sections.map((s) => {
      const numeric = s.table.columns.map((c, i) => (c.kind === 'number' && s.columnInfo[i].role !== 'cyclesDiff' ? i : -1)).filter((i) => i >= 0);
      const n = s.table.rows.length;
      const values = numeric.map((ci) => Float64Array.from(s.table.rows, (r) => (typeof r.cells[ci] === 'number' ? (r.cells[ci] as number) : NaN)));
      const ranks = numeric.map((ci, k) => {
        const role = s.columnInfo[ci].role;
        if (role !== 'delta' && role !== 'deltaAbs') return null;
        const order = [...values[k].keys()].filter((i) => !Number.isNaN(values[k][i]));
        order.sort((a, b) => Math.abs(values[k][b]) - Math.abs(values[k][a]) || a - b);
        const rank = new Int32Array(n);
        order.forEach((i, r) => (rank[i] = r + 1));
        return rank;
      });
      return {
        event: s.event,
        files: s.files,
        columns: numeric.map((ci) => ({ label: s.table.columns[ci].label, role: s.columnInfo[ci].role, file: s.columnInfo[ci].file })),
        lines: Int32Array.from(s.table.rows, (r) => r.line - 1),
        values,
        ranks,
        ranked: ranks.map((r) => (r ? r.reduce((a, x) => a + (x > 0 ? 1 : 0), 0) : 0)),
      };
    }),
  };
}

function findRow(index: PerfDiffHoverIndex, line: number): { s: SectionIndex; row: number } | undefined {
  for (const s of index.sections) {
    let lo = 0;
    let hi = s.lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s.lines[mid] === line) return { s, row: mid };
      if (s.lines[mid] < line) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return undefined;
}

function fileName(s: SectionIndex, file: number | undefined): string {
  if (file === undefined) return '';
  const f = s.files.find((x) => x.index === file);
  return f ? `${f.path}` : file === 0 ? 'the baseline file' : `file ${file}`;
}

const pct = (v: number): string => `${v.toFixed(2)}%`;
const signed = (v: number): string => `${v >= 0 ? '+' : '-'}${Math.abs(v).toFixed(2)}`;

function hover(doc: LineReader, line: number, _character: number, _totals: unknown, index?: PerfDiffHoverIndex): HoverText | undefined {
  if (!index) return undefined;
  const found = findRow(index, line);
  if (!found) return undefined;
  const { s, row } = found;
  const text = doc.lineAt(line);
  const sym = /\[[^\]]\] (.*)$/.exec(text);
  const title = (sym ? sym[1] : text).trim();
  const span = sym ? { start: sym.index + 4, end: sym.index + 4 + sym[1].trimEnd().length } : undefined;
  const value = (role: PerfDiffColumnRole, file?: number): number => {
    const k = s.columns.findIndex((c) => c.role === role && (file === undefined || c.file === file));
    return k < 0 ? NaN : s.values[k][row];
  };
  const paragraphs: string[] = [];
  const event = s.event ? ` of '${s.event}'` : '';
  const base = value('baseline');
  paragraphs.push(Number.isNaN(base) ? `Baseline: no samples${event} in ${fileName(s, 0)} (the entry exists only in newer files).` : `Baseline: ${pct(base)}${event} in ${fileName(s, 0)}.`);
  s.columns.forEach((c, k) => {
    const v = s.values[k][row];
    const file = fileName(s, c.file);
    if (c.role === 'delta' || c.role === 'deltaAbs') {
      if (Number.isNaN(v)) paragraphs.push(`${c.label}: no samples in ${file}.`);
      else {
        const rank = s.ranks[k]?.[row] ?? 0;
        const ranked = rank > 0 ? ` Rank ${rank} of ${s.ranked[k]} by |delta|.` : '';
        paragraphs.push(`${c.label}: ${signed(v)} points: ${pct((Number.isNaN(base) ? 0 : base) + v)} in ${file} (new % − baseline %).${ranked}`);
      }
    } else if (c.role === 'ratio') paragraphs.push(Number.isNaN(v) ? `${c.label}: none (no pair in ${file}).` : `${c.label}: ${v} (period in ${file} / baseline period).`);
    else if (c.role === 'wdiff') paragraphs.push(Number.isNaN(v) ? `${c.label}: none (no pair in ${file}).` : `${c.label}: ${v} (weighted period difference).`);
    else if (c.role === 'basePeriod' || c.role === 'period') paragraphs.push(Number.isNaN(v) ? `${c.label}: none.` : `${c.label}: ${v} in ${file}.`);
  });
  return { title, paragraphs, span };
}

export const perfDiffEditor: EditorFeatures<PerfDiffModel, PerfDiffHoverIndex> = { folding, outline, hoverIndex, hover };
