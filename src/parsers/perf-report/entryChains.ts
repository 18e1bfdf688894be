/**
 * The call graph printed under one report row, as a small tree in display order (node 0 stands
 * for the row itself). Graph lines are placed by their columns (ui/stdio/hist.c: each level is 11
 * characters; a branch's frames and children continue 11 columns right of its connector, the
 * collapsed root's 3 columns right of its `---`). Values are kept as printed and resolved into
 * weights when the row ends (`resolve`), once the event's value kind is known.
 */
import type { ChainLine } from './chainLines';
import { workFloats, workInts, WorkSlot } from './workArrays';

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

export const enum ValueUnit {
  None,
  Percent,
  Plain,
}

export interface ResolvedChains {
  /**
   * Frame name of each node (node 0, the row, has ''), as cut from its line: interned only when the
   * node is added to a tree (most 0.00% chains never are).
   */
  names: string[];
  parent: number[];
  self: number[];
  /** Depth of each node (0: the row). */
  depth: number[];
  /** The row's weight its printed chains leave (branches hidden by the threshold, no `---` root). */
  rootSelf: number;
}

export class EntryChains {
  /** Frame name of each node; node 0 stands for the row. */
  names: string[] = [''];
  parent: number[] = [-1];
  kind: Weight[] = [Weight.Row];
  /** The printed value (Printed nodes), read once; NaN when none. */
  printed: number[] = [NaN];
  /** What the node's printed or folded value is: a percentage, a plain number (period/count), none. */
  unit: ValueUnit[] = [ValueUnit.None];
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

  get empty(): boolean {
    return this.names.length === 1;
  }

  /** The node count (node 0 included). */
  get size(): number {
    return this.names.length;
  }

  reset(): void {
    // Node 0 stays; resolved trees keep their own arrays (see resolveChains).
    this.names = [''];
    this.parent = [-1];
    this.kind.length = 1;
    this.printed.length = 1;
    this.unit.length = 1;
    this.direct.length = 1;
    this.open.length = 0;
    this.flatTail = -1;
    this.kids.clear();
    this.sawRemainder = false;
    this.lines = 0;
  }

  private add(parent: number, name: string, kind: Weight, value?: string): number {
    const i = this.names.length;
    this.names.push(name);
    this.parent.push(parent);
    this.kind.push(kind);
    if (value === undefined) {
      this.printed.push(NaN);
      this.unit.push(ValueUnit.None);
    } else {
      this.printed.push(valueNumber(value));
      this.unit.push(valueUnit(value));
    }
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
        this.direct[node] += valueNumber(line.value);
        // Only a percentage marks the node (a plain count is read as printed units either way).
        this.unit[node] = line.value.endsWith('%') ? ValueUnit.Percent : ValueUnit.None;
        return undefined;
      }
    }
  }

  /** Ends a flat chain: its value weighs its last node (cumulative, as perf prints it). */
  private closeFlat(): void {
    if (this.flatTail > 0) {
      this.kind[this.flatTail] = Weight.Printed;
      this.printed[this.flatTail] = valueNumber(this.flatValue);
      this.unit[this.flatTail] = valueUnit(this.flatValue);
    }
    this.flatTail = -1;
  }

  finish(): void {
    this.closeFlat();
  }

  /** The printed values that are percentages (for telling graph from fractal). */
  get printsPercent(): boolean {
    for (let i = 1; i < this.unit.length; i++) if (this.unit[i] !== ValueUnit.None) return this.unit[i] === ValueUnit.Percent;
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

/** A printed chain value (`38.82%`, `1984`) as a number, without its `%`. */
function valueNumber(text: string): number {
  return Number(text.endsWith('%') ? text.slice(0, -1) : text);
}

function valueUnit(text: string): ValueUnit {
  return text.endsWith('%') ? ValueUnit.Percent : ValueUnit.Plain;
}

/**
 * Whether the printed percentages are fractal (relative to the parent): a `[...]` remainder, or a
 * node whose branches add up to 100% (of it) while weighing more than it would as shares of the
 * event. (Branches heavier than their parent alone are not enough: `-F overhead` on a --children
 * recording prints cumulative chains under self shares.)
 */
export function looksFractal(chains: EntryChains, rowPercent: number): boolean {
  if (chains.sawRemainder) return true;
  const n = chains.size;
  const pct = workFloats(WorkSlot.NumberA, n);
  const kidSum = workFloats(WorkSlot.NumberB, n);
  const kidCount = workInts(WorkSlot.Count, n);
  pct.fill(NaN, 0, n);
  pct[0] = rowPercent;
  for (let i = 1; i < n; i++) {
    const p = chains.parent[i];
    if (chains.kind[i] === Weight.Row) pct[i] = rowPercent;
    else if (chains.kind[i] === Weight.Same) pct[i] = pct[p];
    else if (chains.kind[i] === Weight.Printed && chains.unit[i] === ValueUnit.Percent) {
      pct[i] = chains.printed[i];
      kidSum[p] += pct[i];
      kidCount[p]++;
    }
  }
  for (let i = 0; i < n; i++) {
    if (kidCount[i] === 0 || Number.isNaN(pct[i])) continue;
    const slack = 0.011 * (kidCount[i] + 1);
    if (kidSum[i] > pct[i] + slack && Math.abs(kidSum[i] - 100) <= slack) return true;
  }
  return false;
}

/** The entry's tree with each node's own weight (what ends there), in weight units. */
export function resolveChains(chains: EntryChains, scale: Scale): ResolvedChains {
  const n = chains.size;
  const cum = workFloats(WorkSlot.NumberA, n);
  const kidSum = workFloats(WorkSlot.NumberB, n);
  const kids = workInts(WorkSlot.Count, n);
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
        const v = chains.printed[i];
        const percent = chains.unit[i] === ValueUnit.Percent;
        cum[i] = percent ? (v * (scale.fractal ? cum[p] : scale.total)) / 100 : v;
        break;
      }
      case Weight.Sum:
        cum[i] = NaN;
        break;
    }
  }
  // Bottom-up: a node's own weight is what its printed weight leaves to its children.
  const self = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 1; i--) {
    let d = chains.direct[i] === 0 ? 0 : chains.unit[i] === ValueUnit.Percent ? (chains.direct[i] * scale.total) / 100 : chains.direct[i];
    // A number too large for a double, or a share of an unknown total, weighs nothing of its own.
    if (!Number.isFinite(d)) d = 0;
    if (!Number.isFinite(cum[i])) {
      cum[i] = d + kidSum[i];
      self[i] = d;
    } else {
      const rest = cum[i] - kidSum[i];
      // Percentages are rounded to 0.01%: a leftover of that size is rounding, not time spent here.
      // Only branches printed above zero count: a 0.00% branch's weight is only ever rounded down,
      // so what hundreds of them leave is real weight (keeping it keeps the node's printed total).
      self[i] = kids[i] > 0 && rest <= scale.slack ? 0 : Math.max(0, rest);
    }
    const p = chains.parent[i];
    kidSum[p] += cum[i];
    if (cum[i] > 0) kids[p]++;
  }
  const rest = cum[0] - kidSum[0];
  const rootSelf = Number.isFinite(rest) && rest > scale.slack * (kids[0] + 1) ? rest : 0;
  return { names: chains.names, parent: chains.parent, self, depth, rootSelf };
}
