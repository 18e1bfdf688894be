/** Call trees from folded text (tests, diff inputs): the same layout every parser produces. */
import type { CallTree } from '../model/callTree';
import { buildTreeFromNodes } from '../model/callTreeBuilder';

/**
 * Builds a CallTree from folded stacks (root first, ';'-separated). Frame names are interned once,
 * so memory is proportional to distinct frames and tree nodes.
 */
export function buildCallTree(stacks: Iterable<[string, number]>, rootName = 'all', label = ''): CallTree {
  const names: string[] = [rootName];
  const nameIds = new Map<string, number>();
  const nodeName: number[] = [0];
  const parent: number[] = [-1];
  const self: number[] = [0];
  const children = new Map<string, number>();
  for (const [stack, count] of stacks) {
    if (!(count > 0)) continue;
    let node = 0;
    for (const frame of stack.split(';')) {
      let id = nameIds.get(frame);
      if (id === undefined) {
        id = names.length;
        names.push(frame);
        nameIds.set(frame, id);
      }
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
  return buildTreeFromNodes(names, nodeName, parent, self, label);
}
