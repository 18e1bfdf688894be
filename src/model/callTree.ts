/**
 * A call tree in flat arrays, ready to post to a webview (plain arrays survive structured clone and
 * JSON alike). Node 0 is the root. Nodes are in depth-first pre-order and siblings are sorted by
 * `total`, largest first, so a viewer can stop at the first child that is too small to draw.
 */
export interface CallTree {
  /** Interned frame names; a node stores an index into this table. */
  names: string[];
  nodeName: number[];
  /** Parent node index, -1 for the root. */
  parent: number[];
  /** Inclusive weight of the node. */
  total: number[];
  /** Exclusive weight (samples whose leaf is this node). */
  self: number[];
}

export function nodeCount(tree: CallTree): number {
  return tree.nodeName.length;
}
