/**
 * Differential flame graph colours (pure): each frame's change of share between two runs, in
 * points of the whole profile, and its colour — red where it grew, blue where it shrank, grey below
 * the noise threshold, stronger with the size of the change (as FlameGraph's --negate-free
 * differential graphs, but in shares so runs of different lengths compare).
 */
import type { CallTree } from '../../src/model/callTree';
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

export function diffClass(delta: number, threshold: number): DiffClass {
  if (Math.abs(delta) < threshold || delta === 0) return 'neutral';
  return delta > 0 ? 'grew' : 'shrank';
}

const NEUTRAL: Rgb = [160, 160, 160];
const WHITE: Rgb = [255, 255, 255];

/** The frame colour: intensity from |delta| relative to the largest change in the tree. */
export function diffColor(delta: number, maxAbs: number, threshold: number, palette: Palette): string {
  const cls = diffClass(delta, threshold);
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

/** "base 12.00% → new 15.20% (+3.20 pts)" for tooltips. */
export function describeChange(tree: CallTree, diff: DiffMeta, idx: number, delta: number): string {
  const share = (r: number): string => {
    const t = diff.totals[r] || tree.columns[r].total[0];
    return t > 0 ? `${((100 * tree.columns[r].total[idx]) / t).toFixed(2)}%` : '0%';
  };
  const sign = delta > 0 ? '+' : '';
  return `${diff.labels[diff.baseline]} ${share(diff.baseline)} → ${diff.labels[diff.compared]} ${share(diff.compared)} (${sign}${delta.toFixed(2)} pts)`;
}
