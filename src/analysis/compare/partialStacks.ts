/**
 * Stacks present in only some of the runs compared, listed explicitly (a differential flame graph
 * shaped by one run cannot draw what only the other run has): in the merged N-column tree, each
 * frame where runs drop out (its parent is in more runs than it is), with its share of every run.
 */
import type { CallTree } from '../../model/callTree';
import type { Table, TableCell, TableColumn } from '../../model/table';

/** Shares keep 6 decimals, as the function table's. */
const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/** `limit`: at most this many stacks, the largest share in any run first. */
export function partialStacksTable(tree: CallTree, baseline: number, limit = 500): Table {
  const runs = tree.columns;
  const labels = runs.map((c) => c.label);
  const n = tree.nodeName.length;
  const presence = new Int32Array(n); // bit r set: run r has weight under the node (up to 31 runs)
  const found: number[] = [];
  for (let i = 0; i < n; i++) {
    let bits = 0;
    runs.forEach((c, r) => {
      if (c.total[i] > 0 && r < 31) bits |= 1 << r;
    });
    presence[i] = bits;
    const p = tree.parent[i];
    // The root has no parent; a node in no run at all (weight 0 everywhere) is not a stack of any run.
    if (p >= 0 && bits !== 0 && bits !== presence[p]) found.push(i);
  }
  const share = (r: number, i: number): number => (runs[r].total[0] > 0 ? (100 * runs[r].total[i]) / runs[r].total[0] : 0);
  const biggest = new Map(found.map((i) => [i, Math.max(...runs.map((_, r) => share(r, i)))]));
  const top = found.sort((a, b) => biggest.get(b)! - biggest.get(a)!).slice(0, limit);
  const columns: TableColumn[] = [
    { kind: 'text', id: 'stack', label: 'Stack' },
    ...labels.map((l, r): TableColumn => ({ kind: 'number', id: `total${r}`, label: `Total % ${r === baseline ? `${l} (baseline)` : l}`, unit: 'percent' })),
    { kind: 'text', id: 'presence', label: 'Present in' },
  ];
  const rows = top.map((i) => {
    const cells: TableCell[] = [pathOf(tree, i)];
    runs.forEach((_, r) => cells.push(round(share(r, i))));
    cells.push(`only in ${labels.filter((_, r) => presence[i] & (1 << r)).join(', ')}`);
    return { line: 0, cells };
  });
  const more = found.length > top.length ? ` (the ${top.length} largest of ${found.length})` : '';
  return { title: `Stacks in only some of the runs${more}`, columns, keys: ['stack'], rows };
}

/** `outermost;…;frame`, without the root. */
function pathOf(tree: CallTree, node: number): string {
  const names: string[] = [];
  for (let i = node; i > 0; i = tree.parent[i]) names.push(tree.names[tree.nodeName[i]]);
  return names.reverse().join(';');
}
