/**
 * The comparison shown last, for hovers: with a comparison open, a hover on a function in any
 * stack report adds its share in the baseline and the change ("+3.20 pts self vs baseline (6.12%)").
 */
import type { ProfileDiff } from '../analysis/compare/profileDiff';
import { matchName, type SymbolMatching } from '../analysis/compare/symbols';
import type { FunctionTotals } from '../model/profile';

interface ActiveComparison {
  owner: object;
  sources: string[];
  diff: ProfileDiff;
  matching: SymbolMatching;
  byName: Map<string, ProfileDiff['functions'][number]>;
}

let active: ActiveComparison | undefined;

export function setActiveComparison(owner: object, sources: string[], diff: ProfileDiff, matching: SymbolMatching): void {
  active = { owner, sources, diff, matching, byName: new Map(diff.functions.map((f) => [f.name, f])) };
}

export function clearActiveComparison(owner: object): void {
  if (active?.owner === owner) active = undefined;
}

const pts = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(2)} pts`;

/**
 * The comparison's note for a function hovered in document `uri` (one of the runs, or any report
 * with function totals), or undefined when no comparison is open or it does not have the function.
 */
export function comparisonNote(uri: string, names: readonly string[], totals: FunctionTotals | undefined): string | undefined {
  if (!active) return undefined;
  const { diff, byName } = active;
  for (const raw of names) {
    const f = byName.get(matchName(raw, active.matching));
    if (!f) continue;
    const b = diff.baseline;
    const baseLabel = diff.labels[b];
    const run = active.sources.indexOf(uri);
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
