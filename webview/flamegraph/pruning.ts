/**
 * View model of the flame graph: turns a (possibly huge) flat CallTree, through its TreeIndex, into
 * the small nested tree d3-flame-graph draws, relative to the zoomed node. Pure code, no DOM:
 * unit-tested in node.
 *
 * Pruning: only the largest nodes below the zoom node are materialised, best-first, until the next
 * candidate is smaller than `zoomTotal * minFraction` or `maxNodes` frames exist. Because the
 * CallTree is in pre-order with siblings sorted by total (desc), a node's children are the ranges
 * `c = i + 1; c < i + size[i]; c += size[c]`, and the candidates of one parent are consumed as a
 * prefix of that list: a heap holds at most one pending child per materialised parent plus one
 * first-child per materialised node, so a zoom costs O(k log k) for k drawn frames, not O(n).
 * The callees left out of a parent are merged into one "other" node so they stay visible.
 * Ancestors of the zoom node become a single full-width chain above it (FlameGraph's zoom).
 */
import { frameName, otherName } from './frameText';
import type { TreeIndex } from './treeIndex';
import type { FrameDatum } from './frameDatum';

export type { FrameDatum, FrameRole } from './frameDatum';

export interface PruneOptions {
  /** Frames smaller than this fraction of the zoom node are merged. Default 1/4000. */
  minFraction?: number;
  /** Hard cap of materialised frames (not counting "other" frames and the ancestor chain). */
  maxNodes?: number;
  /** "other" frames smaller than this fraction of the zoom node are left out (e.g. 1px). Default minFraction. */
  minOtherFraction?: number;
}

export const DEFAULT_MIN_FRACTION = 1 / 4000;
/**
 * d3-flame-graph costs ~50 µs per drawn frame here: 900 frames (~1,250 with the "other" frames)
 * keep paint and zoom of any tree inside 300 ms / 100 ms on this 2-core machine, with margin.
 */
export const DEFAULT_MAX_NODES = 900;

export interface PrunedView {
  root: FrameDatum;
  zoomIdx: number;
  /** The datum of the zoom node inside `root`. */
  zoom: FrameDatum;
  /** Frames in the data (chain + materialised + other). */
  frames: number;
  threshold: number;
}

export function pruneForZoom(index: TreeIndex, zoomIdx: number, options: PruneOptions = {}): PrunedView {
  const { tree, size, childCount } = index;
  const total = index.total;
  if (!(zoomIdx >= 0 && zoomIdx < index.n)) zoomIdx = 0;
  const minFraction = options.minFraction ?? DEFAULT_MIN_FRACTION;
  const maxNodes = Math.max(1, options.maxNodes ?? DEFAULT_MAX_NODES);
  const zoomTotal = total[zoomIdx];
  // Strictly positive so zero-weight nodes never get drawn.
  const threshold = Math.max(zoomTotal * minFraction, Number.MIN_VALUE);
  const otherThreshold = Math.max(threshold, zoomTotal * (options.minOtherFraction ?? 0));

  const zoom: FrameDatum = { name: frameName(index, zoomIdx), value: zoomTotal, idx: zoomIdx, role: 'frame' };
  const materialised: FrameDatum[] = [zoom];
  const shownSum: number[] = [0];
  const shownCount: number[] = [0];

  // Max-heap of candidate nodes keyed by total; each entry remembers its parent's slot.
  const heapNode: number[] = [];
  const heapSlot: number[] = [];
  const push = (node: number, slot: number): void => {
    let i = heapNode.length;
    heapNode.push(node);
    heapSlot.push(slot);
    const key = total[node];
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (total[heapNode[up]] >= key) break;
      heapNode[i] = heapNode[up];
      heapSlot[i] = heapSlot[up];
      i = up;
    }
    heapNode[i] = node;
    heapSlot[i] = slot;
  };
  const pop = (): void => {
    const lastNode = heapNode.pop()!;
    const lastSlot = heapSlot.pop()!;
    const len = heapNode.length;
    if (len === 0) return;
    const key = total[lastNode];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= len) break;
      if (child + 1 < len && total[heapNode[child + 1]] > total[heapNode[child]]) child++;
      if (total[heapNode[child]] <= key) break;
      heapNode[i] = heapNode[child];
      heapSlot[i] = heapSlot[child];
      i = child;
    }
    heapNode[i] = lastNode;
    heapSlot[i] = lastSlot;
  };

  if (size[zoomIdx] > 1) push(zoomIdx + 1, 0);
  while (heapNode.length > 0 && materialised.length < maxNodes) {
    const node = heapNode[0];
    if (total[node] < threshold) break;
    const slot = heapSlot[0];
    pop();
    const datum: FrameDatum = { name: frameName(index, node), value: total[node], idx: node, role: 'frame' };
    const parentDatum = materialised[slot];
    (parentDatum.children ??= []).push(datum);
    shownSum[slot] += total[node];
    shownCount[slot]++;
    const mySlot = materialised.length;
    materialised.push(datum);
    shownSum.push(0);
    shownCount.push(0);
    const parentIdx = parentDatum.idx;
    const next = node + size[node];
    if (next < parentIdx + size[parentIdx]) push(next, slot);
    if (size[node] > 1) push(node + 1, mySlot);
  }

  let frames = materialised.length;
  for (let slot = 0; slot < materialised.length; slot++) {
    const d = materialised[slot];
    const hidden = childCount[d.idx] - shownCount[slot];
    if (hidden <= 0) continue;
    const rest = total[d.idx] - index.self[d.idx] - shownSum[slot];
    // Too narrow to see: the width simply stays in the parent, like its self time.
    if (!(rest >= otherThreshold)) continue;
    (d.children ??= []).push({ name: otherName(hidden), value: rest, idx: d.idx, role: 'other', merged: hidden });
    frames++;
  }

  let root = zoom;
  for (let a = tree.parent[zoomIdx]; a >= 0; a = tree.parent[a]) {
    root = { name: frameName(index, a), value: total[a], idx: a, role: 'ancestor', fade: true, children: [root] };
    frames++;
  }
  return { root, zoomIdx, zoom, frames, threshold };
}
