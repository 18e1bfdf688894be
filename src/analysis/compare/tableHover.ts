/**
 * Hovers with a table comparison open (strace -c, perf trace -s, eBPF tables, perf stat, run
 * logs …): the hovered row found by its line, its counterpart in the baseline run (the table by the
 * comparison's own matching rule, the row by its key), and the change of the table's main columns
 * as one plain sentence: "total -47.90% (-3.36 ms), calls +0.00% (+0) vs baseline a.txt (7.01 ms, 14)."
 */
import { cellText } from '../tableText';
import { columnIndex, numberCell, type NumericColumn, type TableCell, type TableRow } from '../../model/table';
import type { ViewTable } from '../viewTable';
import { RUN_METRICS_PREFIX } from '../ebpfTables';
import type { TableRun } from './compareTables';
import { counterpartTable, tableShape } from './tableMatch';

/** The runs as compared (the panel's choice of runs and baseline). */
export interface TableHoverComparison {
  runs: readonly TableRun[];
  baseline: number;
}

/** A hovered row: the table it is read into, among all the tables of its document. */
export interface HoveredTableRow {
  tables: readonly ViewTable[];
  table: ViewTable;
  row: TableRow;
}

/** More runs than this in a baseline's note are counted, not listed. */
const LISTED_RUNS = 5;

/** The row read from 1-based `line` of a document whose tables are `tables`, or undefined. */
export function tableRowAt(tables: readonly ViewTable[], line: number): HoveredTableRow | undefined {
  if (line < 1) return undefined;
  for (const table of tables) for (const row of table.rows) if (row.line === line) return { tables, table, row };
  return undefined;
}

/**
 * Which of `candidates` (compared runs read from the hovered document) holds the row: the file's
 * one run, or for runs inside one run log the run whose metrics table it is in. Undefined when
 * the row belongs to none of them (another run of the log, or a table the comparison has not).
 */
export function hoveredRun(c: TableHoverComparison, candidates: readonly number[], hovered: HoveredTableRow): number | undefined {
  return candidates.find((r) => {
    const name = c.runs[r].name;
    return name === undefined || hovered.table.title === RUN_METRICS_PREFIX + name;
  });
}

const MEAN = /(?:^|_)(?:mean|avg|average)(?:_|$)/;

/**
 * The columns a hover compares: the one the table is sorted by (total time for syscalls and eBPF),
 * else its value or count; then its calls, its mean, or perf stat's metric.
 */
export function mainColumns(t: ViewTable): NumericColumn[] {
  const numeric = t.columns.filter((c): c is NumericColumn => c.kind === 'number' && !t.keys.includes(c.id));
  const byId = (id: string | undefined): NumericColumn | undefined => numeric.find((c) => c.id === id);
  const first = byId(t.sortBy) ?? byId('value') ?? byId('count') ?? numeric[0];
  const second = byId('calls') ?? numeric.find((c) => MEAN.test(c.id)) ?? byId('metric');
  return [first, second].filter((c, i, all): c is NumericColumn => c !== undefined && all.indexOf(c) === i);
}

/**
 * The baseline table the hovered one compares with: by the comparison's rule, else (another
 * report, another run of a log) the one baseline table of the same group and keys.
 */
function baselineTable(c: TableHoverComparison, hovered: HoveredTableRow): number {
  const base = c.runs[c.baseline].tables;
  const byRule = base.findIndex((_, j) => counterpartTable(hovered.tables, base, j) === hovered.table);
  if (byRule >= 0) return byRule;
  const group = tableShape({ group: hovered.table.group, title: '' });
  const keys = hovered.table.keys.join('\u0000');
  const alike = base.flatMap((t, j) => (tableShape({ group: t.group, title: '' }) === group && t.keys.join('\u0000') === keys ? [j] : []));
  return alike.length === 1 ? alike[0] : -1;
}

/** A row's key cells by key column id, as text (how rowKey and the comparison match rows). */
function keyOf(t: ViewTable, row: TableRow): Map<string, string> {
  return new Map(t.keys.map((k) => [k, String(row.cells[columnIndex(t, k)] ?? '')]));
}

/**
 * The table's row with this key (the first, as the comparison counts it). A scan, not an index:
 * one hover looks up one row, and an index of a million-row table costs seconds and memory.
 */
function rowWithKey(t: ViewTable, key: ReadonlyMap<string, string>): TableRow | undefined {
  const at = t.keys.map((k) => ({ i: columnIndex(t, k), want: key.get(k) }));
  if (at.some((c) => c.i < 0 || c.want === undefined)) return undefined;
  const same = (v: TableCell, want: string | undefined): boolean => v === want || (typeof v !== 'string' && String(v ?? '') === want);
  if (at.length === 1) {
    // One key column (a syscall, a function, a metric): the common case, without a closure per row.
    const { i, want } = at[0];
    for (const r of t.rows) if (same(r.cells[i], want)) return r;
    return undefined;
  }
  return t.rows.find((r) => at.every((c) => same(r.cells[c.i], c.want)));
}

const signed = (text: string, v: number): string => (v >= 0 ? `+${text}` : text);

/** A column's label without the unit its header names (`total (µs)` → `total`): values carry their unit. */
const shortLabel = (c: NumericColumn): string => c.label.replace(/\s*\([^)]*\)$/, '') || c.label;

/** `+12.50% (+31.00 ms)`; shares change in points (`+3.20 pts`); no percentage from a zero baseline. */
function change(c: NumericColumn, value: number, base: number): string {
  const delta = value - base || 0;
  if (c.unit === 'percent') return `${signed(delta.toFixed(2), delta)} pts`;
  const absolute = signed(cellText(c, delta), delta);
  return base !== 0 ? `${signed(`${((100 * delta) / Math.abs(base)).toFixed(2)}%`, delta)} (${absolute})` : absolute;
}

/** The changes from the baseline row to the row, for the columns both have a number in; undefined when none. */
function changes(columns: readonly NumericColumn[], base: { table: ViewTable; row: TableRow }, other: { table: ViewTable; row: TableRow }): { changes: string; base: string } | undefined {
  const parts: Array<{ change: string; base: string }> = [];
  for (const c of columns) {
    const b = numberCell(base.table, base.row, c.id);
    const v = numberCell(other.table, other.row, c.id);
    if (b === undefined || v === undefined) continue;
    const text = change(c, v, b);
    parts.push({ change: columns.length > 1 ? `${shortLabel(c)} ${text}` : text, base: cellText(c, b) });
  }
  if (parts.length === 0) return undefined;
  return { changes: parts.map((p) => p.change).join(', '), base: parts.map((p) => p.base).join(', ') };
}

/**
 * The note for a hovered row: its change against the baseline run ("+48.81% (+3,510,166) vs
 * baseline a.log (7,191,949)."), or, when `self` is the baseline run, every other run's change.
 * `self`: the compared run the row belongs to (hoveredRun), undefined for any other report of
 * the kind, whose own values are compared. Undefined when the comparison has no such table.
 */
export function tableComparisonNote(c: TableHoverComparison, hovered: HoveredTableRow, self?: number): string | undefined {
  const j = baselineTable(c, hovered);
  if (j < 0) return undefined;
  const base = c.runs[c.baseline];
  const baseTable = base.tables[j];
  const key = keyOf(hovered.table, hovered.row);
  const columns = mainColumns(baseTable);
  if (self === c.baseline) {
    const others = c.runs.flatMap((run, r) => {
      if (r === c.baseline) return [];
      const table = counterpartTable(run.tables, base.tables, j);
      const row = table && rowWithKey(table, key);
      if (!table || !row) return [`${run.label}: not in it`];
      const d = changes(columns, hovered, { table, row });
      return d ? [`${run.label} ${d.changes}`] : [];
    });
    const own = changes(columns, hovered, hovered);
    if (!own || others.length === 0) return undefined;
    const listed = others.length > LISTED_RUNS ? [...others.slice(0, LISTED_RUNS), `${others.length - LISTED_RUNS} more runs`] : others;
    return `Baseline of the open comparison (${own.base}): ${listed.join('; ')}.`;
  }
  const baseRow = rowWithKey(baseTable, key);
  if (!baseRow) return `Not in baseline ${base.label}.`;
  const d = changes(columns, { table: baseTable, row: baseRow }, hovered);
  return d ? `${d.changes} vs baseline ${base.label} (${d.base}).` : undefined;
}
