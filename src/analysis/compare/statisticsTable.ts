/**
 * The statistics table over repeated runs, whatever is measured (a function's share of a profile,
 * a run log's metric): per key, for each configuration n, mean, median, stddev, 95% CI, min, max
 * and the runs Tukey's fences mark as outliers; for each other configuration the change of the
 * centre against the baseline configuration and benchstat's verdict (`+3.21%`, `~`, `?`) with its p.
 */
import type { Table, TableCell, TableColumn } from '../../model/table';
import type { Unit } from '../../model/units';
import { compareSamples, summarize, trimRuns } from './statistics';

export interface RunGroup<R> {
  name: string;
  runs: R[];
}

export interface StatisticsOptions {
  baseline: number;
  test: 'mann-whitney' | 'welch';
  /** Drop the first and last run of each group (seed 001: "5 runs, drop first and last"). */
  trim: boolean;
  alpha: number;
}

/** What is measured: the key column, the quantity's name and unit, and how a run without the key counts. */
export interface Measure {
  keyId: string;
  keyLabel: string;
  /** `total %`, `value`. */
  quantity: string;
  unit: Unit;
  /** A function absent from a run weighs 0 there; a metric a run did not print is no sample. */
  absentIsZero: boolean;
  /** Keys whose mean is below this in every configuration are left out. */
  minMean?: number;
  /** How an outlier's value is printed next to its run. */
  format(v: number): string;
}

/** One run's values by key. */
export interface RunValues {
  label: string;
  values: ReadonlyMap<string, number>;
}

/** Configurations are lettered in the columns (A = the first); the title says which is which. */
const letter = (i: number): string => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

function columnsFor(groups: number, baseline: number, m: Measure): TableColumn[] {
  const columns: TableColumn[] = [{ kind: 'text', id: m.keyId, label: m.keyLabel }];
  for (let i = 0; i < groups; i++) {
    columns.push({ kind: 'number', id: `n${i}`, label: `${letter(i)} n`, unit: 'count' });
    columns.push({ kind: 'number', id: `mean${i}`, label: `${letter(i)} mean ${m.quantity}`, unit: m.unit });
    columns.push({ kind: 'number', id: `median${i}`, label: `${letter(i)} median`, unit: m.unit });
    columns.push({ kind: 'number', id: `sd${i}`, label: `${letter(i)} ±sd`, unit: 'none' });
    columns.push({ kind: 'number', id: `ci${i}`, label: `${letter(i)} ±95% CI`, unit: 'none' });
    columns.push({ kind: 'number', id: `min${i}`, label: `${letter(i)} min`, unit: m.unit });
    columns.push({ kind: 'number', id: `max${i}`, label: `${letter(i)} max`, unit: m.unit });
    columns.push({ kind: 'text', id: `outliers${i}`, label: `${letter(i)} outliers` });
  }
  for (let i = 0; i < groups; i++) {
    if (i === baseline) continue;
    columns.push({ kind: 'number', id: `change${i}`, label: `${letter(i)} change`, unit: 'percent' });
    columns.push({ kind: 'text', id: `verdict${i}`, label: `${letter(i)} vs ${letter(baseline)}` });
    columns.push({ kind: 'number', id: `p${i}`, label: `${letter(i)} p`, unit: 'ratio' });
  }
  return columns;
}

/** `what`: the title's tail (`total % per function`). Rows: significant changes first, then by |change|. */
export function statisticsTable(groups: ReadonlyArray<RunGroup<RunValues>>, o: StatisticsOptions, m: Measure, what: string): Table {
  if (groups.length < 2) throw new Error('statistics over repeated runs need at least two configurations');
  if (o.baseline < 0 || o.baseline >= groups.length) throw new Error(`baseline ${o.baseline} is not one of the ${groups.length} configurations`);
  const kept = groups.map((g) => (o.trim ? trimRuns(g.runs) : g.runs));
  const keys = new Set<string>();
  for (const runs of kept) for (const r of runs) for (const k of r.values.keys()) keys.add(k);
  const others = groups.map((_, i) => i).filter((i) => i !== o.baseline);
  const rows: Array<{ line: number; cells: TableCell[]; sort: number }> = [];
  for (const key of keys) {
    // Each sample keeps its run, so outliers can name it.
    const samples = kept.map((runs) => runs.flatMap((r) => (r.values.has(key) ? [{ run: r.label, v: r.values.get(key)! }] : m.absentIsZero ? [{ run: r.label, v: 0 }] : [])));
    const values = samples.map((s) => s.map((x) => x.v));
    const summaries = values.map((s) => summarize(s));
    if (m.minMean !== undefined && summaries.every((s) => !(s.mean >= m.minMean!))) continue;
    const cells: TableCell[] = [key];
    summaries.forEach((s, g) => {
      const num = (v: number): number | null => (Number.isNaN(v) ? null : round(v));
      cells.push(s.n, num(s.mean), num(s.median), num(s.stddev), s.ci95 ? round((s.ci95[1] - s.ci95[0]) / 2) : null, num(s.min), num(s.max));
      cells.push(samples[g].filter((x) => s.outliers.includes(x.v)).map((x) => `${x.run} (${m.format(x.v)})`).join(', '));
    });
    let sort = 0;
    for (const i of others) {
      const v = compareSamples(values[o.baseline], values[i], { test: o.test, alpha: o.alpha });
      // No change without a centre on both sides (a metric one configuration never printed).
      cells.push(v.change !== undefined && Number.isFinite(v.change) ? round(v.change) : null, v.text, Number.isNaN(v.result.p) ? null : round(v.result.p));
      sort = Math.max(sort, (Number.isFinite(v.change) ? Math.abs(v.change!) : 0) + (v.significant ? 1e6 : 0));
    }
    rows.push({ line: 0, cells, sort });
  }
  rows.sort((a, b) => b.sort - a.sort || String(a.cells[0]).localeCompare(String(b.cells[0])));
  const test = o.test === 'welch' ? "Welch's t-test" : 'Mann-Whitney U';
  return {
    title: `${groups.map((g, i) => `${letter(i)} = ${g.name} (n=${kept[i].length})${i === o.baseline ? ' baseline' : ''}`).join(', ')}: ${what}, ${test}, α=${o.alpha}${o.trim ? ', first and last run dropped' : ''}`,
    columns: columnsFor(groups.length, o.baseline, m),
    keys: [m.keyId],
    rows: rows.map(({ line, cells }) => ({ line, cells })),
  };
}
