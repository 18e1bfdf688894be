/**
 * eBPF output as tables and histograms: per-function latency tables (CSV written by eBPF tooling,
 * the same tables printed by pandas, bcc's funccount/syscount tables), bcc/bpftrace histograms and
 * bpftrace maps. A table keeps the file's columns with their units (no silent scaling) and adds
 * derived columns; each row's figures normalised to nanoseconds (ebpfRowStats) are what hovers,
 * the run matrix and the data-quality checks read. Tables are kept as columns (typed-array chunks,
 * text joined per chunk) so a CSV of a million rows stays a few bytes per cell; ebpfPlainTable gives
 * the rows views and JSON want, when they want them.
 */
import type { ReportBase } from './reportBase';
import type { Table, TableCell, TableColumn, TableRow } from './table';
import type { Unit } from './units';

/** What a column means, told by its name and unit suffix (`total_duration_ns` -> total, ns). */
export type EbpfColumnRole =
  | 'key'
  | 'count'
  | 'total'
  | 'mean'
  | 'variance'
  | 'stddev'
  | 'min'
  | 'max'
  | 'perUnit'
  | 'timestamp'
  | 'time'
  | 'bytes'
  | 'number'
  | 'text'
  | 'derived';

export interface EbpfColumnInfo {
  /** The table column this describes. */
  id: string;
  role: EbpfColumnRole;
  /** For `per_<work>` columns (`count_per_page`): the unit of work (`page`). */
  per?: string;
  /** For variance columns: the unit the header names; the values are in its square (`variance_us`: µs²). */
  squareOf?: Unit;
  /** For derived columns: the row figure they show. */
  figure?: DerivedFigure;
}

/** What a derived column shows: share of time in percent, stddev from the variance, time per unit of work. */
export type DerivedFigure = 'sharePercent' | 'stddevNs' | 'timePerUnitNs';

/** One row's figures normalised to nanoseconds; absent where the table has no such column. */
export interface EbpfRowStats {
  /** The row's key (function, syscall, comm …). */
  key: string;
  /** 1-based line of the row. */
  line: number;
  count?: number;
  totalNs?: number;
  meanNs?: number;
  /** Variance in ns², from a `variance_<unit>` column read as variance in <unit>². */
  varianceNs2?: number;
  /** Printed, or the square root of a non-negative variance. */
  stddevNs?: number;
  /** Events per unit of work, as the `*_per_<work>` column prints it. */
  perUnit?: number;
  /** Time per unit of work: total time / (count / count_per_<work>). */
  timePerUnitNs?: number;
  /** Share of the table's total time, 0..1. */
  share?: number;
}

/** Rows per chunk of a column (a power of two: row r is in chunk r >>> EBPF_CHUNK_SHIFT). */
export const EBPF_CHUNK_SHIFT = 14;
export const EBPF_CHUNK_ROWS = 1 << EBPF_CHUNK_SHIFT;

/** A chunk of text cells: joined per block of rows, with each cell's end in its block. */
export interface EbpfTextChunk {
  /** Per block of EBPF_TEXT_BLOCK_ROWS rows, its cells joined. */
  texts: string[];
  /** Each row's end in its block's text (a blank cell is empty). */
  ends: Int32Array;
}

/** Rows per joined text block (a power of two: row i of a chunk is in block i >>> EBPF_TEXT_BLOCK_SHIFT). */
export const EBPF_TEXT_BLOCK_SHIFT = 9;
export const EBPF_TEXT_BLOCK_ROWS = 1 << EBPF_TEXT_BLOCK_SHIFT;

/**
 * A column's cells in chunks of EBPF_CHUNK_ROWS rows (the last chunk shorter): numbers (NaN where
 * the file leaves the cell blank: a NaN cell is never kept; see EbpfNumberChunk), or text. Columns of typed arrays and
 * joined strings, not row objects, so a table of a million rows costs a few bytes per cell; read
 * them with ebpfNumber, ebpfText, ebpfRowStats, ebpfRowCells.
 */
export type EbpfCells = { kind: 'number'; chunks: EbpfNumberChunk[] } | { kind: 'text'; chunks: EbpfTextChunk[] };

/** A chunk of numbers: an Int32Array when each of its values is a 32-bit integer (counts, pids, CPUs: half the memory), else a Float64Array. */
export type EbpfNumberChunk = Float64Array | Int32Array;

/** The table's cells by column. */
export interface EbpfColumnarTable {
  title: string;
  /** The file's columns, then the derived ones (share of time, stddev, time per unit of work). */
  columns: TableColumn[];
  /** Ids of the columns that identify a row. */
  keys: string[];
  rowCount: number;
  /**
   * 1-based line of each row, in chunks (see EbpfCells); a chunk whose rows are on consecutive lines
   * holds only its first row's line (read them with ebpfLine).
   */
  lines: Int32Array[];
  /** The cells of the file's columns (the first `cells.length` of `columns`); derived cells are computed from the row's figures. */
  cells: EbpfCells[];
}

/** Index of the column that plays each role (-1: none), numeric columns only but for the key. */
export interface EbpfRoleColumns {
  key: number;
  count: number;
  total: number;
  mean: number;
  variance: number;
  stddev: number;
  per: number;
}

export interface EbpfTable {
  /** What the table is: the file name, or the CSV path a run log names. */
  title: string;
  /** 1-based line of the header. */
  line: number;
  /** Last line that belongs to the table. */
  endLine: number;
  table: EbpfColumnarTable;
  columns: EbpfColumnInfo[];
  /** The unit of work of `*_per_<work>` columns (`page`), when there is one. */
  unitOfWork?: string;
  /** Where the row figures come from. */
  at: EbpfRoleColumns;
  /** Nanoseconds per unit of the total, mean, variance (of its unit, not squared) and stddev columns; 0 when not a time. */
  nsPer: { total: number; mean: number; variance: number; stddev: number };
  /** Sum of the rows' total time in ns (the denominator of `share`). */
  totalNs?: number;
}

export interface HistogramBucket {
  /** Inclusive lower bound; -Infinity for bpftrace's `(..., 0)`. */
  low: number;
  /** Exclusive upper bound; Infinity for `[100, ...)`. */
  high: number;
  count: number;
  /** 1-based line of the bucket. */
  line: number;
}

export interface HistogramPercentiles {
  p50: number;
  p90: number;
  p99: number;
}

export interface EbpfHistogram {
  /** `@usecs`, `nsecs`, `@bytes[sda]`, or the bcc label line above it (`disk = 'sda'`). */
  title: string;
  /** `log2`: power-of-two buckets; `linear`: equal-width buckets (bcc `-L`-style single values, bpftrace lhist). */
  scale: 'log2' | 'linear';
  /** Unit of the bucket bounds, when the header names one (`usecs` -> us), else `none`. */
  unit: Unit;
  line: number;
  endLine: number;
  buckets: HistogramBucket[];
  total: number;
  /** Estimated by linear interpolation inside the bucket holding the rank; absent when empty. */
  percentiles?: HistogramPercentiles;
  /** bcc funclatency's summary line (`avg = 13746 nsecs, total: 6543360 nsecs, count: 476`). */
  summary?: { avg?: number; total?: number; count?: number };
}

/** A bpftrace map entry (`@name[key]: value`, `@name: value`). */
export interface EbpfMapEntry {
  map: string;
  /** The text between the brackets, '' for a scalar. */
  key: string;
  value: number;
  line: number;
}

export interface EbpfReport extends ReportBase<'ebpf-csv'> {
  kind: 'ebpf';
  tables: EbpfTable[];
  histograms: EbpfHistogram[];
  maps: EbpfMapEntry[];
}

/** Nanoseconds per unit for time units, 1 for none. */
const NS: Record<string, number> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };

export function nsFactor(unit: Unit): number | undefined {
  return NS[unit];
}

/** 1-based line of row `r`. */
export function ebpfLine(t: EbpfTable, r: number): number {
  const chunk = t.table.lines[r >>> EBPF_CHUNK_SHIFT];
  const i = r & (EBPF_CHUNK_ROWS - 1);
  // One line for the chunk: its rows are on consecutive lines (a one-row chunk reads the same either way).
  return chunk.length === 1 ? chunk[0] + i : chunk[i];
}

/** The numeric cell of row `r` in column `c`, or undefined (blank, text, or no such column). */
export function ebpfNumber(t: EbpfTable, c: number, r: number): number | undefined {
  const cells = c >= 0 ? t.table.cells[c] : undefined;
  if (cells?.kind !== 'number') return undefined;
  const v = cells.chunks[r >>> EBPF_CHUNK_SHIFT][r & (EBPF_CHUNK_ROWS - 1)];
  return Number.isNaN(v) ? undefined : v;
}

/** The text cell of row `r` in column `c`, or null (blank, a number, or no such column). */
export function ebpfText(t: EbpfTable, c: number, r: number): string | null {
  const cells = c >= 0 ? t.table.cells[c] : undefined;
  if (cells?.kind !== 'text') return null;
  const chunk = cells.chunks[r >>> EBPF_CHUNK_SHIFT];
  const i = r & (EBPF_CHUNK_ROWS - 1);
  const start = (i & (EBPF_TEXT_BLOCK_ROWS - 1)) === 0 ? 0 : chunk.ends[i - 1];
  const end = chunk.ends[i];
  return end > start ? chunk.texts[i >>> EBPF_TEXT_BLOCK_SHIFT].slice(start, end) : null;
}

/** Row `r`'s key (function, syscall …), or its index when the table has no key column. */
export function ebpfRowKey(t: EbpfTable, r: number): string {
  return t.at.key < 0 ? String(r) : (ebpfText(t, t.at.key, r) ?? '');
}

/** Row `r`'s figures in ns. */
export function ebpfRowStats(t: EbpfTable, r: number): EbpfRowStats {
  const { at, nsPer } = t;
  const s: EbpfRowStats = { key: ebpfRowKey(t, r), line: ebpfLine(t, r) };
  const count = ebpfNumber(t, at.count, r);
  const total = ebpfNumber(t, at.total, r);
  const mean = ebpfNumber(t, at.mean, r);
  const variance = ebpfNumber(t, at.variance, r);
  const stddev = ebpfNumber(t, at.stddev, r);
  const per = ebpfNumber(t, at.per, r);
  if (count !== undefined) s.count = count;
  if (total !== undefined && nsPer.total) s.totalNs = total * nsPer.total;
  if (mean !== undefined && nsPer.mean) s.meanNs = mean * nsPer.mean;
  if (variance !== undefined && nsPer.variance) s.varianceNs2 = variance * nsPer.variance * nsPer.variance;
  if (stddev !== undefined && nsPer.stddev) s.stddevNs = stddev * nsPer.stddev;
  else if (s.varianceNs2 !== undefined && s.varianceNs2 >= 0) s.stddevNs = Math.sqrt(s.varianceNs2);
  if (per !== undefined) s.perUnit = per;
  if (s.totalNs !== undefined && count !== undefined && count > 0 && per !== undefined && per > 0) s.timePerUnitNs = (s.totalNs * per) / count;
  if (s.totalNs !== undefined && t.totalNs !== undefined && t.totalNs > 0) s.share = s.totalNs / t.totalNs;
  return s;
}

/** Every row's figures, in row order (small tables: hovers, outlines, tests). */
export function ebpfAllRowStats(t: EbpfTable): EbpfRowStats[] {
  const out = new Array<EbpfRowStats>(t.table.rowCount);
  for (let r = 0; r < out.length; r++) out[r] = ebpfRowStats(t, r);
  return out;
}

function derivedValue(s: EbpfRowStats, figure: DerivedFigure | undefined): number | undefined {
  if (figure === 'sharePercent') return s.share === undefined ? undefined : s.share * 100;
  if (figure === 'stddevNs') return s.stddevNs;
  if (figure === 'timePerUnitNs') return s.timePerUnitNs;
  return undefined;
}

/** Row `r` as table cells: the file's cells, then the derived ones. */
export function ebpfRowCells(t: EbpfTable, r: number): TableCell[] {
  const { cells, columns } = t.table;
  const out = new Array<TableCell>(columns.length);
  for (let c = 0; c < cells.length; c++) out[c] = cells[c].kind === 'number' ? (ebpfNumber(t, c, r) ?? null) : ebpfText(t, c, r);
  if (columns.length > cells.length) {
    const s = ebpfRowStats(t, r);
    for (let c = cells.length; c < columns.length; c++) out[c] = derivedValue(s, t.columns[c].figure) ?? null;
  }
  return out;
}

/** The rows as the views' Table wants them (one object per row: for views and JSON, not for keeping). */
export function ebpfTableRows(t: EbpfTable): TableRow[] {
  const out = new Array<TableRow>(t.table.rowCount);
  for (let r = 0; r < out.length; r++) out[r] = { line: ebpfLine(t, r), cells: ebpfRowCells(t, r) };
  return out;
}

/** The table as a row table (see ebpfTableRows). */
export function ebpfPlainTable(t: EbpfTable): Table {
  const { title, columns, keys } = t.table;
  return { title, columns, keys, rows: ebpfTableRows(t) };
}
