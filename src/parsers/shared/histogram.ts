/**
 * bcc and bpftrace histograms, one bucket line at a time: bcc's log2 `  2048 -> 4095 : 124 |****|`
 * and linear `  10 : 3 |**|` under a `usecs : count distribution` header, bpftrace's `[2, 4)  16 |@@|`,
 * `[0]`, `[1K, 2K)`, `(..., 0)` and `[100, ...)` under `@name:`. Percentiles are estimated from the
 * buckets by linear interpolation inside the bucket that holds the rank.
 */
import type { EbpfHistogram, HistogramBucket, HistogramPercentiles } from '../../model/ebpfTable';
import type { Unit } from '../../model/units';

const BCC_HEADER = /^\s*([A-Za-z_][\w-]*)\s+:\s+count\s+distribution\s*$/;
const BCC_LOG2 = /^\s*(\d+)\s+->\s+(\d+)\s+:\s+(\d+)\s+\|[^|]*\|?\s*$/;
const BCC_LINEAR = /^\s*(\d+)\s+:\s+(\d+)\s+\|[^|]*\|?\s*$/;
const BPFTRACE_HEADER = /^(@[\w.]*(?:\[[^\]]*\])?):\s*$/;
const BPFTRACE_BUCKET = /^\s*([[(])([^,\])]*)(?:,\s*([^\])]*))?([\])])\s+(\d+)\s+\|[^|]*\|?\s*$/;
const SUFFIX: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4, P: 1024 ** 5, E: 1024 ** 6 };

/** The header of a histogram: bcc's `nsecs : count distribution` or bpftrace's `@usecs:`. */
export function histogramHeader(line: string): { title: string; style: 'bcc' | 'bpftrace' } | undefined {
  const bcc = BCC_HEADER.exec(line);
  if (bcc) return { title: bcc[1], style: 'bcc' };
  const bt = BPFTRACE_HEADER.exec(line);
  if (bt) return { title: bt[1], style: 'bpftrace' };
  return undefined;
}

/** A bucket line, or undefined when the line is not one. */
export function histogramBucket(line: string, lineNo: number, style: 'bcc' | 'bpftrace'): HistogramBucket | undefined {
  if (style === 'bcc') {
    const log2 = BCC_LOG2.exec(line);
    if (log2) return { low: Number(log2[1]), high: Number(log2[2]) + 1, count: Number(log2[3]), line: lineNo };
    const lin = BCC_LINEAR.exec(line);
    if (lin) return { low: Number(lin[1]), high: Number(lin[1]) + 1, count: Number(lin[2]), line: lineNo };
    return undefined;
  }
  const m = BPFTRACE_BUCKET.exec(line);
  if (!m) return undefined;
  const count = Number(m[5]);
  const a = m[2].trim();
  const b = m[3]?.trim();
  if (b === undefined) {
    const v = boundValue(a);
    return v === undefined || m[1] !== '[' || m[4] !== ']' ? undefined : { low: v, high: v + 1, count, line: lineNo };
  }
  const low = a === '...' ? -Infinity : boundValue(a);
  const high = b === '...' ? Infinity : boundValue(b);
  if (low === undefined || high === undefined) return undefined;
  return { low, high, count, line: lineNo };
}

function boundValue(text: string): number | undefined {
  const m = /^(-?\d+)([KMGTPE]?)$/.exec(text);
  return m ? Number(m[1]) * (SUFFIX[m[2]] ?? 1) : undefined;
}

/** The unit a histogram's title names (`usecs`, `@ns`, `msecs`), else none. */
export function histogramUnit(title: string): Unit {
  const t = title.replace(/^@/, '').replace(/\[.*$/, '').toLowerCase();
  if (/(?:^|_)(?:ns|nsecs?|nanoseconds)$/.test(t)) return 'ns';
  if (/(?:^|_)(?:us|usecs?|microseconds)$/.test(t)) return 'us';
  if (/(?:^|_)(?:ms|msecs?|milliseconds)$/.test(t)) return 'ms';
  if (/(?:^|_)(?:s|secs?|seconds)$/.test(t)) return 's';
  if (/(?:^|_)bytes$/.test(t)) return 'bytes';
  return 'none';
}

/** The value below which a fraction `q` of the counts lie, interpolated inside its bucket. */
export function bucketPercentile(buckets: readonly HistogramBucket[], q: number): number | undefined {
  let total = 0;
  for (const b of buckets) total += b.count;
  if (total <= 0) return undefined;
  const rank = q * total;
  let seen = 0;
  for (const b of buckets) {
    if (b.count === 0) continue;
    if (seen + b.count >= rank) {
      if (!Number.isFinite(b.low)) return b.high;
      if (!Number.isFinite(b.high)) return b.low;
      return b.low + ((b.high - b.low) * (rank - seen)) / b.count;
    }
    seen += b.count;
  }
  const last = buckets[buckets.length - 1];
  return Number.isFinite(last.high) ? last.high : last.low;
}

/** Builds the model of a histogram from its buckets. */
export function finishHistogram(title: string, unit: Unit, line: number, buckets: HistogramBucket[]): EbpfHistogram {
  let total = 0;
  for (const b of buckets) total += b.count;
  // Power-of-two buckets: every finite one is [n, 2n), or bpftrace's [0, 1) and [1, 2), or bcc's `0 -> 1` ([0, 2));
  // linear ones (lhist's [10, 20) among [0, 10), [20, 30) …) are equal-width.
  const finite = buckets.filter((b) => Number.isFinite(b.low) && Number.isFinite(b.high));
  const pow2 = (b: HistogramBucket) => b.high === 2 * b.low || (b.low === 0 && (b.high === 1 || b.high === 2));
  const log2 = finite.length > 0 && finite.every(pow2) && finite.some((b) => b.low >= 2 || b.high === 2);
  const h: EbpfHistogram = { title, scale: log2 ? 'log2' : 'linear', unit, line, endLine: buckets.at(-1)?.line ?? line, buckets, total };
  const p50 = bucketPercentile(buckets, 0.5);
  const p90 = bucketPercentile(buckets, 0.9);
  const p99 = bucketPercentile(buckets, 0.99);
  if (p50 !== undefined && p90 !== undefined && p99 !== undefined) h.percentiles = { p50, p90, p99 } satisfies HistogramPercentiles;
  return h;
}
