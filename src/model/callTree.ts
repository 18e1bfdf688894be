/**
 * A call tree of interned frames in flat typed arrays: compact, cloned to the extension host and
 * posted to a webview as binary buffers (VS Code sends typed arrays without JSON; a 200k-node tree
 * as number arrays took ~400 ms to reach the webview). JSON output (the CLI's standalone page)
 * writes them as plain arrays, see `callTreeFromJson`. Node 0 is the root. Nodes are in depth-first pre-order and
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
  nodeName: Int32Array;
  /** Parent node index, -1 for the root. */
  parent: Int32Array;
  columns: WeightColumn[];
}

export interface WeightColumn {
  /** Which run the column holds (file name, `baseline` …). */
  label: string;
  /** Inclusive weight of each node. */
  total: Float64Array;
  /** Exclusive weight (samples whose leaf is this node). */
  self: Float64Array;
}

/** A tree whose arrays went through JSON (plain number arrays) back into typed arrays. */
export function callTreeFromJson(tree: {
  names: string[];
  nodeName: ArrayLike<number>;
  parent: ArrayLike<number>;
  columns: Array<{ label: string; total: ArrayLike<number>; self: ArrayLike<number> }>;
}): CallTree {
  return {
    names: tree.names,
    nodeName: Int32Array.from(tree.nodeName),
    parent: Int32Array.from(tree.parent),
    columns: tree.columns.map((c) => ({ label: c.label, total: Float64Array.from(c.total), self: Float64Array.from(c.self) })),
  };
}

export function nodeCount(tree: CallTree): number {
  return tree.nodeName.length;
}
