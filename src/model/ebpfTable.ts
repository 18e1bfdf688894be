/**
 * eBPF output as tables and histograms: per-function latency tables (CSV written by eBPF tooling,
 * the same tables printed by pandas, bcc's funccount/syscount tables), bcc/bpftrace histograms and
 * bpftrace maps. A table keeps the file's columns with their units (no silent scaling) and adds
 * derived columns; each row's figures normalised to nanoseconds (ebpfRowStats) are what hovers,
 * the run matrix and the data-quality checks read. Tables are kept as columns (typed-array chunks,
 * text joined per block of rows) so a CSV of a million rows stays a few bytes per cell; ebpfRows.ts
 * reads them (a row's figures, its cells, the row table views and JSON want).
 */
import type { ReportBase } from './reportBase';
import type { TableColumn } from './table';
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
