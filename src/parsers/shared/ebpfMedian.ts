/**
 * The median of a column's positive values without copying the column: one pass counts values per
 * bucket of their top bits (positive doubles order as their bit patterns), a second copies only the
 * bucket holding the median, where a selection finds it. A million-row column costs a 128 KiB
 * histogram and one bucket, not a second column.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of a double's high 32-bit word in a Uint32Array over it. */
const HIGH = LITTLE_ENDIAN ? 1 : 0;
/** Buckets by the top 15 bits below the sign: the exponent and 4 mantissa bits. */
const BUCKET_SHIFT = 16;
const BUCKETS = 1 << 15;

/**
 * The (n >> 1)-th smallest (0-based) of the column's values v with v × factor > 0, times factor
 * (factor > 0 keeps the order), or undefined when fewer than `minCount` values are positive.
 */
export function medianOfPositive(chunks: readonly (Float64Array | Int32Array)[], factor: number, minCount: number): number | undefined {
  const counts = new Int32Array(BUCKETS);
  let n = 0;
  for (const c of chunks) n += countBuckets(c, factor, counts);
  if (n < minCount) return undefined;
  const k = n >> 1;
  let bucket = 0;
  let before = 0;
  while (before + counts[bucket] <= k) before += counts[bucket++];
  const values = new Float64Array(counts[bucket]);
  let m = 0;
  for (const c of chunks) m = collectBucket(c, factor, bucket, values, m);
  return kthSmallest(values, k - before) * factor;
}

function countBuckets(chunk: Float64Array | Int32Array, factor: number, counts: Int32Array): number {
  const c = asDoubles(chunk);
  const words = new Uint32Array(c.buffer, c.byteOffset, c.length * 2);
  let n = 0;
  for (let i = 0; i < c.length; i++) {
    if (c[i] * factor > 0) {
      counts[words[2 * i + HIGH] >>> BUCKET_SHIFT]++;
      n++;
    }
  }
  return n;
}

function collectBucket(chunk: Float64Array | Int32Array, factor: number, bucket: number, out: Float64Array, m: number): number {
  const c = asDoubles(chunk);
  const words = new Uint32Array(c.buffer, c.byteOffset, c.length * 2);
  for (let i = 0; i < c.length; i++) if (c[i] * factor > 0 && words[2 * i + HIGH] >>> BUCKET_SHIFT === bucket) out[m++] = c[i];
  return m;
}

/** The chunk as doubles (an integer chunk copied: one chunk at a time), whose bits can be read. */
function asDoubles(chunk: Float64Array | Int32Array): Float64Array {
  return chunk instanceof Float64Array ? chunk : Float64Array.from(chunk);
}

/** The k-th smallest value (0-based) of `a`, which is reordered: Hoare's selection, the pivot a median of three. */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const pivot = Math.max(Math.min(a[lo], a[mid]), Math.min(Math.max(a[lo], a[mid]), a[hi]));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const x = a[i];
        a[i] = a[j];
        a[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
