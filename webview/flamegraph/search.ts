/**
 * Frame search: a term becomes a predicate, names are matched once per interned name, and the
 * matches are summed over the FULL tree (not only what is drawn). Pure code: unit-tested in node.
 */
import type { CallTree } from '../../src/model/callTree';
import type { TreeIndex } from './treeIndex';

/**
 * Search term -> predicate. Plain text matches as a case-insensitive substring; `/re/flags` is a
 * regular expression (invalid ones fall back to plain text). Undefined for an empty term.
 */
export function makeMatcher(term: string): ((name: string) => boolean) | undefined {
  const t = term.trim();
  if (!t) return undefined;
  const re = /^\/(.+)\/([a-z]*)$/.exec(t);
  if (re) {
    try {
      const rx = new RegExp(re[1], re[2].replace(/[gy]/g, ''));
      return (name) => rx.test(name);
    } catch {
      /* not a valid regexp: plain text */
    }
  }
  const lower = t.toLowerCase();
  return (name) => name.toLowerCase().includes(lower);
}

/** Match flag per interned name (names are tested once, not once per node). */
export function matchNames(tree: CallTree, matcher: (name: string) => boolean): Uint8Array {
  const out = new Uint8Array(tree.names.length);
  for (let i = 0; i < tree.names.length; i++) if (matcher(tree.names[i])) out[i] = 1;
  return out;
}

export interface SearchStats {
  /** Matching nodes of the full tree (the root is never matched). */
  frames: number;
  /** Weight of matching nodes, nested matches counted once. */
  weight: number;
  percent: number;
}

/** Over the FULL tree, O(n): a match under a matching ancestor adds no weight again. */
export function searchStats(index: TreeIndex, nameMatch: Uint8Array): SearchStats {
  const { n } = index;
  const covered = new Uint8Array(n);
  const { parent, nodeName } = index.tree;
  const total = index.total;
  let frames = 0;
  let weight = 0;
  for (let i = 1; i < n; i++) {
    const inherited = covered[parent[i]];
    if (nameMatch[nodeName[i]]) {
      frames++;
      if (!inherited) weight += total[i];
      covered[i] = 1;
    } else {
      covered[i] = inherited;
    }
  }
  return { frames, weight, percent: index.rootTotal > 0 ? (100 * weight) / index.rootTotal : 0 };
}

export function searchSummary(stats: SearchStats): string {
  const verb = stats.frames === 1 ? '1 frame matches' : `${stats.frames} frames match`;
  return `${verb}, ${stats.percent.toFixed(2)}% of samples`;
}
