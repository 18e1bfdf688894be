/**
 * The call graph printed under one report row, as a small tree in display order (node 0 stands
 * for the row itself). Graph lines are placed by their columns (ui/stdio/hist.c: each level is 11
 * characters; a branch's frames and children continue 11 columns right of its connector, the
 * collapsed root's 3 columns right of its `---`). Values are kept as printed and resolved into
 * weights when the row ends (`resolve`), once the event's value kind is known.
 */
import type { ChainLine } from './chainLines';

/** How a node's weight follows from what was printed. */
export const enum Weight {
  /** The collapsed root (`---frame`): the row's own share. */
  Row,
  /** A printed value (percent of the event, or of the parent in fractal mode; or a period/count). */
  Printed,
  /** A frame continuing the chain above: the same weight. */
  Same,
  /** Not printed: the sum of its children (flat and folded chains). */
  Sum,
}

export interface ResolvedChains {
  names: string[];
  parent: number[];
  self: number[];
  /** Whether the tree contains the row's own symbol at its root / at a leaf (for the chain order). */
  depth: number[];
}

export class EntryChains {
  names: string[] = [''];
  parent: number[] = [-1];
  kind: Weight[] = [Weight.Row];
  /** The printed value text (Printed), else ''. */
  value: string[] = [''];
  /** Weight printed for the node itself (folded chains), in printed units. */
  direct: number[] = [0];
  /** Open graph levels: the column where a node's frames and children continue, and its deepest frame. */
  private readonly open: Array<{ column: number; tail: number }> = [];
  /** Flat chain being read: its last node. */
  private flatTail = -1;
  private flatValue = '';
  /** (parent, name) -> child, for flat and folded chains, whose paths share prefixes. */
  private readonly kids = new Map<string, number>();
  /** A remainder line (`[...]`) or fractal-only shape was seen. */
  sawRemainder = false;
  lines = 0;

  /** `intern` gives the copy of a frame name to keep (frames repeat; a kept substring pins its input chunk). */
  constructor(private readonly intern: (name: string) => string = (n) => n) {}

  get empty(): boolean {
    return this.names.length === 1;
  }

  reset(): void {
    // Node 0 stays; resolved trees keep their own arrays (see resolveChains).
    this.names = [''];
    this.parent = [-1];
    this.kind.length = 1;
    this.value.length = 1;
    this.direct.length = 1;
    this.open.length = 0;
    this.flatTail = -1;
    this.kids.clear();
    this.sawRemainder = false;
    this.lines = 0;
  }

  private add(parent: number, name: string, kind: Weight, value = ''): number {
    const i = this.names.length;
    this.names.push(this.intern(name));
    this.parent.push(parent);
    this.kind.push(kind);
    this.value.push(value);
    this.direct.push(0);
    if (name.startsWith('[...]')) this.sawRemainder = true;
    return i;
  }

  private shared(parent: number, name: string): number {
    const key = `${parent}\u0000${name}`;
    let c = this.kids.get(key);
    if (c === undefined) {
      c = this.add(parent, name, Weight.Sum);
      this.kids.set(key, c);
    }
    return c;
  }

  /** Adds a chain line; returns a problem to warn about, or undefined. */
  addLine(line: ChainLine): string | undefined {
    this.lines++;
    switch (line.kind) {
      case 'separator':
      case 'tui':
        return undefined;
      case 'root': {
        const node = this.add(0, line.frame, Weight.Row);
        this.open.length = 0;
        this.open.push({ column: line.column, tail: node });
        return undefined;
      }
      case 'branch': {
        const c = line.connector;
        while (this.open.length > 0 && this.open[this.open.length - 1].column > c) this.open.pop();
        const top = this.open[this.open.length - 1];
        const parent = top ? top.tail : 0;
        const node = this.add(parent, line.frame, Weight.Printed, line.value);
        // Without a collapsed root, first-level branches connect at the margin (12 in perf 4.6+).
        if (!top) this.open.push({ column: c, tail: 0 });
        this.open.push({ column: c + 11, tail: node });
        return top && top.column < c - 1 ? 'call-graph branch further right than its parent level' : undefined;
      }
      case 'frame': {
        if (this.flatTail >= 0) {
          this.flatTail = this.shared(this.flatTail, line.frame);
          return undefined;
        }
        while (this.open.length > 0 && this.open[this.open.length - 1].column > line.column + 1) this.open.pop();
        const top = this.open[this.open.length - 1];
        if (!top) return 'call-graph frame without a chain above it';
        const node = this.add(top.tail, line.frame, Weight.Same);
        top.tail = node;
        return undefined;
      }
      case 'flatValue':
        this.closeFlat();
        this.flatTail = 0;
        this.flatValue = line.value;
        return undefined;
      case 'folded': {
        let node = 0;
        for (const frame of line.stack.split(';')) node = this.shared(node, frame);
        this.direct[node] += Number(line.value.endsWith('%') ? line.value.slice(0, -1) : line.value);
        this.value[node] = line.value.endsWith('%') ? '%' : '';
        return undefined;
      }
    }
  }

  /** Ends a flat chain: its value weighs its last node (cumulative, as perf prints it). */
  private closeFlat(): void {
    if (this.flatTail > 0) {
      this.kind[this.flatTail] = Weight.Printed;
      this.value[this.flatTail] = this.flatValue;
    }
    this.flatTail = -1;
  }

  finish(): void {
    this.closeFlat();
  }

  /** The printed values that are percentages (for telling graph from fractal). */
  get printsPercent(): boolean {
    for (let i = 1; i < this.value.length; i++) if (this.value[i]) return this.value[i].endsWith('%');
    return true;
  }
}

/** How printed values become weights, decided per event. */
export interface Scale {
  /** Weight of 100% of the event. */
  total: number;
  /** Weight of the row (its Children or Overhead share). */
  row: number;
  /** Fractal: percentages are of the parent node. */
  fractal: boolean;
  /** Rounding slack: what a printed 0.01% may hide, in weight. */
  slack: number;
}

function printed(text: string, total: number): number {
  return text.endsWith('%') ? (Number(text.slice(0, -1)) * total) / 100 : Number(text);
}

/**
 * Whether the printed percentages only make sense as fractal (relative to the parent): some
 * branch weighs more than its parent, or the first level more than the row.
 */
export function looksFractal(chains: EntryChains, rowPercent: number): boolean {
  if (chains.sawRemainder) return true;
  const n = chains.names.length;
  const pct = new Float64Array(n).fill(NaN);
  pct[0] = rowPercent;
  const kidSum = new Float64Array(n);
  const kidCount = new Int32Array(n);
  for (let i = 1; i < n; i++) {
    const p = chains.parent[i];
    if (chains.kind[i] === Weight.Row) pct[i] = rowPercent;
    else if (chains.kind[i] === Weight.Same) pct[i] = pct[p];
    else if (chains.kind[i] === Weight.Printed && chains.value[i].endsWith('%')) {
      pct[i] = Number(chains.value[i].slice(0, -1));
      kidSum[p] += pct[i];
      kidCount[p]++;
    }
  }
  for (let i = 0; i < n; i++) if (kidCount[i] > 0 && !Number.isNaN(pct[i]) && kidSum[i] > pct[i] + 0.011 * (kidCount[i] + 1)) return true;
  return false;
}

/** The entry's tree with each node's own weight (what ends there), in weight units. */
export function resolveChains(chains: EntryChains, scale: Scale): ResolvedChains {
  const n = chains.names.length;
  const cum = new Float64Array(n);
  cum[0] = scale.row;
  const depth = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) {
    const p = chains.parent[i];
    depth[i] = depth[p] + 1;
    switch (chains.kind[i]) {
      case Weight.Row:
        cum[i] = scale.row;
        break;
      case Weight.Same:
        cum[i] = cum[p];
        break;
      case Weight.Printed: {
        const v = chains.value[i];
        cum[i] = scale.fractal && v.endsWith('%') ? (Number(v.slice(0, -1)) * cum[p]) / 100 : printed(v, scale.total);
        break;
      }
      case Weight.Sum:
        cum[i] = NaN;
        break;
    }
  }
  // Bottom-up: a node's own weight is what its printed weight leaves to its children.
  const kidSum = new Float64Array(n);
  const kids = new Int32Array(n);
  const self = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 1; i--) {
    let d = chains.direct[i] === 0 ? 0 : chains.value[i] === '%' ? (chains.direct[i] * scale.total) / 100 : chains.direct[i];
    // A number too large for a double, or a share of an unknown total, weighs nothing of its own.
    if (!Number.isFinite(d)) d = 0;
    if (!Number.isFinite(cum[i])) {
      cum[i] = d + kidSum[i];
      self[i] = d;
    } else {
      const rest = cum[i] - kidSum[i];
      // Percentages are rounded to 0.01%: a leftover of that size is rounding, not time spent here.
      self[i] = kids[i] > 0 && rest <= scale.slack * (kids[i] + 1) ? 0 : Math.max(0, rest);
    }
    const p = chains.parent[i];
    kidSum[p] += cum[i];
    kids[p]++;
  }
  return { names: chains.names, parent: chains.parent, self, depth };
}
