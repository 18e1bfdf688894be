/**
 * Statistics over repeated runs of one configuration, as Go's benchstat reports them: n, mean,
 * median, stddev, min/max, a 95% confidence interval of the mean (Student's t), and a verdict
 * against the baseline by the Mann-Whitney U test (exact distribution without ties, normal
 * approximation with tie correction otherwise) or Welch's t-test. The distributions' quantiles and
 * CDFs come from stdlib; the tests check the rest against independently computed values.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export interface Summary {
  n: number;
  mean: number;
  median: number;
  /** Sample standard deviation (n - 1); NaN when n < 2. */
  stddev: number;
  min: number;
  max: number;
  /** 95% confidence interval of the mean; undefined when n < 2. */
  ci95?: [number, number];
  /** Values outside Tukey's fences (1.5 IQR beyond the quartiles), in input order. */
  outliers: number[];
}

/** Quantile by linear interpolation between order statistics (R's type 7, numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = n > 0 ? values.reduce((s, v) => s + v, 0) / n : NaN;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : NaN;
  const stddev = Math.sqrt(variance);
  let ci95: [number, number] | undefined;
  if (n > 1) {
    const half = tQuantile(0.975, n - 1) * (stddev / Math.sqrt(n));
    ci95 = [mean - half, mean + half];
  }
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const fence = 1.5 * (q3 - q1);
  const outliers = n >= 4 ? values.filter((v) => v < q1 - fence || v > q3 + fence) : [];
  return { n, mean, median: quantile(sorted, 0.5), stddev, min: sorted[0] ?? NaN, max: sorted[n - 1] ?? NaN, ci95, outliers };
}

/** Seed 001's "5 runs, drop first and last": the runs in order, without the first and last `k`. */
export function trimRuns<T>(runs: readonly T[], dropFirst = 1, dropLast = 1): T[] {
  return runs.slice(dropFirst, Math.max(dropFirst, runs.length - dropLast));
}

export interface TestResult {
  test: 'mann-whitney' | 'welch';
  /** Two-sided p-value. */
  p: number;
  /** The smallest p-value these sample sizes can give (Mann-Whitney): above alpha, no difference can be shown. */
  minP?: number;
  /** U statistic (of the second sample) or Welch's t. */
  statistic: number;
  exact?: boolean;
}

/** Midranks (1-based) of the pooled samples, and the tie-correction term sum(t^3 - t). */
function ranks(a: readonly number[], b: readonly number[]): { rankA: number[]; tieTerm: number; ties: boolean } {
  const pooled = [...a.map((v) => ({ v, from: 0 })), ...b.map((v) => ({ v, from: 1 }))].sort((x, y) => x.v - y.v);
  const rankA: number[] = [];
  let tieTerm = 0;
  for (let i = 0; i < pooled.length; ) {
    let j = i;
    while (j + 1 < pooled.length && pooled[j + 1].v === pooled[i].v) j++;
    const t = j - i + 1;
    if (t > 1) tieTerm += t ** 3 - t;
    const mid = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (pooled[k].from === 0) rankA.push(mid);
    i = j + 1;
  }
  return { rankA, tieTerm, ties: tieTerm > 0 };
}

/** Number of ways to get each U (0..m*n) for samples of m and n without ties: f(m,n,u) = f(m-1,n,u-n) + f(m,n-1,u). */
function exactUCounts(m: number, n: number): number[] {
  // prev[j][u] for the current i, built row by row over i (0..m) and j (0..n).
  let rows: number[][] = [];
  for (let j = 0; j <= n; j++) rows.push([1]);
  for (let i = 1; i <= m; i++) {
    const next: number[][] = [[1]];
    for (let j = 1; j <= n; j++) {
      const size = i * j + 1;
      const f = new Array<number>(size).fill(0);
      const a = rows[j]; // f(i-1, j, ·): shifted by j
      const b = next[j - 1]; // f(i, j-1, ·)
      for (let u = 0; u < size; u++) f[u] = (u - j >= 0 && u - j < a.length ? a[u - j] : 0) + (u < b.length ? b[u] : 0);
      next.push(f);
    }
    rows = next;
  }
  return rows[n];
}

/** Mann-Whitney U, two-sided. Exact without ties when both samples have at most 50 values. */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): TestResult {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return { test: 'mann-whitney', p: NaN, statistic: NaN };
  const { rankA, tieTerm, ties } = ranks(a, b);
  const uA = rankA.reduce((s, r) => s + r, 0) - (m * (m + 1)) / 2;
  const uB = m * n - uA;
  if (!ties && m <= 50 && n <= 50) {
    const counts = exactUCounts(m, n);
    const total = counts.reduce((s, c) => s + c, 0);
    const small = Math.min(uA, uB);
    let tail = 0;
    for (let u = 0; u <= small; u++) tail += counts[u];
    return { test: 'mann-whitney', p: Math.min(1, (2 * tail) / total), minP: Math.min(1, (2 * counts[0]) / total), statistic: uB, exact: true };
  }
  const mean = (m * n) / 2;
  const N = m + n;
  const variance = ((m * n) / 12) * (N + 1 - tieTerm / (N * (N - 1)));
  if (variance <= 0) return { test: 'mann-whitney', p: 1, statistic: uB, exact: false };
  const z = (Math.abs(uB - mean) - 0.5) / Math.sqrt(variance);
  const p = Math.min(1, 2 * (1 - normalCdf(Math.max(0, z), 0, 1)));
  const zMin = (mean - 0.5) / Math.sqrt((m * n * (N + 1)) / 12);
  return { test: 'mann-whitney', p, minP: Math.min(1, 2 * (1 - normalCdf(zMin, 0, 1))), statistic: uB, exact: false };
}

/** Welch's unequal-variances t-test, two-sided. */
export function welchT(a: readonly number[], b: readonly number[]): TestResult {
  const sa = summarize(a);
  const sb = summarize(b);
  if (sa.n < 2 || sb.n < 2) return { test: 'welch', p: NaN, statistic: NaN };
  const va = sa.stddev ** 2 / sa.n;
  const vb = sb.stddev ** 2 / sb.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { test: 'welch', p: sa.mean === sb.mean ? 1 : 0, statistic: sa.mean === sb.mean ? 0 : Infinity };
  const t = (sb.mean - sa.mean) / se;
  const df = (va + vb) ** 2 / (va ** 2 / (sa.n - 1) + vb ** 2 / (sb.n - 1));
  return { test: 'welch', p: Math.min(1, 2 * (1 - tCdf(Math.abs(t), df))), statistic: t };
}

export interface Verdict {
  /** `+3.21%`, `-12.00%`, `~` (no significant difference) or `?` (n too small to tell). */
  text: string;
  /** Relative change of the centre (median for Mann-Whitney, mean for Welch) in percent; undefined when the baseline centre is 0. */
  change?: number;
  significant: boolean;
  result: TestResult;
  /** Why no verdict could be given, in words. */
  note?: string;
}

/** benchstat's verdict of `next` against `base`: a change only when the test says it is significant at `alpha`. */
export function compareSamples(base: readonly number[], next: readonly number[], options: { test?: 'mann-whitney' | 'welch'; alpha?: number } = {}): Verdict {
  const alpha = options.alpha ?? 0.05;
  const result = options.test === 'welch' ? welchT(base, next) : mannWhitneyU(base, next);
  const sb = summarize(base);
  const sn = summarize(next);
  const useMedian = result.test === 'mann-whitney';
  const c0 = useMedian ? sb.median : sb.mean;
  const c1 = useMedian ? sn.median : sn.mean;
  const change = c0 !== 0 && Number.isFinite(c0) ? ((c1 - c0) / Math.abs(c0)) * 100 : undefined;
  const sizes = `n=${base.length}+${next.length}`;
  if (Number.isNaN(result.p)) return { text: '?', change, significant: false, result, note: `too few runs to test (${sizes})` };
  if (result.minP !== undefined && result.minP > alpha) {
    return { text: '?', change, significant: false, result, note: `n too small to tell: with ${sizes} the smallest possible p is ${result.minP.toFixed(3)} > α=${alpha}` };
  }
  if (result.p >= alpha) return { text: '~', change, significant: false, result, note: `p=${result.p.toFixed(3)} ${sizes}` };
  const text = change === undefined ? 'changed' : `${change >= 0 ? '+' : ''}${change.toFixed(2)}%`;
  return { text, change, significant: true, result, note: `p=${result.p.toFixed(3)} ${sizes}` };
}
