/**
 * The grouped bars of a table comparison: one column of every run side by side for the rows that
 * changed most, or that column's change in percent against the baseline. The change is the
 * default when the rows' values lie orders of magnitude apart (a run log's metrics: 0.02 acks per
 * page next to 1.3e9 PWT occupancy), where side-by-side bars show only the largest row.
 */
import type { Table } from '../../src/model/table';

/** What createGroupedBars draws (its GroupedBarsData; not imported, so this stays free of the DOM and unit-testable). */
export interface TableChartData {
  categories: string[];
  series: Array<{ label: string; values: Array<number | null> }>;
  axis: string;
}

export interface ChartColumn {
  /** The compared column's id (`value`), with `:pct` for its change in percent. */
  id: string;
  label: string;
  unit: string;
}

const PCT = ':pct';
/** Rows this many times apart do not show as side-by-side bars on one linear axis. */
const SPREAD = 1000;
const MAX_ROWS = 15;

/** The columns a chart can show: each compared column (id `X@0` … in the diff table), then its change in percent. */
export function chartColumns(t: Table): ChartColumn[] {
  const values: ChartColumn[] = [];
  for (const c of t.columns) {
    const m = /^(.*)@0$/.exec(c.id);
    if (m && c.kind === 'number') values.push({ id: m[1], label: c.label.replace(/ (base|new|\S+)$/, ''), unit: c.unit });
  }
  return [...values, ...values.map((c) => ({ id: `${c.id}${PCT}`, label: `Δ% ${c.label} vs baseline`, unit: 'percent' }))];
}

/** The column shown: the one asked for, else the table's sort column, else the first (as its change when its rows lie far apart). */
export function defaultChartColumn(t: Table, cols: readonly ChartColumn[], asked: string | undefined, sortBy: string | undefined): ChartColumn | undefined {
  const found = cols.find((c) => c.id === asked) ?? cols.find((c) => c.id === sortBy);
  if (found || cols.length === 0) return found ?? cols[0];
  const first = cols[0];
  const i = t.columns.findIndex((c) => c.id === `${first.id}@0`);
  const sizes = t.rows.map((r) => Math.abs(Number(r.cells[i]))).filter((v) => Number.isFinite(v) && v > 0);
  const spread = sizes.length > 1 ? Math.max(...sizes) / Math.min(...sizes) : 1;
  return spread > SPREAD ? cols.find((c) => c.id === `${first.id}${PCT}`) ?? first : first;
}

/** The bars for `chosen`: the rows with the largest change (at most 15), one bar per run (per compared run for a change). */
export function tableChartData(t: Table, labels: readonly string[], baseline: number, chosen: ChartColumn): TableChartData {
  const idx = (id: string): number => t.columns.findIndex((c) => c.id === id);
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const pct = chosen.id.endsWith(PCT);
  const base = pct ? chosen.id.slice(0, -PCT.length) : chosen.id;
  const first = baseline === 0 ? 1 : 0;
  const rank = idx(`${base}@${first}${pct ? PCT : ':delta'}`);
  const top = [...t.rows].sort((a, b) => Math.abs(Number(b.cells[rank] ?? 0)) - Math.abs(Number(a.cells[rank] ?? 0))).slice(0, MAX_ROWS);
  const keyCount = t.keys.length;
  const runs = labels.map((label, r) => ({ label, r })).filter(({ r }) => !pct || r !== baseline);
  return {
    categories: top.map((r) => r.cells.slice(0, keyCount).join(' / ')),
    series: runs.map(({ label, r }) => ({
      label: r === baseline ? `${label} (baseline)` : label,
      values: top.map((row) => num(row.cells[idx(pct ? `${base}@${r}${PCT}` : `${base}@${r}`)])),
    })),
    axis: !pct && chosen.unit && chosen.unit !== 'none' ? `${chosen.label} (${chosen.unit})` : chosen.label,
  };
}
