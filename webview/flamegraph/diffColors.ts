/**
 * Differential flame graph colours (pure): each frame's change of share between two runs, in
 * points of the whole profile, and its colour — red where it grew, blue where it shrank, grey below
 * the noise threshold, stronger with the size of the change (as FlameGraph's --negate-free
 * differential graphs, but in shares so runs of different lengths compare).
 */
import type { CallTree } from '../../src/model/callTree';
import { formatNumber, type WeightUnit } from '../../src/model/units';
import type { DiffMeta } from '../../src/protocol';
import type { Palette, Rgb } from './colors';

export type DiffClass = 'grew' | 'shrank' | 'neutral';

/** Per node: share in the compared run minus share in the baseline, in percentage points. */
export function frameDeltas(tree: CallTree, diff: DiffMeta): Float64Array {
  const base = tree.columns[diff.baseline].total;
  const next = tree.columns[diff.compared].total;
  const tb = diff.totals[diff.baseline] || base[0];
  const tn = diff.totals[diff.compared] || next[0];
  const out = new Float64Array(base.length);
  for (let i = 0; i < base.length; i++) out[i] = (tn > 0 ? (100 * next[i]) / tn : 0) - (tb > 0 ? (100 * base[i]) / tb : 0);
  return out;
}

/**
 * Per node, the size of its change that the noise threshold is compared with: |Δ points| of share,
 * or (thresholdUnit 'weight') |Δ| of the raw weights — samples, or period/event counts when the
 * runs count those — so "a frame must move by at least N samples" is expressible.
 */
export function frameNoise(tree: CallTree, diff: DiffMeta, deltas: Float64Array): Float64Array {
  const out = new Float64Array(deltas.length);
  if (diff.thresholdUnit === 'weight') {
    const base = tree.columns[diff.baseline].total;
    const next = tree.columns[diff.compared].total;
    for (let i = 0; i < out.length; i++) out[i] = Math.abs(next[i] - base[i]);
  } else {
    for (let i = 0; i < out.length; i++) out[i] = Math.abs(deltas[i]);
  }
  return out;
}

/** `delta` (points) gives the direction; `noise` (frameNoise, in the threshold's unit) below `threshold` is neutral. */
export function diffClass(delta: number, noise: number, threshold: number): DiffClass {
  if (noise < threshold || delta === 0) return 'neutral';
  return delta > 0 ? 'grew' : 'shrank';
}

const NEUTRAL: Rgb = [160, 160, 160];
const WHITE: Rgb = [255, 255, 255];

/** The frame colour: intensity from |delta| relative to the largest change in the tree. */
export function diffColor(delta: number, noise: number, maxAbs: number, threshold: number, palette: Palette): string {
  const cls = diffClass(delta, noise, threshold);
  if (cls === 'neutral') return toCss(NEUTRAL);
  const strength = maxAbs > 0 ? Math.min(1, Math.abs(delta) / maxAbs) : 1;
  // Faint at the threshold, the full theme colour at the largest change.
  const base = cls === 'grew' ? palette.red : palette.blue;
  return toCss(mix(WHITE, base, 0.25 + 0.75 * strength));
}

export function largestChange(deltas: Float64Array): number {
  let max = 0;
  for (let i = 1; i < deltas.length; i++) max = Math.max(max, Math.abs(deltas[i]));
  return max;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function toCss(c: Rgb): string {
  return `rgb(${Math.round(c[0])},${Math.round(c[1])},${Math.round(c[2])})`;
}

/** What a profile's weights count, for the threshold's label and tooltips: samples, `cycles period`, counts. */
export function weightWord(unit: WeightUnit, event?: string): string {
  if (unit === 'period') return event ? `${event} period` : 'period';
  return unit === 'count' ? 'counts' : 'samples';
}

/**
 * A threshold carried over to the other unit so it keeps roughly its meaning: p points of share
 * are p% of the smaller of the two runs' totals (the stricter reading), and back.
 */
export function convertThreshold(value: number, to: 'points' | 'weight', totals: readonly number[]): number {
  const smaller = Math.min(...totals.filter((t) => t > 0));
  if (!Number.isFinite(smaller)) return to === 'points' ? 0.5 : 0;
  return to === 'weight' ? Math.round((value / 100) * smaller) : Math.round((10000 * value) / smaller) / 100;
}

/** "base 12.00% → new 15.20% (+3.20 pts)" for tooltips; with the weight change when the threshold is in weight. */
export function describeChange(tree: CallTree, diff: DiffMeta, idx: number, delta: number, unitWord = 'samples'): string {
  const share = (r: number): string => {
    const t = diff.totals[r] || tree.columns[r].total[0];
    return t > 0 ? `${((100 * tree.columns[r].total[idx]) / t).toFixed(2)}%` : '0%';
  };
  const sign = delta > 0 ? '+' : '';
  let weight = '';
  if (diff.thresholdUnit === 'weight') {
    const raw = tree.columns[diff.compared].total[idx] - tree.columns[diff.baseline].total[idx];
    weight = `, ${raw > 0 ? '+' : ''}${formatNumber(raw)} ${unitWord}`;
  }
  return `${diff.labels[diff.baseline]} ${share(diff.baseline)} → ${diff.labels[diff.compared]} ${share(diff.compared)} (${sign}${delta.toFixed(2)} pts${weight})`;
}
