import type { CallTree } from '../../model/callTree';
import { buildTreeFromNodes, CallTreeNodes } from '../../model/callTreeBuilder';

/**
 * Accumulates samples without building a string per sample: frames are interned to ids and each
 * distinct stack is a node of a trie keyed by (parent node, frame id). Strings are made only once
 * per distinct stack, at the end. Memory is bounded by distinct frames and stacks.
 */
const MAX_FRAMES = 2 ** 24;

export class StackTrie {
  private readonly frameIds = new Map<string, number>();
  readonly frameNames: string[] = [];
  /** Open-addressing hash table (parent node, frame) -> child node; Map with number keys is slower. */
  private slotParent = new Int32Array(1 << 16).fill(-1);
  private slotFrame = new Int32Array(1 << 16);
  private slotChild = new Int32Array(1 << 16);
  private used = 0;
  private parent: Int32Array = new Int32Array(1024);
  private frame: Int32Array = new Int32Array(1024);
  private weight: Float64Array = new Float64Array(1024);
  private nodes = 1; // node 0 is the root

  intern(name: string): number {
    let id = this.frameIds.get(name);
    if (id === undefined) {
      id = this.frameNames.length;
      if (id >= MAX_FRAMES) throw new Error('more than 16M distinct frames');
      // Kept for the whole parse: a copy, so it does not pin the input chunk it was cut from.
      const own = detach(name);
      this.frameNames.push(own);
      this.frameIds.set(own, id);
    }
    return id;
  }

  /** Adds `weight` to the stack root-first = `first`, then frames[n-1] … frames[0] (leaf first). */
  add(first: number, frames: Int32Array, n: number, weight: number): void {
    let node = this.child(0, first);
    for (let i = n - 1; i >= 0; i--) node = this.child(node, frames[i]);
    this.weight[node] += weight;
  }

  /** The node for `frame` under `node` (0: the root), made when new. */
  child(node: number, frame: number): number {
    const mask = this.slotParent.length - 1;
    let i = (Math.imul(node, 0x9e3779b1) ^ Math.imul(frame, 0x85ebca77)) & mask;
    for (;;) {
      const p = this.slotParent[i];
      if (p === node && this.slotFrame[i] === frame) return this.slotChild[i];
      if (p === -1) break;
      i = (i + 1) & mask;
    }
    const c = this.nodes++;
    if (c >= this.parent.length) this.grow();
    this.parent[c] = node;
    this.frame[c] = frame;
    this.slotParent[i] = node;
    this.slotFrame[i] = frame;
    this.slotChild[i] = c;
    if (++this.used * 2 > this.slotParent.length) this.rehash();
    return c;
  }

  /** The weight of all stacks. */
  totalWeight(): number {
    let sum = 0;
    for (let i = 0; i < this.nodes; i++) sum += this.weight[i];
    return sum;
  }

  /** Adds `weight` to what ends at `node`. */
  addWeight(node: number, weight: number): void {
    this.weight[node] += weight;
  }

  private rehash(): void {
    const oldParent = this.slotParent;
    const oldFrame = this.slotFrame;
    const oldChild = this.slotChild;
    const size = oldParent.length * 2;
    this.slotParent = new Int32Array(size).fill(-1);
    this.slotFrame = new Int32Array(size);
    this.slotChild = new Int32Array(size);
    const mask = size - 1;
    for (let j = 0; j < oldParent.length; j++) {
      const p = oldParent[j];
      if (p === -1) continue;
      let i = (Math.imul(p, 0x9e3779b1) ^ Math.imul(oldFrame[j], 0x85ebca77)) & mask;
      while (this.slotParent[i] !== -1) i = (i + 1) & mask;
      this.slotParent[i] = p;
      this.slotFrame[i] = oldFrame[j];
      this.slotChild[i] = oldChild[j];
    }
  }

  private grow(): void {
    const size = this.parent.length * 2;
    const p = new Int32Array(size);
    p.set(this.parent);
    this.parent = p;
    const f = new Int32Array(size);
    f.set(this.frame);
    this.frame = f;
    const w = new Float64Array(size);
    w.set(this.weight);
    this.weight = w;
  }

  /**
   * The samples as a call tree, without building a string per stack. A frame name holding ';'
   * (perf's inline chains `a;b`) is several frames, as in the folded text, so stacks that print the
   * same land on the same node.
   */
  toCallTree(rootName = 'all', label = ''): CallTree {
    // Usually no frame name holds ';': the trie is the tree already, frame i is name i + 1.
    if (!this.frameNames.some((n) => n.includes(';'))) {
      const n = this.nodes;
      const nodeName = new Int32Array(n);
      for (let i = 1; i < n; i++) nodeName[i] = this.frame[i] + 1;
      return buildTreeFromNodes([rootName, ...this.frameNames], nodeName, this.parent.subarray(0, n), this.weight.subarray(0, n), label);
    }
    const tree = new CallTreeNodes(rootName);
    const intern = (s: string): number => tree.table.intern(s);
    // Each trie frame -> the name ids it stands for (one, or several for `a;b`).
    const parts: Array<number | number[]> = this.frameNames.map((n) => (n.includes(';') ? n.split(';').map(intern) : intern(n)));
    const treeNode = new Int32Array(this.nodes);
    for (let n = 1; n < this.nodes; n++) {
      // A trie parent is created before its children: its tree node is known.
      let t = treeNode[this.parent[n]];
      const p = parts[this.frame[n]];
      if (typeof p === 'number') t = tree.child(t, p);
      else for (const id of p) t = tree.child(t, id);
      treeNode[n] = t;
      tree.addSelf(t, this.weight[n]);
    }
    return tree.build(label);
  }

  /** The trie as flat arrays, for sending to another thread (the buffers can be transferred). */
  export(): TrieExport {
    const n = this.nodes;
    return {
      frameNames: this.frameNames,
      parent: this.parent.slice(0, n),
      frame: this.frame.slice(0, n),
      weight: this.weight.slice(0, n),
    };
  }

  /** Adds another trie's stacks (from export()) to this one. */
  merge(other: TrieExport): void {
    const frameMap = other.frameNames.map((name) => this.intern(name));
    const nodeMap = new Int32Array(other.parent.length);
    for (let n = 1; n < other.parent.length; n++) {
      const node = this.child(nodeMap[other.parent[n]], frameMap[other.frame[n]]);
      nodeMap[n] = node;
      this.weight[node] += other.weight[n];
    }
  }
}

export interface TrieExport {
  frameNames: string[];
  parent: Int32Array;
  frame: Int32Array;
  weight: Float64Array;
}

/**
 * A copy of `s` that does not point into the chunk it was cut from. V8 keeps substrings as views of
 * their parent, so caching one would keep a whole 1 MiB input chunk alive.
 */
export function detach(s: string): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: copying or not gives the same string; only memory retention differs
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}
