/**
 * Roughly how many bytes a payload holds in memory, for the report cache's budget: 8 per number,
 * 2 per character, typed arrays by their length, plus some overhead per object. Any payload shape
 * works, so a new view needs no size function of its own.
 */
export function roughBytes(value: unknown): number {
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') bytes += 16 + 2 * v.length;
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) bytes += 8;
    else if (ArrayBuffer.isView(v)) bytes += 64 + v.byteLength;
    else if (v instanceof ArrayBuffer) bytes += 64 + v.byteLength;
    else if (v instanceof Map) {
      bytes += 64;
      for (const [k, x] of v) stack.push(k, x);
    } else if (Array.isArray(v)) {
      bytes += 32;
      for (const x of v) stack.push(x);
    } else if (typeof v === 'object') {
      bytes += 32;
      for (const x of Object.values(v as object)) stack.push(x);
    }
  }
  return bytes;
}
