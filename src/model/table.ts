/**
 * The model of column reports: perf report rows, strace -c and perf trace -s syscall tables, perf
 * stat counters, eBPF function tables. Numeric cells are numbers (never strings), each numeric
 * column has a unit; key columns say what identifies a row (symbol, syscall, function …) so runs
 * can be matched row by row.
 */
import type { Unit } from './units';

export interface TextColumn {
  kind: 'text';
  /** Stable id (`symbol`, `syscall`, `dso` …), used to match columns across runs. */
  id: string;
  /** The header as the file prints it. */
  label: string;
}

export interface NumericColumn {
  kind: 'number';
  id: string;
  label: string;
  unit: Unit;
}

export type TableColumn = TextColumn | NumericColumn;

/** One cell per column, in column order; `null` where the file leaves a cell blank. */
export type TableCell = string | number | null;

export interface TableRow {
  /** 1-based line of the row in the input, for diagnostics and hovers. */
  line: number;
  cells: TableCell[];
}

export interface Table {
  /** What the table is (`syscalls of tcpzc2 (10500)`, `cpu-clock`, `total` …). */
  title: string;
  columns: TableColumn[];
  /** Ids of the columns that together identify a row. */
  keys: string[];
  rows: TableRow[];
}

/** Index of the column `id`, or -1. */
export function columnIndex(table: Pick<Table, 'columns'>, id: string): number {
  return table.columns.findIndex((c) => c.id === id);
}

/** The numeric value of a row's cell in column `id`, or undefined when blank, absent or text. */
export function numberCell(table: Pick<Table, 'columns'>, row: TableRow, id: string): number | undefined {
  const i = columnIndex(table, id);
  const v = i < 0 ? undefined : row.cells[i];
  return typeof v === 'number' ? v : undefined;
}

/** The text of a row's key columns joined by ' / ' (how rows are matched between runs). */
export function rowKey(table: Pick<Table, 'columns' | 'keys'>, row: TableRow): string {
  return table.keys.map((k) => String(row.cells[columnIndex(table, k)] ?? '')).join(' / ');
}

/** Checks that every cell's type fits its column; returns the first problem, for tests and parsers. */
export function checkTable(table: Table): string | undefined {
  for (const k of table.keys) if (columnIndex(table, k) < 0) return `key column '${k}' is not a column`;
  for (const row of table.rows) {
    if (row.cells.length !== table.columns.length) return `line ${row.line}: ${row.cells.length} cells for ${table.columns.length} columns`;
    for (let i = 0; i < row.cells.length; i++) {
      const v = row.cells[i];
      if (v === null) continue;
      const col = table.columns[i];
      if (col.kind === 'number' ? typeof v !== 'number' || Number.isNaN(v) : typeof v !== 'string') {
        return `line ${row.line}: column '${col.id}' holds ${JSON.stringify(v)}`;
      }
    }
  }
  return undefined;
}
