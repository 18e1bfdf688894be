/**
 * Function-level comparison of stack profiles (perf script, folded, perf report call graphs):
 * per function its self and total share in each run, the change against the baseline in points,
 * relative and as a ratio (perf diff's delta and ratio; its weighted diff when weights are given),
 * sorted by the largest |change|, and the functions present in only some runs.
 */
import type { CallTree } from '../../model/callTree';
import type { Table, TableColumn, TableCell } from '../../model/table';
import { functionStats } from '../functionStats';
import { mergeCallTrees, type RunTree } from './mergeProfiles';
import { DEFAULT_SYMBOL_MATCHING, type SymbolMatching } from './symbols';
import { changeSize, selfRatio, weightedDiff, type ChangeChoice, type ChangeMethod } from './changeMethod';

export interface ProfileDiffOptions {
  /** Index of the baseline run. */
  baseline: number;
  matching: SymbolMatching;
  /** perf diff -c wdiff:W_BASE,W_NEW: the weighted difference new*W_NEW - base*W_BASE of the raw self weights. */
  weights?: [base: number, next: number];
  /** The run whose weights order the merged tree's siblings (the flame graph's shape); the baseline by default. */
  shape?: number;
}

export interface FunctionShares {
  name: string;
  /** Per run: share of all samples on the stack (total) and as leaf (self), in percent; raw self weight. */
  total: number[];
  self: number[];
  rawSelf: number[];
}

export interface ProfileDiff {
  labels: string[];
  baseline: number;
  /** Sum of weights per run. */
  totals: number[];
  functions: FunctionShares[];
  /** The merged tree (one column per run), for the differential flame graph. */
  tree: CallTree;
}

export function diffProfiles(runs: readonly RunTree[], options: Partial<ProfileDiffOptions> = {}): ProfileDiff {
  const baseline = options.baseline ?? 0;
  if (runs.length < 2) throw new Error(`a comparison needs at least two runs (got ${runs.length})`);
  if (baseline < 0 || baseline >= runs.length) throw new Error(`baseline ${baseline} is not one of the ${runs.length} runs`);
  const tree = mergeCallTrees(runs, options.matching ?? DEFAULT_SYMBOL_MATCHING, options.shape ?? baseline);
  const byName = new Map<string, FunctionShares>();
  const totals: number[] = [];
  runs.forEach((_, r) => {
    const { functions, total } = functionStats(tree, r);
    totals.push(total);
    for (const f of functions) {
      let s = byName.get(f.name);
      if (!s) byName.set(f.name, (s = { name: f.name, total: runs.map(() => 0), self: runs.map(() => 0), rawSelf: runs.map(() => 0) }));
      s.total[r] = total > 0 ? (100 * f.total) / total : 0;
      s.self[r] = total > 0 ? (100 * f.self) / total : 0;
      s.rawSelf[r] = f.self;
    }
  });
  const other = baseline === 0 ? 1 : 0;
  const functions = [...byName.values()].sort(
    (a, b) =>
      Math.abs(b.self[other] - b.self[baseline]) - Math.abs(a.self[other] - a.self[baseline]) ||
      Math.abs(b.total[other] - b.total[baseline]) - Math.abs(a.total[other] - a.total[baseline]) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return { labels: runs.map((r) => r.label), baseline, totals, functions, tree };
}

/** Where a function appears: `all runs`, or the runs that have it. */
export function presence(f: FunctionShares, labels: readonly string[]): string {
  const present = labels.filter((_, r) => f.total[r] > 0);
  return present.length === labels.length ? 'all runs' : `only in ${present.join(', ')}`;
}

/**
 * The comparison as a table (the Tables view, `perflens diff --format csv|json`). Without `method`:
 * every change column (delta, ratio, and wdiff when weighted). With one (the panel's choice): that
 * computation's columns only, rows ordered by its size against the first other run.
 */
export function profileDiffTable(diff: ProfileDiff, weights?: [number, number], method?: ChangeMethod): Table {
  const { labels, baseline } = diff;
  const others = labels.map((_, r) => r).filter((r) => r !== baseline);
  const shows = (m: ChangeMethod): boolean => (method ? method === m : m !== 'wdiff' || !!weights);
  const w: [number, number] = weights ?? [1, 1];
  const columns: TableColumn[] = [{ kind: 'text', id: 'function', label: 'Function' }];
  // Two runs: "base" and "new" (the title names them); more: each run by its label.
  const name = (r: number): string => (labels.length === 2 ? (r === baseline ? 'base' : 'new') : labels[r]);
  labels.forEach((_, r) => {
    columns.push({ kind: 'number', id: `self${r}`, label: `Self % ${name(r)}`, unit: 'percent' });
    columns.push({ kind: 'number', id: `total${r}`, label: `Total % ${name(r)}`, unit: 'percent' });
  });
  for (const r of others) {
    const vs = others.length > 1 ? ` ${labels[r]}` : '';
    if (shows('delta')) columns.push({ kind: 'number', id: `deltaSelf${r}`, label: `Δ self (pts)${vs}`, unit: 'none' }, { kind: 'number', id: `deltaTotal${r}`, label: `Δ total (pts)${vs}`, unit: 'none' });
    if (shows('ratio')) columns.push({ kind: 'number', id: `ratio${r}`, label: `Self ratio${vs}`, unit: 'ratio' });
    if (shows('wdiff')) columns.push({ kind: 'number', id: `wdiff${r}`, label: `Weighted diff ${w[0]},${w[1]}${vs}`, unit: 'none' });
  }
  columns.push({ kind: 'text', id: 'presence', label: 'Present in' });
  const functions = method && method !== 'delta' && others.length > 0 ? sortedBy(diff.functions, others[0], baseline, { method, weights: w }) : diff.functions;
  const rows = functions.map((f) => {
    const cells: TableCell[] = [f.name];
    labels.forEach((_, r) => cells.push(round(f.self[r]), round(f.total[r])));
    for (const r of others) {
      if (shows('delta')) cells.push(round(f.self[r] - f.self[baseline]), round(f.total[r] - f.total[baseline]));
      if (shows('ratio')) {
        const ratio = selfRatio(f, r, baseline);
        cells.push(ratio === null ? null : round(ratio));
      }
      if (shows('wdiff')) cells.push(weightedDiff(f, r, baseline, w));
    }
    cells.push(presence(f, labels));
    return { line: 0, cells };
  });
  return { title: `${labels[baseline]} (baseline) vs ${others.map((r) => labels[r]).join(', ')}`, columns, keys: ['function'], rows };
}

/** Functions by the size of their change (changeSize), largest first; ties keep the delta order. */
function sortedBy(functions: readonly FunctionShares[], r: number, baseline: number, change: ChangeChoice): FunctionShares[] {
  const size = new Map(functions.map((f) => [f, changeSize(f, r, baseline, change)]));
  return [...functions].sort((a, b) => size.get(b)! - size.get(a)!);
}

/** Shares keep 6 decimals: enough for any display, and no float noise in goldens. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
