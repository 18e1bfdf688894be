/**
 * `perf diff` output: one table per baseline event, with the diff's numeric columns (Baseline,
 * Delta / Delta Abs, Ratio, Weighted diff, periods) as numbers and blank cells as null (an entry
 * missing from a file), then the sort-key columns (Shared Object, Symbol …) as text.
 */
import type { ReportBase } from './reportBase';
import type { Table } from './table';

/** A data file of a diff with more than two files (`#  [1] ng2.data`). */
export interface PerfDiffFile {
  index: number;
  path: string;
  /** `(Baseline)`: the file every other is compared with. */
  baseline: boolean;
}

/** What a column of a diff table holds, beyond its table column. */
export type PerfDiffColumnRole =
  | 'baseline'
  | 'delta'
  | 'deltaAbs'
  | 'ratio'
  | 'wdiff'
  | 'basePeriod'
  | 'period'
  | 'formula'
  | 'blockRange'
  | 'cyclesDiff'
  | 'stddevHist'
  | 'symbolLevel'
  | 'key';

export interface PerfDiffColumnInfo {
  role: PerfDiffColumnRole;
  /** The data file the column is about (0: baseline); undefined for sort keys. */
  file: number | undefined;
}

export interface PerfDiffSection {
  /** The event of `# Event 'cycles'`; undefined when the file has no event line (`-q`, cut headers). */
  event: string | undefined;
  /** 1-based line where the section starts. */
  line: number;
  /** The `# Data files:` list (printed with more than two files, or `-v`). */
  files: PerfDiffFile[];
  /** Rows as printed (perf's order), blank cells null. */
  table: Table;
  /** Per column of `table`, what it holds and for which file. */
  columnInfo: PerfDiffColumnInfo[];
  /** The separator of `perf diff -t SEP` output, when the table was printed with one. */
  separator?: string;
}

export interface PerfDiffModel extends ReportBase<'perf-diff'> {
  kind: 'perf-diff';
  sections: PerfDiffSection[];
}

/** Index of the first column with `role` (and `file`, when given), or -1. */
export function diffColumn(section: PerfDiffSection, role: PerfDiffColumnRole, file?: number): number {
  return section.columnInfo.findIndex((c) => c.role === role && (file === undefined || c.file === file));
}
