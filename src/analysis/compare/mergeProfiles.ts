/**
 * N profiles as one call tree with N weight columns (one per run): frames are matched by path from
 * the root (names matched as `matchName` says), a frame missing from a run weighs 0 there. This is
 * what the differential flame graph draws and what per-frame statistics over runs read.
 */
import type { CallTree } from '../../model/callTree';
import { buildTreeFromColumns } from '../../model/callTreeBuilder';
import { NameTable } from '../../model/nameTable';
import { matchName, type SymbolMatching } from './symbols';

export interface RunTree {
  label: string;
  tree: CallTree;
}

/** `shape`: the run whose widths order the siblings (the one the flame graph's shape comes from). */
export function mergeCallTrees(runs: readonly RunTree[], matching: SymbolMatching, shape = 0): CallTree {
  const table = new NameTable([runs[0]?.tree.names[runs[0].tree.nodeName[0]] ?? 'all']);
  const nodeName: number[] = [0];
  const parent: number[] = [-1];
  const selfs: number[][] = runs.map(() => [0]);
  // A child is found by (merged parent, matched name) as one number: string keys made the merge of
  // two 2M-node trees several times slower. Below 2^53 while nodes x names stays under 9e15.
  const stride = runs.reduce((n, r) => n + r.tree.names.length, 1);
  const children = new Map<number, number>();
  runs.forEach((run, r) => {
    const { names, nodeName: nn, parent: pp } = run.tree;
    const self = run.tree.columns[0].self;
    // Matched names once per interned name of this run.
    const nameIds = names.map((n) => table.intern(matchName(n, matching)));
    const merged = new Int32Array(nn.length);
    merged[0] = 0;
    selfs[r][0] += self[0] ?? 0;
    for (let i = 1; i < nn.length; i++) {
      const p = merged[pp[i]];
      const name = nameIds[nn[i]];
      const key = p * stride + name;
      let m = children.get(key);
      if (m === undefined) {
        m = nodeName.length;
        nodeName.push(name);
        parent.push(p);
        for (const s of selfs) s.push(0);
        children.set(key, m);
      }
      merged[i] = m;
      selfs[r][m] += self[i];
    }
  });
  return buildTreeFromColumns(
    table.names,
    nodeName,
    parent,
    runs.map((run, r) => ({ label: run.label, self: selfs[r] })),
    shape,
  );
}
