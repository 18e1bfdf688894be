/**
 * FlameGraph's difffolded.pl / inferno's diff-folded: two folded profiles into one
 * `stack count1 count2` list, the input of a differential flame graph. Optionally the first
 * profile is scaled to the second's total (normalise) and hex addresses are masked (strip hex).
 */
import { stripHexAddresses } from './symbols';

export interface FoldedDiffOptions {
  /** Scale the first profile's counts so its total equals the second's (whole counts truncated, as inferno does). */
  normalize: boolean;
  stripHex: boolean;
  /** Truncate fractional counts to integers, as inferno does (FlameGraph's perl keeps them). */
  integerCounts: boolean;
}

export const DEFAULT_FOLDED_DIFF: FoldedDiffOptions = { normalize: false, stripHex: false, integerCounts: false };

export interface FoldedDiff {
  /** Every stack of either profile with its count in each (0 where absent), in plain string order. */
  stacks: Array<[stack: string, before: number, after: number]>;
  totals: [before: number, after: number];
}

export function diffFolded(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>, options: Partial<FoldedDiffOptions> = {}): FoldedDiff {
  const o = { ...DEFAULT_FOLDED_DIFF, ...options };
  const counts = new Map<string, [number, number]>();
  const totals: [number, number] = [0, 0];
  const add = (stacks: ReadonlyMap<string, number>, side: 0 | 1): void => {
    for (const [stack, raw] of stacks) {
      const n = o.integerCounts ? Math.trunc(raw) : raw;
      const key = o.stripHex ? stripHexAddresses(stack) : stack;
      let c = counts.get(key);
      if (!c) counts.set(key, (c = [0, 0]));
      c[side] += n;
      totals[side] += n;
    }
  };
  add(before, 0);
  add(after, 1);
  if (o.normalize && totals[0] !== totals[1] && totals[0] > 0) {
    const scale = totals[1] / totals[0];
    // Whole sample counts stay whole (truncated, as inferno and difffolded.pl do); fractional inputs keep fractions.
    let integral = true;
    for (const c of counts.values()) if (!Number.isInteger(c[0])) integral = false;
    for (const c of counts.values()) c[0] = o.integerCounts || integral ? Math.trunc(c[0] * scale) : c[0] * scale;
  }
  const stacks = [...counts.keys()].sort().map((k): [string, number, number] => [k, counts.get(k)![0], counts.get(k)![1]]);
  return { stacks, totals };
}
