/**
 * Statistics checked against values computed independently: the exact Mann-Whitney distribution by
 * enumerating every assignment of ranks, textbook t quantiles, hand-computed intervals and Welch's
 * test as R's t.test prints it.
 */
import { strict as assert } from 'node:assert';
import { compareSamples, mannWhitneyU, quantile, summarize, trimRuns, welchT } from '../../../src/analysis/compare/statistics';

/** Two-sided exact p by brute force: every way to pick which pooled ranks belong to `a`. */
function bruteForceP(a: number[], b: number[]): number {
  const pooled = [...a, ...b].sort((x, y) => x - y);
  const rank = (v: number) => pooled.indexOf(v) + 1; // no ties in these inputs
  const m = a.length;
  const N = pooled.length;
  const uOf = (ranksA: number[]) => ranksA.reduce((s, r) => s + r, 0) - (m * (m + 1)) / 2;
  const observed = uOf(a.map(rank));
  const us: number[] = [];
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === m) return void us.push(uOf(chosen));
    for (let r = start; r <= N; r++) pick(r + 1, [...chosen, r]);
  };
  pick(1, []);
  const mean = (m * (N - m)) / 2;
  const extreme = us.filter((u) => Math.abs(u - mean) >= Math.abs(observed - mean) - 1e-9).length;
  return Math.min(1, extreme / us.length);
}

const close = (actual: number, expected: number, tol: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} is not within ${tol} of ${expected}`);

describe('statistics over repeated runs', () => {
  it('summarises: mean, median, sample stddev, min/max, 95% CI with t(0.975, n-1)', () => {
    const s = summarize([1, 2, 3, 4, 5]);
    assert.equal(s.mean, 3);
    assert.equal(s.median, 3);
    close(s.stddev, Math.sqrt(2.5), 1e-12, 'stddev');
    // t(0.975, 4) = 2.776 (table); half width 2.776 * 1.5811 / sqrt(5) = 1.963.
    close(s.ci95![0], 3 - 1.963, 0.001, 'CI low');
    close(s.ci95![1], 3 + 1.963, 0.001, 'CI high');
    assert.deepEqual([s.min, s.max], [1, 5]);
    assert.equal(summarize([7]).ci95, undefined);
    assert.ok(Number.isNaN(summarize([7]).stddev));
  });

  it('quantiles interpolate (type 7) and Tukey fences mark outliers', () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantile([1, 2, 3, 4], 0.25), 1.75);
    assert.deepEqual(summarize([1, 2, 3, 4, 100]).outliers, [100]);
    assert.deepEqual(summarize([1, 2, 3, 4, 5]).outliers, []);
  });

  it('trims runs as seed 001 does (5 runs, drop first and last)', () => {
    assert.deepEqual(trimRuns([9, 1, 2, 3, 9]), [1, 2, 3]);
    assert.deepEqual(trimRuns([1, 2]), []);
  });

  it('Mann-Whitney U: exact p equals brute-force enumeration', () => {
    const cases: Array<[number[], number[]]> = [
      [[1, 2, 3], [4, 5, 6]],
      [[1.1, 2.5, 3.3, 4.8, 5.2], [2.2, 6.1, 7.4, 8.8, 9.9]],
      [[10, 12, 14, 16], [11, 13, 15]],
      [[3, 1, 4, 1.5, 5.9, 2.6], [5.3, 5.8, 9.7, 9.3]],
    ];
    for (const [a, b] of cases) {
      const r = mannWhitneyU(a, b);
      assert.equal(r.exact, true);
      close(r.p, bruteForceP(a, b), 1e-12, `p of ${a} vs ${b}`);
    }
    // Fully separated 5+5: 2 / C(10,5) = 2/252.
    close(mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]).p, 2 / 252, 1e-12, '5+5 separated');
    close(mannWhitneyU([1, 2, 3], [4, 5, 6]).minP!, 0.1, 1e-12, 'smallest p for 3+3');
  });

  it('Mann-Whitney U with ties: normal approximation with tie and continuity corrections', () => {
    // a = [1,2,2], b = [2,3,4]: ranks 1, 3,3,3, 5, 6; U_b = 9 - 3.5... computed by hand:
    // rank sum a = 1 + 3 + 3 = 7, U_a = 7 - 6 = 1, U_b = 8; mean 4.5; ties t=3: sum t^3-t = 24;
    // var = (9/12) * (7 - 24/30) = 4.65; z = (3.5 - 0.5)/sqrt(4.65) = 1.3912; p = 2(1 - Phi(z)) = 0.1642.
    const r = mannWhitneyU([1, 2, 2], [2, 3, 4]);
    assert.equal(r.exact, false);
    assert.equal(r.statistic, 8);
    close(r.p, 0.1642, 0.0005, 'tied p');
  });

  it("Welch's t-test as R's t.test(1:5, c(2,4,6,8,10)) prints it: t = 1.8974 (sign: second minus first), p = 0.1075", () => {
    const r = welchT([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    close(r.statistic, 1.8974, 0.0001, 't');
    close(r.p, 0.1075, 0.0005, 'p');
  });

  it('gives benchstat-like verdicts: a change, ~ with p, or n too small', () => {
    // Medians 100 -> 110, fully separated 5+5: p = 2/252 < 0.05.
    const up = compareSamples([100, 101, 99, 98, 102], [110, 111, 109, 112, 108]);
    assert.equal(up.significant, true);
    assert.equal(up.text, '+10.00%');
    assert.match(up.note!, /p=0\.008 n=5\+5/);
    // Interleaved: no significant difference.
    const same = compareSamples([100, 102, 104, 106, 108], [101, 103, 105, 107, 109]);
    assert.equal(same.text, '~');
    assert.equal(same.significant, false);
    assert.match(same.note!, /^p=0\.\d{3} n=5\+5$/);
    // 2+2 can never reach p < 0.05 (smallest p = 2/6).
    const tiny = compareSamples([1, 2], [10, 11]);
    assert.equal(tiny.text, '?');
    assert.match(tiny.note!, /n too small.*0\.333/);
    assert.equal(compareSamples([1], [2], { test: 'welch' }).text, '?');
    assert.equal(compareSamples([1, 2, 3], [11, 12, 13], { test: 'welch' }).significant, true);
  });
});
