/**
 * Hovers with a profile comparison open: a function hovered in any stack report gets its share in
 * the baseline and the change ("+3.20 pts self, +1.10 pts total vs baseline a (6.12% self, 9.00% total).").
 */
import type { FunctionTotals } from '../../model/profile';
import type { ProfileDiff } from './profileDiff';
import { matchName, type SymbolMatching } from './symbols';

export interface ProfileHoverComparison {
  diff: ProfileDiff;
  matching: SymbolMatching;
  /** The diff's functions by (matched) name. */
  byName: Map<string, ProfileDiff['functions'][number]>;
}

export function profileHoverComparison(diff: ProfileDiff, matching: SymbolMatching): ProfileHoverComparison {
  return { diff, matching, byName: new Map(diff.functions.map((f) => [f.name, f])) };
}

const pts = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(2)} pts`;

/**
 * The note for the first of `names` the comparison has: `run` is the compared run the document
 * is (-1 for any other report, whose `totals` give its shares), undefined when it has none.
 */
export function profileComparisonNote(c: ProfileHoverComparison, run: number, names: readonly string[], totals: FunctionTotals | undefined): string | undefined {
  const { diff, byName } = c;
  for (const raw of names) {
    const f = byName.get(matchName(raw, c.matching));
    if (!f) continue;
    const b = diff.baseline;
    const baseLabel = diff.labels[b];
    if (run === b) {
      const others = diff.labels.map((l, r) => (r === b ? '' : `${l} ${f.self[r].toFixed(2)}% self (${pts(f.self[r] - f.self[b])})`)).filter(Boolean);
      return `Baseline of the open comparison: ${f.self[b].toFixed(2)}% self, ${f.total[b].toFixed(2)}% total; ${others.join('; ')}.`;
    }
    let self: number;
    let total: number;
    if (run >= 0) {
      self = f.self[run];
      total = f.total[run];
    } else {
      const t = totals?.byName.get(raw);
      if (!t || !totals || totals.total <= 0) continue;
      total = (100 * t[0]) / totals.total;
      self = (100 * t[1]) / totals.total;
    }
    return `${pts(self - f.self[b])} self, ${pts(total - f.total[b])} total vs baseline ${baseLabel} (${f.self[b].toFixed(2)}% self, ${f.total[b].toFixed(2)}% total).`;
  }
  return undefined;
}
