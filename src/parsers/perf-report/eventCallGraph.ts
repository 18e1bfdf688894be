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
import { buildTreeFromNodes } from '../../model/callTreeBuilder';
import type { CallTree } from '../../model/callTree';
import { NameTable } from '../../model/nameTable';
import type { ResolvedChains } from './entryChains';

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
  return /^0x0*[0-9a-f]+$/i.test(n) ? '0x' + (n.slice(2).replace(/^0+/, '') || '0') : n;
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
  const hasKid = new Uint8Array(n);
  for (let i = 1; i < n; i++) hasKid[t.parent[i]] = 1;
  let callee = 0;
  let caller = 0;
  for (let i = 1; i < n; i++) {
    const name = t.names[i];
    const leaf = !hasKid[i];
    if (!children && t.depth[i] === 1 && sameFunction(name, symbol)) callee++;
    if (!children && leaf && t.depth[i] > 1 && sameFunction(name, symbol)) caller++;
    const ep = ENTRY_POINTS.has(bare(name));
    if (ep && leaf && t.depth[i] > 1) callee++;
    if (ep && t.depth[i] === 1 && hasKid[i]) caller++;
  }
  return callee > caller ? 'callee' : caller > callee ? 'caller' : undefined;
}

export class EventCallGraph {
  private readonly table: NameTable;
  private readonly nodeName: number[] = [0];
  private readonly parent: number[] = [-1];
  private readonly self: number[] = [0];
  private readonly kids = new Map<number, number>();
  entries = 0;

  constructor(
    rootName: string,
    private readonly children: boolean,
  ) {
    this.table = new NameTable([rootName]);
  }

  private child(parent: number, name: string): number {
    const id = this.table.intern(name);
    const key = parent * 67108864 + id;
    let c = this.kids.get(key);
    if (c === undefined) {
      c = this.nodeName.length;
      this.nodeName.push(id);
      this.parent.push(parent);
      this.self.push(0);
      this.kids.set(key, c);
    }
    return c;
  }

  /** Adds the chains of the row of `symbol`, printed in `order`. */
  add(t: ResolvedChains, order: 'caller' | 'callee', symbol: string): void {
    this.entries++;
    const n = t.names.length;
    if (order === 'caller') {
      const map = new Int32Array(n);
      const skip = new Uint8Array(n);
      for (let i = 1; i < n; i++) {
        const p = t.parent[i];
        // `--children`: the chains from the row's own function down are other rows' samples.
        if (skip[p] || (this.children && t.depth[i] === 1 && sameFunction(t.names[i], symbol))) {
          skip[i] = 1;
          continue;
        }
        map[i] = this.child(map[p], t.names[i]);
        this.self[map[i]] += t.self[i];
      }
      return;
    }
    // Callee order: a node's path runs from the sampled function (first level) to its callers.
    const path: string[] = [];
    for (let i = 1; i < n; i++) {
      if (!(t.self[i] > 0)) continue;
      path.length = 0;
      for (let j = i; j > 0; j = t.parent[j]) path.push(t.names[j]);
      let node = 0;
      for (const name of path) node = this.child(node, name);
      this.self[node] += t.self[i];
    }
  }

  build(label: string): CallTree {
    return buildTreeFromNodes(this.table.names, this.nodeName, this.parent, this.self, label);
  }
}
