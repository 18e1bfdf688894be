/**
 * Repeated runs of one configuration (benchstat's question): runs grouped by name (`…-RUN-3`,
 * `…_run3`, `….3`) or by the user, then per function the share in each run of a group, its
 * statistics, and the verdict of each group against the baseline group.
 */
import type { Table, TableCell, TableColumn } from '../../model/table';
import { functionStats } from '../functionStats';
import type { CallTree } from '../../model/callTree';
import { compareSamples, summarize, trimRuns } from './statistics';
import { matchName, DEFAULT_SYMBOL_MATCHING, type SymbolMatching } from './symbols';

/** The configuration a run's name stands for: the name without its repeat number. */
export function configurationName(label: string): string {
  const dot = label.lastIndexOf('.');
  const stem = dot > 0 ? label.slice(0, dot) : label;
  const ext = dot > 0 ? label.slice(dot) : '';
  const without = stem.replace(/[-_.]?run[-_.]?\d+(?=$|[-_.])/i, '').replace(/[-_.]\d+$/, '');
  return without === stem ? label : without + ext;
}

export interface RunGroup<R> {
  name: string;
  runs: R[];
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

export interface RepeatOptions {
  baseline: number;
  /** Which share is compared: of the samples with the function on the stack (total), or as leaf (self). */
  share: 'total' | 'self';
  test: 'mann-whitney' | 'welch';
  /** Drop the first and last run of each group (seed 001: "5 runs, drop first and last"). */
  trim: boolean;
  alpha: number;
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
 * The statistics table: per function, for each group n, mean, stddev and 95% CI of its share; for
 * each other group the change of the centre against the baseline group and the verdict
 * (`+3.21%`, `~`, `?`) with its p-value.
 */
export function repeatedRunsTable(groups: ReadonlyArray<RunGroup<{ label: string; tree: CallTree }>>, options: Partial<RepeatOptions> = {}): Table {
  const o = { ...DEFAULTS, ...options };
  if (groups.length < 2) throw new Error('statistics over repeated runs need at least two configurations');
  if (o.baseline < 0 || o.baseline >= groups.length) throw new Error(`baseline ${o.baseline} is not one of the ${groups.length} configurations`);
  const kept = groups.map((g) => (o.trim ? trimRuns(g.runs) : g.runs));
  const perGroup = kept.map((runs) => runs.map((r) => sharesOf(r.tree, o.share, o.matching)));
  const names = new Set<string>();
  for (const runs of perGroup) for (const m of runs) for (const n of m.keys()) names.add(n);
  const columns: TableColumn[] = [{ kind: 'text', id: 'function', label: 'Function' }];
  const what = o.share === 'self' ? 'self %' : 'total %';
  // Configurations are lettered in the columns (A = the first); the title says which is which.
  const letter = (i: number): string => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
  groups.forEach((_, i) => {
    columns.push({ kind: 'number', id: `n${i}`, label: `${letter(i)} n`, unit: 'count' });
    columns.push({ kind: 'number', id: `mean${i}`, label: `${letter(i)} mean ${what}`, unit: 'percent' });
    columns.push({ kind: 'number', id: `sd${i}`, label: `${letter(i)} ±sd`, unit: 'none' });
    columns.push({ kind: 'number', id: `ci${i}`, label: `${letter(i)} ±95% CI`, unit: 'none' });
    columns.push({ kind: 'number', id: `min${i}`, label: `${letter(i)} min`, unit: 'percent' });
    columns.push({ kind: 'number', id: `max${i}`, label: `${letter(i)} max`, unit: 'percent' });
    columns.push({ kind: 'text', id: `outliers${i}`, label: `${letter(i)} outliers` });
  });
  const others = groups.map((_, i) => i).filter((i) => i !== o.baseline);
  for (const i of others) {
    columns.push({ kind: 'number', id: `change${i}`, label: `${letter(i)} change`, unit: 'percent' });
    columns.push({ kind: 'text', id: `verdict${i}`, label: `${letter(i)} vs ${letter(o.baseline)}` });
    columns.push({ kind: 'number', id: `p${i}`, label: `${letter(i)} p`, unit: 'ratio' });
  }
  const rows: Array<{ line: number; cells: TableCell[]; sort: number }> = [];
  for (const name of names) {
    const samples = perGroup.map((runs) => runs.map((m) => m.get(name) ?? 0));
    const summaries = samples.map((s) => summarize(s));
    if (summaries.every((s) => !(s.mean >= o.minShare))) continue;
    const cells: TableCell[] = [name];
    summaries.forEach((s, g) => {
      cells.push(s.n, round(s.mean), Number.isNaN(s.stddev) ? null : round(s.stddev), s.ci95 ? round((s.ci95[1] - s.ci95[0]) / 2) : null);
      cells.push(round(s.min), round(s.max));
      // Tukey outliers: the runs that hold them, with their share.
      const marked = samples[g].map((v, r) => (s.outliers.includes(v) ? `${kept[g][r].label} (${v.toFixed(2)}%)` : '')).filter(Boolean);
      cells.push(marked.join(', '));
    });
    let sort = 0;
    for (const i of others) {
      const v = compareSamples(samples[o.baseline], samples[i], { test: o.test, alpha: o.alpha });
      cells.push(v.change === undefined ? null : round(v.change), v.text, Number.isNaN(v.result.p) ? null : round(v.result.p));
      if (v.significant) sort = Math.max(sort, Math.abs(v.change ?? 0) + 1e6);
      else sort = Math.max(sort, Math.abs(v.change ?? 0));
    }
    rows.push({ line: 0, cells, sort });
  }
  rows.sort((a, b) => b.sort - a.sort || String(a.cells[0]).localeCompare(String(b.cells[0])));
  const test = o.test === 'welch' ? "Welch's t-test" : 'Mann-Whitney U';
  return {
    title: `${groups.map((g, i) => `${letter(i)} = ${g.name} (n=${o.trim ? trimRuns(g.runs).length : g.runs.length})${i === o.baseline ? ' baseline' : ''}`).join(', ')}: ${what} per function, ${test}, α=${o.alpha}${o.trim ? ', first and last run dropped' : ''}`,
    columns,
    keys: ['function'],
    rows: rows.map(({ line, cells }) => ({ line, cells })),
  };
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
