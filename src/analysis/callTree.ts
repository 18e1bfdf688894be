/** Call trees from folded text (tests, diff inputs): the same layout every parser produces. */
import type { CallTree } from '../model/callTree';
import { buildTreeFromNodes } from '../model/callTreeBuilder';
import { NameTable } from '../model/nameTable';

/**
 * Builds a CallTree from folded stacks (root first, ';'-separated). Frame names are interned once,
 * so memory is proportional to distinct frames and tree nodes.
 */
export function buildCallTree(stacks: Iterable<[string, number]>, rootName = 'all', label = ''): CallTree {
  const table = new NameTable([rootName]);
  const nodeName: number[] = [0];
  const parent: number[] = [-1];
  const self: number[] = [0];
  const children = new Map<string, number>();
  for (const [stack, count] of stacks) {
    if (!(count > 0)) continue;
    let node = 0;
    for (const frame of stack.split(';')) {
      const id = table.intern(frame);
      const key = `${node}:${id}`;
      let c = children.get(key);
      if (c === undefined) {
        c = nodeName.length;
        nodeName.push(id);
        parent.push(node);
        self.push(0);
        children.set(key, c);
      }
      node = c;
    }
    self[node] += count;
  }
  return buildTreeFromNodes(table.names, nodeName, parent, self, label);
}
