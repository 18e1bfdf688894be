/**
 * eBPF output as tables and histograms: per-function latency tables (CSV written by eBPF tooling,
 * the same tables printed by pandas, bcc's funccount/syscount tables), bcc/bpftrace histograms and
 * bpftrace maps. A table keeps the file's columns with their units (no silent scaling) and adds
 * derived columns; each row's figures are also given normalised to nanoseconds (`stats`), which is
 * what hovers, the run matrix and the data-quality checks read.
 */
import type { ReportBase } from './reportBase';
import type { Table } from './table';
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
}

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
  /** Share of the table's total time, 0..1. */
  share?: number;
  /** Events per unit of work, as the `*_per_<work>` column prints it. */
  perUnit?: number;
  /** Time per unit of work: total time / (count / count_per_<work>). */
  timePerUnitNs?: number;
}

export interface EbpfTable {
  /** What the table is: the file name, or the CSV path a run log names. */
  title: string;
  /** 1-based line of the header. */
  line: number;
  /** Last line that belongs to the table. */
  endLine: number;
  table: Table;
  columns: EbpfColumnInfo[];
  /** The unit of work of `*_per_<work>` columns (`page`), when there is one. */
  unitOfWork?: string;
  stats: EbpfRowStats[];
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
