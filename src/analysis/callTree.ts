import type { CallTree } from '../model/callTree';

interface BuildNode {
  name: number;
  total: number;
  self: number;
  children: Map<number, BuildNode> | undefined;
}

/**
 * Builds a CallTree from folded stacks (root first, ';'-separated). Frame names are interned once,
 * so memory is proportional to distinct frames and tree nodes.
 */
export function buildCallTree(stacks: Iterable<[string, number]>, rootName = 'all', label = ''): CallTree {
  const names: string[] = [rootName];
  const nameIds = new Map<string, number>();
  const intern = (s: string): number => {
    let id = nameIds.get(s);
    if (id === undefined) {
      id = names.length;
      names.push(s);
      nameIds.set(s, id);
    }
    return id;
  };
  const root: BuildNode = { name: 0, total: 0, self: 0, children: undefined };
  for (const [stack, count] of stacks) {
    if (!(count > 0)) continue;
    root.total += count;
    let node = root;
    let start = 0;
    for (;;) {
      const end = stack.indexOf(';', start);
      const frame = end < 0 ? stack.slice(start) : stack.slice(start, end);
      const id = intern(frame);
      if (!node.children) node.children = new Map();
      let child = node.children.get(id);
      if (!child) {
        child = { name: id, total: 0, self: 0, children: undefined };
        node.children.set(id, child);
      }
      child.total += count;
      node = child;
      if (end < 0) break;
      start = end + 1;
    }
    node.self += count;
  }

  const total: number[] = [];
  const self: number[] = [];
  const tree: CallTree = { names, nodeName: [], parent: [], columns: [{ label, total, self }] };
  // Iterative pre-order walk: deep Java stacks would overflow a recursive one.
  const stack: Array<[BuildNode, number]> = [[root, -1]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    const index = tree.nodeName.length;
    tree.nodeName.push(node.name);
    tree.parent.push(parent);
    total.push(node.total);
    self.push(node.self);
    if (node.children) {
      const kids = [...node.children.values()].sort(
        (a, b) => b.total - a.total || compareStrings(names[a.name], names[b.name]),
      );
      // Push in reverse so the largest child is visited (and numbered) first.
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], index]);
    }
  }
  return tree;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
