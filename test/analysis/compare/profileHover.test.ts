import { strict as assert } from 'node:assert';
import { parseFolded } from '../../../src/parsers/folded';
import { diffProfiles } from '../../../src/analysis/compare/profileDiff';
import { profileComparisonNote, profileHoverComparison } from '../../../src/analysis/compare/profileHover';
import { DEFAULT_SYMBOL_MATCHING } from '../../../src/analysis/compare/symbols';

const run = (label: string, text: string) => ({ label, tree: parseFolded(text, label).tree });

describe('profile comparison hovers', () => {
  // Baseline: 10 samples, f self 5 (50%), g.isra.0 self 5 (50%). New: 20 samples, f 5 (25%), g 10 (50%), k 5 (25%).
  const diff = diffProfiles([run('base', 'm;f 5\nm;g.isra.0 5\n'), run('new', 'm;f 5\nm;g 10\nm;k 5\n')]);
  const c = profileHoverComparison(diff, DEFAULT_SYMBOL_MATCHING);

  it('gives a compared run’s change in points against the baseline', () => {
    // f: 25% - 50% = -25 points, self and total alike.
    assert.equal(profileComparisonNote(c, 1, ['f'], undefined), '-25.00 pts self, -25.00 pts total vs baseline base (50.00% self, 50.00% total).');
  });

  it('in the baseline, lists the other runs’ shares; a clone suffix matches its function', () => {
    assert.equal(profileComparisonNote(c, 0, ['g.isra.0'], undefined), 'Baseline of the open comparison: 50.00% self, 50.00% total; new 50.00% self (+0.00 pts).');
  });

  it('compares another report by its own totals, and says nothing of functions the comparison lacks', () => {
    // Another profile: f total 30 and self 10 of 40 samples = 75% total, 25% self.
    const totals = { total: 40, unit: 'samples' as const, byName: new Map<string, [number, number]>([['f', [30, 10]]]) };
    assert.equal(profileComparisonNote(c, -1, ['f'], totals), '-25.00 pts self, +25.00 pts total vs baseline base (50.00% self, 50.00% total).');
    assert.equal(profileComparisonNote(c, -1, ['nothere'], totals), undefined);
    // The first name of a stack the comparison has is the one described.
    assert.match(profileComparisonNote(c, 1, ['nothere', 'k'], undefined)!, /^\+25\.00 pts self, \+25\.00 pts total vs baseline base \(0\.00% self, 0\.00% total\)\.$/);
  });
});
