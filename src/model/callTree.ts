/**
 * A call tree of interned frames in flat arrays, ready to post to a webview (plain arrays survive
 * structured clone and JSON alike). Node 0 is the root. Nodes are in depth-first pre-order and
 * siblings are sorted by column 0's `total`, largest first, so a viewer can stop at the first child
 * that is too small to draw.
 *
 * Weights come in columns, one per run: a single profile has one column; a comparison of N runs
 * is the same tree with N columns (a frame missing from a run weighs 0 there), which is what a
 * differential flame graph and N-run statistics read.
 */
export interface CallTree {
  /** Interned frame names; a node stores an index into this table. */
  names: string[];
  nodeName: number[];
  /** Parent node index, -1 for the root. */
  parent: number[];
  columns: WeightColumn[];
}

export interface WeightColumn {
  /** Which run the column holds (file name, `baseline` …). */
  label: string;
  /** Inclusive weight of each node. */
  total: number[];
  /** Exclusive weight (samples whose leaf is this node). */
  self: number[];
}

export function nodeCount(tree: CallTree): number {
  return tree.nodeName.length;
}
