/** Call trees from folded text (tests, diff inputs): the same layout every parser produces. */
import type { CallTree } from '../model/callTree';
import { CallTreeNodes } from '../model/callTreeBuilder';

/**
 * Builds a CallTree from folded stacks (root first, ';'-separated). Frame names are interned once,
 * so memory is proportional to distinct frames and tree nodes.
 */
export function buildCallTree(stacks: Iterable<[string, number]>, rootName = 'all', label = ''): CallTree {
  const tree = new CallTreeNodes(rootName);
  for (const [stack, count] of stacks) {
    if (!(count > 0)) continue;
    let node = 0;
    for (const frame of stack.split(';')) node = tree.child(node, tree.table.intern(frame));
    tree.addSelf(node, count);
  }
  return tree.build(label);
}
