/**
 * O(1) navigation of a flat CallTree: subtree sizes, child counts and depths over the pre-order
 * arrays, and the name paths (root excluded) that identify a node across trees and reloads.
 * Pure code, no DOM: unit-tested in node.
 */
import type { CallTree } from '../../src/model/callTree';

export interface TreeIndex {
  readonly tree: CallTree;
  /** The weight column shown (a run of a multi-run tree). */
  readonly total: Float64Array;
  readonly self: Float64Array;
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

/** Interned name of node `idx` (frameText.ts's frameName, kept here so paths need no text module). */
function nodeName(index: TreeIndex, idx: number): string {
  return index.tree.names[index.tree.nodeName[idx]] ?? '';
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
    .map((i) => nodeName(index, i));
}

/** Follows `names` from the root (the largest child wins on duplicates); -1 when the path is gone. */
export function findPath(index: TreeIndex, names: readonly string[]): number {
  const { node, matched } = findPrefix(index, names);
  return matched === names.length ? node : -1;
}

/**
 * Follows `names` from the root as far as this tree has them: the deepest node found and how many
 * names it matched (a synchronised view zooms there when the other tree's frame is missing here).
 */
export function findPrefix(index: TreeIndex, names: readonly string[]): { node: number; matched: number } {
  const { tree, size } = index;
  let node = 0;
  let matched = 0;
  for (const name of names) {
    let found = -1;
    const end = node + size[node];
    for (let c = node + 1; c < end; c += size[c]) {
      if (tree.names[tree.nodeName[c]] === name) {
        found = c;
        break;
      }
    }
    if (found < 0) break;
    node = found;
    matched++;
  }
  return { node, matched };
}
