/**
 * View model of the flame graph: turns a (possibly huge) flat CallTree into the small nested tree
 * d3-flame-graph draws, relative to the zoomed node. Pure code, no DOM: unit-tested in node.
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
import type { CallTree } from '../../src/model/callTree';
import type { FlameGraphMeta } from '../../src/protocol';

export interface TreeIndex {
  readonly tree: CallTree;
  /** The weight column shown (a run of a multi-run tree). */
  readonly total: number[];
  readonly self: number[];
  readonly n: number;
  /** Number of nodes in the subtree of each node, itself included (pre-order ranges). */
  readonly size: Int32Array;
  readonly childCount: Int32Array;
  readonly depth: Int32Array;
  readonly rootTotal: number;
}

/** O(n) once per tree; `column` picks the run whose weights are drawn. */
export function indexTree(tree: CallTree, column = 0): TreeIndex {
  const n = tree.nodeName.length;
  const weights = tree.columns?.[column];
  if (!weights) throw new Error(`Malformed call tree: no weight column ${column}`);
  const { total, self } = weights;
  if (tree.parent.length !== n || total.length !== n || self.length !== n) {
    throw new Error('Malformed call tree: arrays differ in length');
  }
  if (n === 0) throw new Error('Empty call tree');
  const size = new Int32Array(n).fill(1);
  const childCount = new Int32Array(n);
  const depth = new Int32Array(n);
  const parent = tree.parent;
  if (parent[0] !== -1) throw new Error('Malformed call tree: node 0 must be the root');
  for (let i = 1; i < n; i++) {
    const p = parent[i];
    if (!(p >= 0 && p < i)) throw new Error(`Malformed call tree: node ${i} has parent ${p}`);
    depth[i] = depth[p] + 1;
    childCount[p]++;
  }
  for (let i = n - 1; i > 0; i--) size[parent[i]] += size[i];
  return { tree, total, self, n, size, childCount, depth, rootTotal: total[0] };
}

export type FrameRole = 'frame' | 'ancestor' | 'other';

/** One drawn frame, in the shape d3-flame-graph reads (name, value, children). */
export interface FrameDatum {
  name: string;
  value: number;
  children?: FrameDatum[];
  /** CallTree node, or for an "other" frame the parent whose callees it merges. */
  idx: number;
  role: FrameRole;
  /** d3-flame-graph: a faded frame takes the width of its children (ancestors of the zoom node). */
  fade?: boolean;
  /** "other" frames: how many callees were merged. */
  merged?: number;
}

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

export function frameName(index: TreeIndex, idx: number): string {
  return index.tree.names[index.tree.nodeName[idx]] ?? '';
}

/** Label of a merged node: the callees too small to draw at this zoom. */
export function otherName(count: number): string {
  return count === 1 ? '1 smaller frame' : `${count} smaller frames`;
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

/** Node indexes from the root (included) to `idx`. */
export function ancestry(index: TreeIndex, idx: number): number[] {
  const out: number[] = [];
  for (let a = idx; a >= 0; a = index.tree.parent[a]) out.push(a);
  return out.reverse();
}

/** Frame names from the root (excluded) to `idx`: FlameGraphViewState.zoomPath. */
export function pathOf(index: TreeIndex, idx: number): string[] {
  return ancestry(index, idx)
    .slice(1)
    .map((i) => frameName(index, i));
}

/** Follows `names` from the root (the largest child wins on duplicates); -1 when the path is gone. */
export function findPath(index: TreeIndex, names: readonly string[]): number {
  const { tree, size } = index;
  let node = 0;
  for (const name of names) {
    let found = -1;
    const end = node + size[node];
    for (let c = node + 1; c < end; c += size[c]) {
      if (tree.names[tree.nodeName[c]] === name) {
        found = c;
        break;
      }
    }
    if (found < 0) return -1;
    node = found;
  }
  return node;
}

/**
 * Search term -> predicate. Plain text matches as a case-insensitive substring; `/re/flags` is a
 * regular expression (invalid ones fall back to plain text). Undefined for an empty term.
 */
export function makeMatcher(term: string): ((name: string) => boolean) | undefined {
  const t = term.trim();
  if (!t) return undefined;
  const re = /^\/(.+)\/([a-z]*)$/.exec(t);
  if (re) {
    try {
      const rx = new RegExp(re[1], re[2].replace(/[gy]/g, ''));
      return (name) => rx.test(name);
    } catch {
      /* not a valid regexp: plain text */
    }
  }
  const lower = t.toLowerCase();
  return (name) => name.toLowerCase().includes(lower);
}

/** Match flag per interned name (names are tested once, not once per node). */
export function matchNames(tree: CallTree, matcher: (name: string) => boolean): Uint8Array {
  const out = new Uint8Array(tree.names.length);
  for (let i = 0; i < tree.names.length; i++) if (matcher(tree.names[i])) out[i] = 1;
  return out;
}

export interface SearchStats {
  /** Matching nodes of the full tree (the root is never matched). */
  frames: number;
  /** Weight of matching nodes, nested matches counted once. */
  weight: number;
  percent: number;
}

/** Over the FULL tree, O(n): a match under a matching ancestor adds no weight again. */
export function searchStats(index: TreeIndex, nameMatch: Uint8Array): SearchStats {
  const { n } = index;
  const covered = new Uint8Array(n);
  const { parent, nodeName } = index.tree;
  const total = index.total;
  let frames = 0;
  let weight = 0;
  for (let i = 1; i < n; i++) {
    const inherited = covered[parent[i]];
    if (nameMatch[nodeName[i]]) {
      frames++;
      if (!inherited) weight += total[i];
      covered[i] = 1;
    } else {
      covered[i] = inherited;
    }
  }
  return { frames, weight, percent: index.rootTotal > 0 ? (100 * weight) / index.rootTotal : 0 };
}

export function searchSummary(stats: SearchStats): string {
  const verb = stats.frames === 1 ? '1 frame matches' : `${stats.frames} frames match`;
  return `${verb}, ${stats.percent.toFixed(2)}% of samples`;
}

export function percentOf(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}

/** `data-percent` of a drawn frame: share of the whole profile. */
export function framePercent(index: TreeIndex, datum: FrameDatum): string {
  return percentOf(datum.role === 'other' ? datum.value : index.total[datum.idx], index.rootTotal).toFixed(2);
}

const numberFormat = new Intl.NumberFormat('en-US');
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** Tooltip lines (plain text, rendered with textContent). */
export function describeFrame(
  index: TreeIndex,
  datum: FrameDatum,
  zoomIdx: number,
  unit: FlameGraphMeta['unit'],
): { title: string; lines: string[] } {
  const u = unitSuffix(unit);
  const zoomName = frameName(index, zoomIdx);
  if (datum.role === 'other') {
    return {
      title: datum.name,
      lines: [
        `Total: ${formatCount(datum.value)}${u}`,
        `${percentOf(datum.value, index.rootTotal).toFixed(2)}% of profile`,
        `${percentOf(datum.value, index.total[zoomIdx]).toFixed(2)}% of ${zoomIdx === 0 ? 'zoom' : `"${zoomName}"`}`,
        `Callees of "${frameName(index, datum.idx)}" too small to draw here; click to zoom into it.`,
      ],
    };
  }
  const t = index.total[datum.idx];
  const lines = [
    `Total: ${formatCount(t)}${u} · Self: ${formatCount(index.self[datum.idx])}${u}`,
    `${percentOf(t, index.rootTotal).toFixed(2)}% of profile`,
  ];
  if (datum.role === 'ancestor') lines.push(`Caller of the zoomed frame "${zoomName}"; click to zoom out to it.`);
  else if (zoomIdx !== 0) lines.push(`${percentOf(t, index.total[zoomIdx]).toFixed(2)}% of zoomed "${zoomName}"`);
  return { title: datum.name, lines };
}

/** A file name from a report title: no path separators or characters editors choke on. */
export function svgFileName(title: string): string {
  const base = title.replace(/^.*[\\/]/, '').replace(/[^\w.@+-]+/g, '_').replace(/^[._]+/, '').slice(0, 80);
  return `${base || 'flamegraph'}.flamegraph.svg`;
}

/** ' samples' / ' period' (summed sample periods: ns for cpu-clock, events for cycles) / ''. */
export function unitSuffix(unit: FlameGraphMeta['unit']): string {
  return unit === 'samples' ? ' samples' : unit === 'period' ? ' period' : '';
}
