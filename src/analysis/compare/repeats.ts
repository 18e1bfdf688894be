/**
 * Repeated runs of one configuration (benchstat's question): runs grouped by name (`…-RUN-3`,
 * `…_run3`, `….3`) or by the user, then per function the share in each run of a group, its
 * statistics, and the verdict of each group against the baseline group.
 */
import type { Table } from '../../model/table';
import { functionStats } from '../functionStats';
import type { CallTree } from '../../model/callTree';
import { matchName, DEFAULT_SYMBOL_MATCHING, type SymbolMatching } from './symbols';
import { statisticsTable, type Measure, type RunGroup, type StatisticsOptions } from './statisticsTable';

export type { RunGroup } from './statisticsTable';

/** The configuration a run's name stands for: the name without its repeat number. */
export function configurationName(label: string): string {
  const dot = label.lastIndexOf('.');
  const stem = dot > 0 ? label.slice(0, dot) : label;
  const ext = dot > 0 ? label.slice(dot) : '';
  const without = stem.replace(/[-_.]?run[-_.]?\d+(?=$|[-_.])/i, '').replace(/[-_.]\d+$/, '');
  return without === stem ? label : without + ext;
}

/** Runs grouped by configuration name, in the order each configuration first appears. */
export function groupRuns<R extends { label: string }>(runs: readonly R[]): RunGroup<R>[] {
  const groups = new Map<string, R[]>();
  for (const r of runs) {
    const name = configurationName(r.label);
    const g = groups.get(name);
    if (g) g.push(r);
    else groups.set(name, [r]);
  }
  return [...groups].map(([name, rs]) => ({ name, runs: rs }));
}

/**
 * Configurations the user chose (run positions per configuration), named by their first run; undefined
 * unless they are two or more non-empty groups of distinct runs of `runs`.
 */
export function chosenGroups<R extends { label: string }>(runs: readonly R[], groups: readonly (readonly number[])[] | undefined): RunGroup<R>[] | undefined {
  if (!groups || groups.length < 2 || groups.some((g) => g.length === 0)) return undefined;
  const all = groups.flat();
  if (new Set(all).size !== all.length || all.some((i) => !Number.isInteger(i) || i < 0 || i >= runs.length)) return undefined;
  return groups.map((g) => ({ name: g.length > 1 ? `${runs[g[0]].label} +${g.length - 1}` : runs[g[0]].label, runs: g.map((i) => runs[i]) }));
}

/** Whether run names alone group the runs into repeats (two or more configurations, one run at least twice). */
export function namesGroupRepeats(labels: readonly string[]): boolean {
  const groups = groupRuns(labels.map((label) => ({ label })));
  return groups.length >= 2 && groups.some((g) => g.runs.length >= 2);
}

export interface RepeatOptions extends StatisticsOptions {
  /** Which share is compared: of the samples with the function on the stack (total), or as leaf (self). */
  share: 'total' | 'self';
  /** Functions below this mean share (%) in every group are left out. */
  minShare: number;
  matching: SymbolMatching;
}

const DEFAULTS: RepeatOptions = { baseline: 0, share: 'total', test: 'mann-whitney', trim: false, alpha: 0.05, minShare: 0.5, matching: DEFAULT_SYMBOL_MATCHING };

/** Per run: matched function name -> share (%). */
function sharesOf(tree: CallTree, share: 'total' | 'self', matching: SymbolMatching): Map<string, number> {
  const { functions, total } = functionStats(tree);
  const out = new Map<string, number>();
  for (const f of functions) {
    const name = matchName(f.name, matching);
    const v = total > 0 ? (100 * (share === 'self' ? f.self : f.total)) / total : 0;
    // Two raw names that match as one (foo and foo.isra.0): on one stack at most once for total.
    out.set(name, share === 'self' ? (out.get(name) ?? 0) + v : Math.max(out.get(name) ?? 0, v));
  }
  return out;
}

/**
 * The statistics table: per function, for each group n, mean, median, stddev, 95% CI, min and max
 * of its share; for each other group the change of the centre against the baseline group and the
 * verdict (`+3.21%`, `~`, `?`) with its p-value.
 */
export function repeatedRunsTable(groups: ReadonlyArray<RunGroup<{ label: string; tree: CallTree }>>, options: Partial<RepeatOptions> = {}): Table {
  const o = { ...DEFAULTS, ...options };
  const what = o.share === 'self' ? 'self %' : 'total %';
  const measured = groups.map((g) => ({ name: g.name, runs: g.runs.map((r) => ({ label: r.label, values: sharesOf(r.tree, o.share, o.matching) })) }));
  const measure: Measure = { keyId: 'function', keyLabel: 'Function', quantity: what, unit: 'percent', absentIsZero: true, minMean: o.minShare, format: (v) => `${v.toFixed(2)}%` };
  return statisticsTable(measured, o, measure, `${what} per function`);
}
