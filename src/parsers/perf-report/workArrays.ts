/**
 * Zeroed work arrays reused from row to row. Rows are resolved one at a time, and a typed array
 * longer than a few dozen bytes is a separate allocation outside the JS heap: thousands of rows
 * allocating their own piled up tens of MiB and kept the garbage collector busy. Each caller uses
 * its own slot, and only the first `n` entries (the array may be longer).
 */
export const enum WorkSlot {
  /** Per-node numbers of looksFractal/resolveChains. */
  NumberA,
  NumberB,
  Count,
  /** 0/1 flags and node maps of the tree builders. */
  HasKid,
  Skip,
  NodeMap,
  FrameId,
}

const floats: Float64Array[] = [];
const ints: Int32Array[] = [];

export function workFloats(slot: WorkSlot, n: number): Float64Array {
  return (floats[slot] = zeroed(floats[slot], n, (size) => new Float64Array(size)));
}

export function workInts(slot: WorkSlot, n: number): Int32Array {
  return (ints[slot] = zeroed(ints[slot], n, (size) => new Int32Array(size)));
}

function zeroed<T extends Float64Array | Int32Array>(a: T | undefined, n: number, make: (size: number) => T): T {
  if (a && a.length >= n) {
    a.fill(0, 0, n);
    return a;
  }
  return make(Math.max(n, 2 * (a?.length ?? 512)));
}
