/** What the Tables view shows: tables as the panel draws them, with what it says about their report. */
import type { ParseWarning } from '../model/diagnostics';
import type { FormatId } from '../model/format';
import type { HeaderFacts } from '../model/report';
import type { Table } from '../model/table';
import type { RunFacts } from '../model/runLog';

/** A table as the panel shows it. */
export interface ViewTable extends Table {
  /** Groups tables in the panel's picker (an event, a process, a run). */
  group?: string;
  /** Numeric columns drawn with a bar behind the value (shares of a whole, 0–100 or 0–max). */
  bars?: string[];
  /** The column the table is sorted by when first shown (descending). */
  sortBy?: string;
  /** A run-log run's table: what the run's name says (kernel, date, cores …), for comparisons of its runs. */
  runFacts?: RunFacts;
}

export interface TablesMeta {
  title: string;
  format: FormatId;
  facts: HeaderFacts;
  warnings: ParseWarning[];
  droppedWarnings: number;
}

export interface TablesView {
  meta: TablesMeta;
  tables: ViewTable[];
}
