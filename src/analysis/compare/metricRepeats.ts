/**
 * Repeated runs of run-metric logs (seed 001: "Repeated 5 times, throw 1st and last and middle 3
 * averaged"): the runs grouped by configuration name (`base-RUN-1` …), then per metric the
 * statistics of each configuration and the verdict against the baseline configuration.
 */
import type { Table } from '../../model/table';
import type { ViewTable } from '../reportTables';
import type { TableComparison, TableRun } from './compareTables';
import { groupRuns } from './repeats';
import { statisticsTable, type Measure, type StatisticsOptions } from './statisticsTable';

/** The group of the statistics table among a table comparison's tables. */
export const METRIC_STATISTICS_GROUP = 'statistics over repeated runs';

const METRIC: Measure = {
  keyId: 'metric',
  keyLabel: 'metric',
  quantity: 'value',
  unit: 'none',
  absentIsZero: false,
  format: (v) => String(Number(v.toPrecision(6))),
};

/** A run's metrics: its one table keyed by metric (a run of a log, or a log file of one run), else none. */
function metricValues(run: TableRun): Map<string, number> | undefined {
  const tables = run.tables.filter((t) => t.keys.length === 1 && t.keys[0] === 'metric' && t.columns.some((c) => c.id === 'value'));
  if (tables.length !== 1) return undefined;
  const t = tables[0];
  const k = t.columns.findIndex((c) => c.id === 'metric');
  const v = t.columns.findIndex((c) => c.id === 'value');
  const out = new Map<string, number>();
  for (const r of t.rows) {
    const key = r.cells[k];
    const value = r.cells[v];
    if (typeof key === 'string' && typeof value === 'number' && Number.isFinite(value) && !out.has(key)) out.set(key, value);
  }
  return out;
}

/**
 * Per metric statistics when the runs are repeats of two or more configurations (one of them run
 * at least twice) and each run has its metrics; else undefined. `baselineRun`: a run of the
 * baseline configuration.
 */
export function repeatedMetricsTable(runs: readonly TableRun[], baselineRun: number, options: Partial<Omit<StatisticsOptions, 'baseline'>> = {}): Table | undefined {
  const measured = runs.map((r) => ({ label: r.name ?? r.label, values: metricValues(r) }));
  if (measured.some((m) => !m.values)) return undefined;
  const groups = groupRuns(measured as Array<{ label: string; values: Map<string, number> }>);
  if (groups.length < 2 || groups.every((g) => g.runs.length < 2)) return undefined;
  const base = runs[baselineRun];
  const baseline = Math.max(0, groups.findIndex((g) => g.runs.some((r) => base && r.label === (base.name ?? base.label))));
  const o: StatisticsOptions = { baseline, test: options.test ?? 'mann-whitney', trim: options.trim ?? false, alpha: options.alpha ?? 0.05 };
  return statisticsTable(groups, o, METRIC, 'value per metric');
}

/** The comparison with the statistics as its first table when its runs are repeats (the panel's table picker). */
export function withMetricStatistics(c: TableComparison, runs: readonly TableRun[], options: Partial<Omit<StatisticsOptions, 'baseline'>> = {}): TableComparison {
  const stats = repeatedMetricsTable(runs, c.baseline, options);
  if (!stats) return c;
  const table: ViewTable = { ...stats, group: METRIC_STATISTICS_GROUP };
  return { ...c, tables: [table, ...c.tables], statistics: true };
}
