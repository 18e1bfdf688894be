/**
 * One event's call tree, grown from the call graphs under its rows and laid out root caller first
 * (the flame graph's orientation), whatever order perf printed the chains in.
 *
 * - Without `--children` every sample belongs to exactly one row, so the rows' chains add up to
 *   the event: callee-ordered chains (sampled function first) are turned around.
 * - With `--children` a row's call graph merges the chains of its own samples (caller order: from
 *   the outermost caller down to the row's function) with the chains of the samples below it (from
 *   the row's function down to its callees), which other rows show again as their own. The tree is
 *   made of the first kind only: a row's branches that do not start at the row's own function.
 *   Callee-ordered chains start at the row's function either way, so no tree is made from them.
 */
import type { CallTree } from '../../model/callTree';
import { StackTrie } from '../shared/stackTrie';
import type { ResolvedChains } from './entryChains';
import { workFloats, workInts, WorkSlot } from './workArrays';

/** Where threads and processes start: a chain that ends in one is callee-ordered. */
const ENTRY_POINTS = new Set([
  '_start',
  'start_thread',
  '__libc_start_main',
  '__libc_start_call_main',
  '__GI___clone',
  '__GI___clone3',
  'clone',
  '__clone',
  'clone3',
  'thread_start',
  'ret_from_fork',
  'ret_from_fork_asm',
  'secondary_startup_64',
  'secondary_startup_64_no_verify',
  'start_secondary',
  'x86_64_start_kernel',
  'cpu_startup_entry',
  'entry_SYSCALL_64',
  'entry_SYSCALL_64_after_hwframe',
  'java_start',
]);

/** A frame name without its srcline or address decoration, and hex without leading zeros. */
function bare(name: string): string {
  const sp = name.indexOf(' ');
  const n = sp > 0 ? name.slice(0, sp) : name;
  if (!/^0x[0-9a-f]+$/i.test(n)) return n;
  // Leading zeros dropped by hand: `0x0*[0-9a-f]+` would backtrack on long runs of zeros.
  let i = 2;
  while (i < n.length - 1 && n.charCodeAt(i) === 48) i++;
  return '0x' + n.slice(i);
}

export function sameFunction(frame: string, symbol: string): boolean {
  return frame === symbol || bare(frame) === bare(symbol);
}

/**
 * The order a row's chains were printed in, when its shape tells: a chain that starts with the
 * row's symbol (no `--children`) or ends in an entry point is callee-ordered; one that ends with the
 * row's symbol, or starts at an entry point and goes on, is caller-ordered.
 */
export function chainOrder(t: ResolvedChains, symbol: string, children: boolean): 'caller' | 'callee' | undefined {
  const n = t.names.length;
  const hasKid = workInts(WorkSlot.HasKid, n);
  for (let i = 1; i < n; i++) hasKid[t.parent[i]] = 1;
  let callee = 0;
  let caller = 0;
  for (let i = 1; i < n; i++) {
    const name = t.names[i];
    const leaf = !hasKid[i];
    if (!children && t.depth[i] === 1 && sameFunction(name, symbol)) callee++;
    if (!children && leaf && t.depth[i] > 1 && sameFunction(name, symbol)) caller++;
    // Only a chain's ends can be entry points that tell (rows' graphs have thousands of inner nodes).
    if ((leaf && t.depth[i] > 1) || (t.depth[i] === 1 && hasKid[i])) {
      if (ENTRY_POINTS.has(bare(name))) {
        if (leaf) callee++;
        else caller++;
      }
    }
  }
  return callee > caller ? 'callee' : caller > callee ? 'caller' : undefined;
}

/**
 * One event's tree as a trie keyed by (parent node, frame id): a frame name is hashed once, when its
 * node is added, and only nodes that weigh something are.
 */
export class EventCallGraph {
  private readonly trie = new StackTrie();
  private remainder = -1;
  entries = 0;

  constructor(private readonly children: boolean) {}

  /** Adds the chains of the row of `symbol`, printed in `order`. */
  add(t: ResolvedChains, order: 'caller' | 'callee', symbol: string): void {
    this.entries++;
    const n = t.names.length;
    const names = t.names;
    if (order === 'caller') {
      const map = workInts(WorkSlot.NodeMap, n);
      const skip = workInts(WorkSlot.Skip, n);
      const hasKid = workInts(WorkSlot.HasKid, n);
      // Weight below each node: printed chains of 0.00% weigh nothing and would only grow the trie
      // with nodes the built tree leaves out (hundreds of thousands in a `-g caller,0` report).
      const below = workFloats(WorkSlot.NumberA, n);
      for (let i = n - 1; i >= 1; i--) {
        below[i] += t.self[i];
        below[t.parent[i]] += below[i];
      }
      for (let i = 1; i < n; i++) hasKid[t.parent[i]] = 1;
      for (let i = 1; i < n; i++) {
        const p = t.parent[i];
        // `--children`: the chains from the row's own function down are other rows' samples.
        if (skip[p] || !(below[i] > 0) || (this.children && t.depth[i] === 1 && sameFunction(names[i], symbol))) {
          skip[i] = 1;
          continue;
        }
        map[i] = this.trie.child(map[p], this.trie.intern(names[i]));
        if (t.self[i] > 0) this.trie.addWeight(this.sampled(map[i], names[i], symbol, hasKid[i] === 1), t.self[i]);
      }
      // Without --children the row's share is its own samples: what its printed chains leave
      // ran the row's function under callers the threshold hid.
      if (!this.children && t.rootSelf > 0) this.addHidden(symbol, t.rootSelf);
      return;
    }
    if (!this.children && t.rootSelf > 0) this.addHidden(symbol, t.rootSelf);
    // Callee order: a node's path runs from the sampled function (first level) to its callers.
    // Paths share their first nodes: each node's frame id is looked up once (0: not yet, else id + 1).
    const ids = workInts(WorkSlot.FrameId, n);
    const frameId = (j: number): number => (ids[j] > 0 ? ids[j] : (ids[j] = this.trie.intern(t.names[j]) + 1)) - 1;
    for (let i = 1; i < n; i++) {
      if (!(t.self[i] > 0)) continue;
      let node = 0;
      // Walk from the sampled node up to the row: that is the path root-first in callee order.
      for (let j = i; j > 0; j = t.parent[j]) this.path.push(frameId(j));
      for (let k = 0; k < this.path.length; k++) node = this.trie.child(node, this.path[k]);
      this.path.length = 0;
      this.trie.addWeight(node, t.self[i]);
    }
  }

  private readonly path: number[] = [];

  /**
   * Where weight left at a caller-ordered chain's node goes: every sample under a row ran the row's
   * function, so a chain that stops before it (cut by the threshold) still ends in it: directly
   * under a node the chain ends at, under `[...]` (perf's mark for what the threshold left out)
   * below a node whose printed branches do not account for all of it.
   */
  private sampled(node: number, name: string, symbol: string, branches: boolean): number {
    if (!symbol || sameFunction(name, symbol)) return node;
    return this.trie.child(branches ? this.trie.child(node, this.remainderId()) : node, this.trie.intern(symbol));
  }

  /**
   * Weight of a row's function whose callers the threshold hid (its chains leave it, or none was
   * printed): under `[...]`, perf's mark for what the threshold left out, below the root.
   */
  addHidden(symbol: string, weight: number): void {
    const hidden = this.trie.child(0, this.remainderId());
    this.trie.addWeight(symbol ? this.trie.child(hidden, this.trie.intern(symbol)) : hidden, weight);
  }

  /** The weight of everything added so far. */
  get weight(): number {
    return this.trie.totalWeight();
  }

  private remainderId(): number {
    if (this.remainder < 0) this.remainder = this.trie.intern('[...]');
    return this.remainder;
  }

  /** The tree, its root named `rootName` (the event). */
  build(rootName: string): CallTree {
    return this.trie.toCallTree(rootName, rootName);
  }
}
