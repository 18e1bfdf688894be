/**
 * perf diff's computations (`-c delta|ratio|wdiff:W1,W2`) as the function table's change column:
 * delta = new% - base% (points of share), ratio = new / base share, wdiff = new*W2 - base*W1 of the
 * raw self weights (W1 weighs the baseline, W2 the other run, as perf's compute_wdiff does).
 */
import type { FunctionShares } from './profileDiff';

export type ChangeMethod = 'delta' | 'ratio' | 'wdiff';

export const CHANGE_METHODS: ReadonlyArray<[ChangeMethod, string]> = [
  ['delta', 'Δ points (delta)'],
  ['ratio', 'Ratio'],
  ['wdiff', 'Weighted diff'],
];

/** The table's change column and, for wdiff, perf's two weights [baseline, other run]. */
export interface ChangeChoice {
  method: ChangeMethod;
  weights: [base: number, next: number];
}

export const DEFAULT_CHANGE: ChangeChoice = { method: 'delta', weights: [1, 1] };

/** `W1,W2` as perf diff -c wdiff takes them: two numbers, neither 0 (perf refuses a 0 weight); else why not. */
export function parseWdiffWeights(text: string): [number, number] | string {
  const parts = text.split(',').map((p) => p.trim());
  const w = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || !w.every(Number.isFinite)) return `weights are two numbers W_BASE,W_NEW (got '${text}')`;
  if (w[0] === 0 || w[1] === 0) return `a weight of 0 leaves one run out (got '${text}'); perf diff refuses it too`;
  return [w[0], w[1]];
}

/** A choice from a message or saved state, or the default when it is not a valid one. */
export function validChange(c: Partial<ChangeChoice> | undefined): ChangeChoice {
  const method = CHANGE_METHODS.some(([m]) => m === c?.method) ? c!.method! : DEFAULT_CHANGE.method;
  const w = c?.weights;
  const weights: [number, number] = Array.isArray(w) && w.length === 2 && w.every((x) => Number.isFinite(x) && x !== 0) ? [w[0], w[1]] : DEFAULT_CHANGE.weights;
  return { method, weights };
}

/** The self ratio of run r to the baseline; null when the baseline has none (perf prints N/A). */
export function selfRatio(f: FunctionShares, r: number, baseline: number): number | null {
  return f.self[baseline] > 0 ? f.self[r] / f.self[baseline] : null;
}

export function weightedDiff(f: FunctionShares, r: number, baseline: number, weights: readonly [number, number]): number {
  return f.rawSelf[r] * weights[1] - f.rawSelf[baseline] * weights[0];
}

/**
 * How far a function moved by the chosen computation, largest first in the table: |Δ self| for
 * delta, |ln ratio| for ratio (halved and doubled rank alike; no ratio ranks last), |wdiff|.
 */
export function changeSize(f: FunctionShares, r: number, baseline: number, change: ChangeChoice): number {
  if (change.method === 'ratio') {
    const ratio = selfRatio(f, r, baseline);
    if (ratio === null) return -1;
    return ratio > 0 ? Math.abs(Math.log(ratio)) : Number.MAX_VALUE;
  }
  if (change.method === 'wdiff') return Math.abs(weightedDiff(f, r, baseline, change.weights));
  return Math.abs(f.self[r] - f.self[baseline]);
}
