/**
 * The "sandwich" of one function (speedscope, Hotspot): its callers (the stacks that lead to it,
 * turned around so the function is the root and its direct callers its children) and its callees
 * (every subtree under it, merged). Both are call trees with the function at the root, weighing
 * what the function weighs on the stack; recursion counts a stack once (outermost occurrence).
 */
import type { CallTree } from '../model/callTree';
import { CallTreeNodes } from '../model/callTreeBuilder';

export interface Sandwich {
  name: string;
  /** Root: the function; children: its callers; their children: the callers' callers … */
  callers: CallTree;
  /** Root: the function; below: what it calls, merged over every place it runs. */
  callees: CallTree;
  /** Weight with the function on the stack (column `column`), and as the sampled function. */
  total: number;
  self: number;
}

/** The sandwich of `name` in column `column` of `tree`; undefined when no frame has that name. */
export function sandwich(tree: CallTree, name: string, column = 0): Sandwich | undefined {
  const { nodeName, parent } = tree;
  const n = nodeName.length;
  const { total, self } = tree.columns[column];
  // Names equal to `name` (a frame name may also be the root's, which is not a frame).
  const isName = (node: number): boolean => node > 0 && tree.names[nodeName[node]] === name;
  const callers = new CallTreeNodes(name);
  const callees = new CallTreeNodes(name);
  // Pre-order: a node's subtree is the run of nodes after it that are deeper.
  const depth = new Int32Array(n);
  for (let i = 1; i < n; i++) depth[i] = depth[parent[i]] + 1;
  let sumTotal = 0;
  let sumSelf = 0;
  let found = false;
  for (let i = 1; i < n; i++) {
    if (!isName(i)) continue;
    let outer = true;
    for (let a = parent[i]; a > 0; a = parent[a]) if (isName(a)) outer = false;
    sumSelf += self[i];
    if (!outer) continue;
    found = true;
    sumTotal += total[i];
    // Callers: the path from the function up to the outermost caller, weighing the function's total.
    let c = 0;
    for (let a = parent[i]; a > 0; a = parent[a]) c = callers.child(c, callers.table.intern(tree.names[nodeName[a]]));
    callers.addSelf(c, total[i]);
    // Callees: the subtree under this occurrence, merged under the root.
    const map = new Map<number, number>([[i, 0]]);
    callees.addSelf(0, self[i]);
    for (let j = i + 1; j < n && depth[j] > depth[i]; j++) {
      const m = callees.child(map.get(parent[j])!, callees.table.intern(tree.names[nodeName[j]]));
      map.set(j, m);
      callees.addSelf(m, self[j]);
    }
  }
  if (!found) return undefined;
  const label = tree.columns[column].label;
  return { name, callers: callers.build(label), callees: callees.build(label), total: sumTotal, self: sumSelf };
}
