/**
 * The call graphs under a report's rows, from lines to each event's call tree: a row's chain
 * lines go into an EntryChains; when the row ends they are resolved into weights (graph or
 * fractal, the event's value kind) and, once the chain order is known, added to the event's tree.
 * Every case where no honest tree can be made is a warning, never a guess.
 */
import type { CallGraphMode } from '../../model/perfReport';
import type { ChainLine } from './chainLines';
import { EntryChains, looksFractal, resolveChains, type ResolvedChains, type Scale } from './entryChains';
import { chainOrder, EventCallGraph } from './eventCallGraph';
import { detached } from './rowCells';
import { workInts, WorkSlot } from './workArrays';
import { samplesCeiling } from './preamble';
import { weightBasis, type RowEntry, type Section } from './section';

/** Rows whose chains wait until the event's chain order is known. */
const MAX_PENDING = 256;

export class CallGraphAssembler {
  private readonly chains = new EntryChains();

  /** `children`: whether the report has Children columns (read when rows end). */
  constructor(
    private readonly warn: (line: number, message: string) => void,
    private readonly children: () => boolean,
  ) {}

  /** Adds a chain line of the current row. */
  add(entry: RowEntry, line: ChainLine, text: string, lineNo: number): void {
    const problem = this.chains.addLine(line);
    if (problem) this.warn(lineNo, `${problem}: ${text.trim().slice(0, 80)}`);
    const s = entry.section;
    if (!s.mode || s.mode === 'graph') {
      const mode: CallGraphMode | undefined =
        line.kind === 'flatValue' ? 'flat' : line.kind === 'folded' ? 'folded' : line.kind === 'root' || line.kind === 'branch' ? 'graph' : undefined;
      if (mode && (!s.mode || mode !== 'graph')) s.mode = mode;
    }
    if (!s.value && (line.kind === 'branch' || line.kind === 'flatValue' || line.kind === 'folded')) s.value = valueKind(s, line.value);
  }

  /** Ends a row: its chains go into the event's call tree. */
  endRow(entry: RowEntry | undefined): void {
    if (!entry || this.chains.empty) {
      if (this.chains.lines > 0) this.chains.reset();
      // Its samples still belong to the event's tree (without --children rows do not overlap).
      if (entry && !this.children() && entry.percent > 0) {
        const hidden = (entry.section.hidden ??= new Map());
        hidden.set(entry.symbol, (hidden.get(entry.symbol) ?? 0) + entry.percent);
      }
      return;
    }
    this.chains.finish();
    const s = entry.section;
    const scale = rowScale(s, entry.percent);
    if (s.mode === 'graph' && this.chains.printsPercent && looksFractal(this.chains, entry.percent)) s.mode = 'fractal';
    scale.fractal = s.mode === 'fractal';
    const resolved = this.withSkippedFrame(s, resolveChains(this.chains, scale), entry, scale);
    this.chains.reset();
    s.entries++;
    if (!s.order) {
      s.order = chainOrder(resolved, entry.symbol, this.children());
      if (!s.order) {
        // Kept for a while: copies of the names, which would otherwise pin their input chunks.
        resolved.names = resolved.names.map(detached);
        s.pending.push({ chains: resolved, symbol: entry.symbol });
        if (s.pending.length >= MAX_PENDING) this.decideOrder(s, false);
        return;
      }
      this.decideOrder(s, true);
    }
    this.emit(s, resolved, entry.symbol, entry.line);
  }

  /** `-s sym` first: perf leaves out the first frame (the row's symbol); put it back. */
  private withSkippedFrame(s: Section, t: ResolvedChains, entry: RowEntry, scale: Scale): ResolvedChains {
    const first = s.layout?.columns.find((c) => c.type === 'text');
    if (!first?.symbol || this.children() || !entry.symbol) return t;
    const n = t.names.length;
    const symbol = entry.symbol;
    for (let i = 1; i < n; i++) if (t.depth[i] === 1 && t.names[i] === symbol) return t;
    const hasKid = workInts(WorkSlot.HasKid, n);
    for (let i = 1; i < n; i++) hasKid[t.parent[i]] = 1;
    for (let i = 1; i < n; i++) if (!hasKid[i] && t.names[i] === symbol) return t;
    // Node 1 becomes the symbol; the old nodes move down by one.
    const names = ['', symbol, ...t.names.slice(1)];
    const parent = [-1, 0, ...t.parent.slice(1).map((p) => p + 1)];
    const self = [0, 0, ...t.self.slice(1)];
    const depth = [0, 1, ...t.depth.slice(1).map((d) => d + 1)];
    // What the printed branches leave of the row is the symbol's own weight.
    let sum = 0;
    for (let i = 2; i < names.length; i++) sum += self[i];
    if (Number.isFinite(scale.row) && scale.row - sum > scale.slack * 2) self[1] = scale.row - sum;
    return { names, parent, self, depth, rootSelf: 0 };
  }

  private decideOrder(s: Section, fromChains: boolean): void {
    if (!s.order) s.order = this.children() ? 'caller' : 'callee';
    s.orderFrom = fromChains ? 'chains' : 'default';
    const pending = s.pending;
    s.pending = [];
    for (const p of pending) this.emit(s, p.chains, p.symbol, 0);
  }

  private emit(s: Section, t: ResolvedChains, symbol: string, lineNo: number): void {
    const children = this.children();
    const refuse =
      children && s.symbolColumn < 0
        ? 'call graphs of a --children report sorted without symbols: each row\u2019s own chains cannot be told from the chains below it, so no call tree is built (use --no-children, or sort by sym)'
        : children && s.order === 'callee'
          ? 'call graphs of a --children report in callee order show only each function\u2019s callers: no call tree is built (use -g caller, or --no-children)'
          : undefined;
    if (refuse) {
      if (!s.treeWarned) {
        s.treeWarned = true;
        this.warn(lineNo || s.event.line, refuse);
      }
      return;
    }
    s.graph ??= new EventCallGraph(children);
    s.graph.add(t, s.order!, symbol);
  }

  /** Rows without chains under `[...]` (see `Section.hidden`). */
  private addHiddenRows(s: Section, graph: EventCallGraph, total: number): void {
    const scale = hiddenScale(s, graph, total);
    for (const [symbol, percent] of s.hidden!) graph.addHidden(symbol, (scale * percent * total) / 100);
  }

  /** Ends the input: pending rows are added, each event's tree is built and checked. */
  finish(sections: readonly Section[]): void {
    for (const s of sections) {
      if (!s.order && s.pending.length > 0) this.decideOrder(s, false);
      if (!s.graph || s.graph.entries === 0) continue;
      const { total, unit } = weightBasis(s);
      if (s.hidden && Number.isFinite(total)) this.addHiddenRows(s, s.graph, total);
      const tree = s.graph.build(s.event.name || s.event.table.title);
      // `# Samples: 5K` stands for up to 5999 samples.
      const limit = unit === 'samples' && s.samplesLine ? samplesCeiling(s.samplesLine) : total;
      const weight = tree.columns[0].total[0];
      // Chains adding up to more than the event repeat samples across rows (a --children
      // recording printed without its Children column, `-F overhead,sym`): no honest tree.
      if (Number.isFinite(limit) && weight > limit * 1.005 + 1e-9) {
        this.warn(
          s.event.line,
          `the call graphs add up to ${((100 * weight) / total).toFixed(1)}% of the event: they repeat samples across rows (cumulative chains without a Children column?), so no call tree is built`,
        );
        continue;
      }
      if (!(weight > 0)) {
        this.warn(
          s.event.line,
          'no call tree: the printed chains hold none of the rows\u2019 own samples (with --children only the chains leading to a row\u2019s function count, and none was above the threshold)',
        );
        continue;
      }
      s.tree = tree;
    }
  }
}

/**
 * Rows printed without chains weigh their printed (rounded) share: when rounding takes the event past
 * 100%, they are scaled down to what is left of it, so the tree never outweighs its event.
 */
function hiddenScale(s: Section, graph: EventCallGraph, total: number): number {
  let hidden = 0;
  for (const percent of s.hidden!.values()) hidden += (percent * total) / 100;
  const room = total - graph.weight;
  return hidden <= room ? 1 : Math.max(0, room) / hidden;
}

/** `-g …,period` and `-g …,count` both print integers: a count is never above the event's samples. */
function valueKind(s: Section, value: string): 'percent' | 'period' | 'count' {
  if (value.endsWith('%')) return 'percent';
  const v = Number(value);
  if (s.samplesLine) return v <= samplesCeiling(s.samplesLine) ? 'count' : 'period';
  return s.event.eventCount !== undefined && v > s.event.eventCount / 100 ? 'period' : 'count';
}

function rowScale(s: Section, rowPercent: number): Scale {
  const { total } = weightBasis(s);
  const row = Number.isNaN(rowPercent) ? NaN : (rowPercent * total) / 100;
  return { total, row, fractal: false, slack: s.value === 'percent' || !s.value ? (0.005 * total) / 100 : 0 };
}
