/**
 * Puts a call tree given as nodes in any order (each parent before its children) into the
 * CallTree layout: depth-first pre-order, siblings by total weight (largest first, then by name),
 * totals = self + children, nodes of weight 0 left out. Shared by every producer of call trees (stack tries, folded text,
 * perf report call graphs).
 */
import type { CallTree } from './callTree';
import { NameTable } from './nameTable';

export function buildTreeFromNodes(names: string[], nodeName: ArrayLike<number>, parent: ArrayLike<number>, self: ArrayLike<number>, label = ''): CallTree {
  return buildTreeFromColumns(names, nodeName, parent, [{ label, self }]);
}

/**
 * The same for N weight columns (one per run): siblings ordered by the `shape` column's totals (the
 * run whose shape a comparison draws), nodes left out only when they weigh nothing in every column.
 */
export function buildTreeFromColumns(
  names: string[],
  nodeName: ArrayLike<number>,
  parent: ArrayLike<number>,
  columns: ReadonlyArray<{ label: string; self: ArrayLike<number> }>,
  shape = 0,
): CallTree {
  const n = nodeName.length;
  const totals = columns.map((c) => {
    const total = Float64Array.from(c.self as ArrayLike<number>);
    for (let i = n - 1; i > 0; i--) total[parent[i]] += total[i];
    return total;
  });
  const total = totals[shape];
  const weighs = (k: number): boolean => totals.some((t) => t[k] !== 0);
  // Children lists in one flat array (CSR).
  const count = new Int32Array(n + 1);
  for (let i = 1; i < n; i++) count[parent[i] + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const kids = new Int32Array(Math.max(0, n - 1));
  const fill = count.slice(0, n);
  for (let i = 1; i < n; i++) kids[fill[parent[i]]++] = i;
  const byWeight = (a: number, b: number): number => total[b] - total[a] || compareStrings(names[nodeName[a]], names[nodeName[b]]);
  const outName = new Int32Array(n);
  const outParent = new Int32Array(n);
  const outTotals = columns.map(() => new Float64Array(n));
  const outSelfs = columns.map(() => new Float64Array(n));
  // Iterative pre-order: deep Java stacks would overflow a recursive walk.
  const stack: number[] = n > 0 ? [0] : [];
  const stackParent: number[] = n > 0 ? [-1] : [];
  let next = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    const p = stackParent.pop()!;
    const index = next++;
    outName[index] = nodeName[node];
    outParent[index] = p;
    for (let c = 0; c < columns.length; c++) {
      outTotals[c][index] = totals[c][node];
      outSelfs[c][index] = columns[c].self[node];
    }
    const from = count[node];
    const to = count[node + 1];
    if (to > from) {
      // Frames that weigh nothing (a folded `stack 0` line) are not drawn.
      const list = Array.from(kids.subarray(from, to)).filter(weighs).sort(byWeight);
      // Push in reverse so the largest child is visited (and numbered) first.
      for (let k = list.length - 1; k >= 0; k--) {
        stack.push(list[k]);
        stackParent.push(index);
      }
    }
  }
  // Nodes of weight 0 were left out: the arrays end at `next`.
  const cut = <T extends Int32Array | Float64Array>(a: T): T => (next === n ? a : (a.slice(0, next) as T));
  return {
    names,
    nodeName: cut(outName),
    parent: cut(outParent),
    columns: columns.map((c, i) => ({ label: c.label, total: cut(outTotals[i]), self: cut(outSelfs[i]) })),
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Grows a call tree node by node: `child(parent, name)` finds or makes the node for a frame name
 * under a parent, `addSelf` weighs a node; `build` lays it out. Names are interned in `table`.
 */
export class CallTreeNodes {
  readonly table: NameTable;
  private readonly nodeName: number[] = [0];
  // Stryker disable next-line UnaryOperator: the root's own parent is never read (the layout gives the root -1)
  private readonly parent: number[] = [-1];
  private readonly self: number[] = [0];
  /** (parent, name) -> child; parent < 2^26 and name < 2^26 keep the key exact. */
  private readonly children = new Map<number, number>();

  constructor(rootName: string) {
    this.table = new NameTable([rootName]);
  }

  child(parent: number, name: number): number {
    // Stryker disable next-line ArithmeticOperator: with name < 2^26, parent * 2^26 - name and parent / 2^26 + name are one-to-one too
    const key = parent * 67108864 + name;
    let c = this.children.get(key);
    if (c === undefined) {
      c = this.nodeName.length;
      this.nodeName.push(name);
      this.parent.push(parent);
      this.self.push(0);
      this.children.set(key, c);
    }
    return c;
  }

  addSelf(node: number, weight: number): void {
    this.self[node] += weight;
  }

  build(label = ''): CallTree {
    return buildTreeFromNodes(this.table.names, this.nodeName, this.parent, this.self, label);
  }
}

/**
 * The tree with one more child of the root weighing `weight` (self): what a report counted but the
 * tree does not show (a perf report's rows below its percent limit), so shares stay the report's.
 */
export function withRootRemainder(tree: CallTree, name: string, weight: number): CallTree {
  if (!(weight > 0) || tree.columns.length !== 1) return tree;
  const names = [...tree.names, name];
  const nodeName = Int32Array.from([...tree.nodeName, names.length - 1]);
  const parent = Int32Array.from([...tree.parent, 0]);
  const self = Float64Array.from([...tree.columns[0].self, weight]);
  return buildTreeFromColumns(names, nodeName, parent, [{ label: tree.columns[0].label, self }]);
}
