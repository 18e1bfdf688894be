/** Per-function totals of a call tree: how much weight has the function on its stack, and as leaf. */
import type { CallTree } from '../model/callTree';

export interface FunctionStat {
  name: string;
  /** Weight of stacks that contain the function (counted once per stack, recursion or not). */
  total: number;
  /** Weight of stacks whose leaf is the function. */
  self: number;
}

/**
 * One pass over the tree: a node adds its total to its name unless an ancestor has the same name
 * (then its stacks are already counted), and its self weight always.
 */
/** The hovers' index and the tables view both ask for a tree's stats in one parse: computed once. */
const memo = new WeakMap<CallTree, Map<number, { functions: FunctionStat[]; total: number }>>();

export function functionStats(tree: CallTree, column = 0): { functions: FunctionStat[]; total: number } {
  let byColumn = memo.get(tree);
  if (!byColumn) memo.set(tree, (byColumn = new Map()));
  let stats = byColumn.get(column);
  if (!stats) byColumn.set(column, (stats = computeFunctionStats(tree, column)));
  return stats;
}

function computeFunctionStats(tree: CallTree, column: number): { functions: FunctionStat[]; total: number } {
  const { names, nodeName, parent } = tree;
  const { total, self } = tree.columns[column];
  const n = nodeName.length;
  const totals = new Float64Array(names.length);
  const selfs = new Float64Array(names.length);
  const seen = new Uint8Array(names.length);
  // How many times each name is on the path from the root to the current node.
  const onPath = new Int32Array(names.length);
  const path: number[] = [];
  for (let i = 1; i < n; i++) {
    // Pre-order: pop the path back to this node's parent.
    while (path.length > 0 && path[path.length - 1] !== parent[i]) onPath[nodeName[path.pop()!]]--;
    const name = nodeName[i];
    if (onPath[name] === 0) totals[name] += total[i];
    selfs[name] += self[i];
    seen[name] = 1;
    onPath[name]++;
    path.push(i);
  }
  const functions: FunctionStat[] = [];
  for (let id = 0; id < names.length; id++) if (seen[id]) functions.push({ name: names[id], total: totals[id], self: selfs[id] });
  return { functions: functions.sort((a, b) => b.total - a.total), total: n > 0 ? total[0] : 0 };
}
