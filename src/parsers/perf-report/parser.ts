/**
 * `perf report --stdio` output, streamed line by line: the preamble (`--header` facts, lost
 * samples), one section per event (`# Samples:`, `# Event count`), its column header and dotted
 * rule, rows (numbers as numbers) and the call graphs under them, rebuilt into one call tree per
 * event. Also reads `-q` output (no header), `-t SEP` output, `--hierarchy`, and rows copied from
 * the TUI (with a warning). Memory: the rows and the call trees, not the input.
 */
import type { HeaderFacts } from '../../model/report';
import type { CallGraphMode, CallGraphWeightBasis, PerfReport, PerfReportCallGraph, PerfReportEvent } from '../../model/perfReport';
import type { TableCell } from '../../model/table';
import type { WeightUnit } from '../../model/units';
import { readHeaderFact } from '../shared/headerFacts';
import { LineParser } from '../shared/lineParser';
import { classifyChainLine } from './chainLines';
import { EntryChains, looksFractal, resolveChains, type ResolvedChains, type Scale } from './entryChains';
import { chainOrder, EventCallGraph } from './eventCallGraph';
import {
  cutAligned,
  cutBySeparator,
  cutBySpaces,
  HEADER_START,
  layoutFromHeader,
  layoutFromRow,
  layoutFromRule,
  parseCellNumber,
  tableColumns,
  type Layout,
} from './layout';
import { ELIDED, EVENT_COUNT, HEADER_RULE, LOST, parseSamplesLine, samplesCeiling, SORT_ORDER, TIP, TOTAL_WEIGHT, type SamplesLine } from './preamble';

/** ANSI colour (`--stdio-color always`, a pty): ESC [ … m. */
const ANSI = new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g');
/** The TUI's scrollbar and fold glyphs at the end of copied lines. */
const TUI_TAIL = /[\s\u2591\u2592\u2593\u2588\u2502\ufffd]+$/;
const ROW_LIKE = /^[+-]?\s*\d+\.\d+%(?: {2}|\t)/;
/** Rows whose chains wait until the event's chain order is known. */
const MAX_PENDING = 256;
/** Distinct text cells kept interned (comm, DSO, symbol repeat across rows and events). */
const MAX_INTERNED = 1 << 19;

/**
 * A copy of `s` that does not point into the input: a substring of a line keeps the whole decoded
 * chunk (1 MiB) alive, and a kept row must not keep its chunk.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

interface Section {
  event: PerfReportEvent;
  samplesLine?: SamplesLine;
  layout?: Layout;
  alignWarned: boolean;
  /** Index of the column whose percentage a row's chains are shares of. */
  shareColumn: number;
  symbolColumn: number;
  graph?: EventCallGraph;
  mode?: CallGraphMode;
  value?: 'percent' | 'period' | 'count';
  order?: 'caller' | 'callee';
  orderFrom?: 'chains' | 'default';
  /** `--hierarchy`: where the first level's numbers end. */
  hierarchyBase?: number;
  pending: Array<{ chains: ResolvedChains; symbol: string }>;
  entries: number;
  calleeChildrenWarned: boolean;
}

/** The current row and the chains under it. */
interface Entry {
  section: Section;
  line: number;
  percent: number;
  symbol: string;
}

export interface PerfReportOptions {
  /** Keep at most this many rows per event (0: all). */
  maxRows: number;
  /** The event a flame graph shows (a multi-event report): see `PerfReport.flameGraphEvent`. */
  event?: string;
}

export class PerfReportParser extends LineParser<PerfReport> {
  protected readonly longLineReason = 'longer than any perf report line';
  private readonly facts: HeaderFacts = {};
  private inHeader = false;
  private lost: number | undefined;
  private tip: string | undefined;
  private readonly elided: Array<{ key: string; value: string }> = [];
  private readonly sections: Section[] = [];
  private pendingHeader: { text: string; line: number } | undefined;
  private entry: Entry | undefined;
  // Frame names are copied, not interned here: the event's call tree interns them once.
  private readonly chains = new EntryChains(detached);
  private children = false;
  private tuiWarned = false;
  private tuiChainsWarned = false;
  private readonly interned = new Map<string, string>();
  private coloured = false;
  private lastRaw = '';
  private lastInterned = '';

  constructor(private readonly options: PerfReportOptions = { maxRows: 0 }) {
    super();
  }

  line(raw: string, lineNo: number): void {
    // Colour codes: looked for until line 1000; perf colours every row of a coloured report.
    let text = (lineNo <= 1000 || this.coloured) && raw.includes('\x1b') ? this.uncolour(raw) : raw;
    text = text.trimEnd();
    if (text.length > 0 && text.charCodeAt(text.length - 1) > 127) text = text.replace(TUI_TAIL, '');
    if (text.length === 0) return;
    if (text.charCodeAt(0) === 35) return this.comment(text, lineNo);
    const section = this.sections[this.sections.length - 1];
    if (section?.layout && this.row(section, text, lineNo)) return;
    const end = text.charCodeAt(text.length - 1);
    if ((end === 46 || end === 0x2026) && /^\s*(?:\.{3,}|…)$/.test(text)) return void this.warnings.add(lineNo, 'lines left out here (`...` in pasted text)');
    if (this.entry && this.chainLine(text, lineNo)) return;
    if ((!section || !section.layout) && ROW_LIKE.test(text)) {
      const s = section && section.event.table.rows.length === 0 ? section : this.newSection(lineNo);
      // A header kept without its dotted rule (text pasted by hand) still names the columns.
      const header = this.pendingHeader ? layoutFromHeader(this.pendingHeader.text) : undefined;
      this.pendingHeader = undefined;
      if (header) {
        this.setLayout(s, header, lineNo);
        if (this.row(s, text, lineNo)) {
          this.warnings.add(lineNo, 'column header without its dotted rule: rows are cut at runs of spaces');
          return;
        }
      }
      this.setLayout(s, this.inferLayout(text), lineNo);
      if (this.row(s, text, lineNo)) return;
    }
    this.unrecognized(text, lineNo, 'expected a perf report row, a call-graph line or a # header line, got: ');
  }

  private uncolour(raw: string): string {
    this.coloured = true;
    return raw.replace(ANSI, '');
  }

  private comment(text: string, lineNo: number): void {
    if (HEADER_RULE.test(text)) {
      this.inHeader = !this.inHeader;
      return;
    }
    if (this.inHeader) {
      readHeaderFact(text, this.facts);
      return;
    }
    if (text.startsWith('# ..') || /^#\s+\.+(?: +\.+)*$/.test(text)) return this.rule(text, lineNo);
    const samples = text.includes('Samples:') ? parseSamplesLine(text) : undefined;
    if (samples) {
      this.endEntry();
      const last = this.sections[this.sections.length - 1];
      const s = last && !last.layout && last.event.table.rows.length === 0 && !last.samplesLine ? last : this.newSection(lineNo);
      s.samplesLine = samples;
      s.event.name = samples.name;
      s.event.table.title = samples.name;
      s.event.samples = samples.samples;
      s.event.samplesText = samples.samplesText;
      if (samples.members) s.event.members = samples.members;
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = EVENT_COUNT.exec(text))) return void (this.currentSection(lineNo).event.eventCount = Number(m[1]));
    if ((m = LOST.exec(text))) return void (this.lost = (this.lost ?? 0) + Number(m[1]));
    if ((m = TOTAL_WEIGHT.exec(text))) return void (this.currentSection(lineNo).event.totalWeight = Number(m[1]));
    if ((m = SORT_ORDER.exec(text))) return void (this.currentSection(lineNo).event.sortOrder = m[1].trim());
    if ((m = ELIDED.exec(text))) return void this.elided.push({ key: m[1], value: m[2] });
    if ((m = TIP.exec(text))) {
      this.endEntry();
      this.tip = m[1];
      return;
    }
    if (HEADER_START.test(text)) {
      this.endEntry();
      this.pendingHeader = { text, line: lineNo };
      // `-t SEP`: the header has no rule under it.
      const layout = layoutFromHeader(text);
      if (layout?.separator) {
        this.setLayout(this.sectionForTable(lineNo), layout, lineNo);
        this.pendingHeader = undefined;
      }
      return;
    }
    // `# ....` rules come right after their header; other `#` lines are perf's comments
    // (`# To display the perf.data header info…`) or notes in pasted text.
    if (text !== '#' && this.pendingHeader && this.pendingHeader.line === lineNo - 1) this.pendingHeader = { text, line: lineNo };
  }

  private rule(text: string, lineNo: number): void {
    const header = this.pendingHeader;
    this.pendingHeader = undefined;
    if (!header || header.line !== lineNo - 1) {
      // `--mem-mode` prints two header lines; anything else is a rule without a header.
      if (!header) return this.unrecognized(text, lineNo, 'dotted column rule without a column header above it: ');
    }
    const layout = layoutFromRule(header!.text, text, (msg) => this.warnings.add(lineNo, msg));
    if (!layout) return this.unrecognized(text, lineNo, 'expected a dotted column rule, got: ');
    this.setLayout(this.sectionForTable(header!.line), layout, lineNo);
  }

  private currentSection(lineNo: number): Section {
    return this.sections[this.sections.length - 1] ?? this.newSection(lineNo);
  }

  /** The section a new table header starts: the current one unless it already has rows. */
  private sectionForTable(lineNo: number): Section {
    this.endEntry();
    const last = this.sections[this.sections.length - 1];
    return last && last.event.table.rows.length === 0 ? last : this.newSection(lineNo);
  }

  private newSection(lineNo: number): Section {
    this.endEntry();
    const title = `table ${this.sections.length + 1}`;
    const s: Section = {
      event: { name: '', line: lineNo, table: { title, columns: [], keys: [], rows: [] } },
      alignWarned: false,
      shareColumn: -1,
      symbolColumn: -1,
      pending: [],
      entries: 0,
      calleeChildrenWarned: false,
    };
    this.sections.push(s);
    return s;
  }

  private setLayout(s: Section, layout: Layout, lineNo: number): void {
    if (s.event.members && !layout.hierarchy) layout.members = s.event.members.length;
    s.layout = layout;
    const columns = tableColumns(layout, s.event.members);
    s.event.table.columns = columns;
    s.event.table.keys = columns.filter((c) => c.kind === 'text' && c.id !== 'level').map((c) => c.id);
    if (s.event.table.keys.length === 0) s.event.table.keys = columns.length > 0 ? [columns[columns.length - 1].id] : [];
    const ids = columns.map((c) => c.id);
    const children = ids.indexOf('children') >= 0 || ids.indexOf('children:1') >= 0;
    if (children) this.children = true;
    const share = children ? ids.findIndex((id) => id.startsWith('children')) : columns.findIndex((c) => c.kind === 'number' && c.unit === 'percent');
    s.shareColumn = share;
    s.symbolColumn = ids.indexOf('symbol');
    if (s.event.line === 0) s.event.line = lineNo;
  }

  private inferLayout(text: string): Layout {
    const fields = text
      .replace(/^[+-] /, '  ')
      .trim()
      .split(/ {2,}|\t+/);
    const layout = layoutFromRow(fields);
    if (/^[+-] /.test(text)) this.warnTui(this.lineCount);
    else this.warnings.add(this.lineCount, `no column header: columns inferred from this row (${layout.columns.map((c) => c.title).join(', ')})`);
    return layout;
  }

  private warnTui(lineNo: number): void {
    if (this.tuiWarned) return;
    this.tuiWarned = true;
    this.warnings.add(lineNo, 'text copied from the perf TUI (+/- fold markers): rows are read, folded call graphs cannot be');
  }

  /** Reads `text` as a row of the section's table; false when it is not one. */
  private row(s: Section, text: string, lineNo: number): boolean {
    const layout = s.layout!;
    const c0 = text.charCodeAt(0);
    if ((c0 === 43 || c0 === 45) && text.charCodeAt(1) === 32) {
      // `+ ` / `- ` fold markers of the TUI take the place of the row's leading spaces.
      text = ' ' + text.slice(1);
      this.warnTui(lineNo);
    } else if (layout.columns[0].type !== 'text' && !layout.separator) {
      // Cheap test first (most lines of a big report are call-graph lines): a row starts with a
      // number after its indentation, a call-graph line with `|`, `-` or a frame name.
      let k = 0;
      while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
      const c = text.charCodeAt(k);
      if (!(c >= 48 && c <= 57)) return false;
    }
    if (layout.hierarchy) return this.hierarchyRow(s, text, lineNo);
    let out: TableCell[] | undefined;
    if (layout.separator) out = this.cellsOf(layout, cutBySeparator(text, layout));
    else if (layout.spans) {
      out = this.cellsOf(layout, cutAligned(text, layout));
      if (!out) {
        out = this.cellsOf(layout, cutBySpaces(text, layout));
        if (out && !s.alignWarned) {
          s.alignWarned = true;
          this.warnings.add(lineNo, 'row does not line up with the dotted column rule: cut at runs of spaces');
        }
      }
    } else out = this.cellsOf(layout, cutBySpaces(text, layout));
    if (!out) return false;
    this.addRow(s, out, lineNo);
    return true;
  }

  private intern(text: string): string {
    // Consecutive rows often share their comm and DSO.
    if (text === this.lastRaw) return this.lastInterned;
    const known = this.interned.get(text);
    if (known !== undefined) return this.remember(text, known);
    const copy = detached(text);
    if (this.interned.size < MAX_INTERNED) this.interned.set(copy, copy);
    return this.remember(text, copy);
  }

  private remember(raw: string, kept: string): string {
    this.lastRaw = raw;
    this.lastInterned = kept;
    return kept;
  }

  /** The row's cells as the table keeps them; undefined when a numeric cell holds no number. */
  private cellsOf(layout: Layout, cells: string[] | undefined): TableCell[] | undefined {
    if (!cells) return undefined;
    const out: TableCell[] = [];
    for (let i = 0; i < layout.columns.length; i++) {
      const col = layout.columns[i];
      const cell = cells[i] ?? '';
      if ((col.type === 'percent' || col.type === 'count') && layout.members === 1) {
        const v = parseCellNumber(cell, col.type === 'percent');
        // A blank or N/A cell is a number column's null; an empty cell is a row that is not one.
        if (v === undefined || cell === '') return undefined;
        out.push(v);
      } else if (col.type === 'percent' || col.type === 'count') {
        const parts = layout.members > 1 ? cell.split(/\s+/) : [cell];
        if (parts.length !== layout.members) return undefined;
        for (const p of parts) {
          const v = parseCellNumber(p, col.type === 'percent');
          if (v === undefined) return undefined;
          out.push(v);
        }
      } else if (col.type === 'sortNumber') {
        const v = parseCellNumber(cell, false);
        out.push(v ?? null);
        if (v === undefined && cell !== '') {
          out[out.length - 1] = null;
          this.warnings.add(this.lineCount, `${col.title}: expected a number, got '${cell.slice(0, 40)}'`);
        }
      } else if (col.symbol) {
        const level = symbolLevel(cell);
        if (level >= 0) out.push(cell[level + 1], this.intern(cell.slice(level + 4)));
        else out.push(null, this.intern(cell));
      } else out.push(this.intern(cell));
    }
    return out;
  }

  private hierarchyRow(s: Section, text: string, lineNo: number): boolean {
    const layout = s.layout!;
    const numeric = layout.columns.filter((c) => c.type === 'percent' || c.type === 'count').length;
    const re = /\S+/g;
    const out: TableCell[] = [];
    let end = 0;
    let firstEnd = -1;
    for (let k = 0; k < numeric; k++) {
      const m = re.exec(text);
      if (!m) return false;
      const v = parseCellNumber(m[0], m[0].endsWith('%'));
      if (typeof v !== 'number') return false;
      out.push(v);
      end = m.index + m[0].length;
      if (firstEnd < 0) firstEnd = end;
    }
    const key = text.slice(end).trim();
    if (!key) return false;
    out.push(key);
    const base = (s.hierarchyBase ??= firstEnd);
    out.push(Math.max(0, Math.round((firstEnd - base) / 3)));
    this.addRow(s, out, lineNo);
    return true;
  }

  private addRow(s: Section, cells: TableCell[], lineNo: number): void {
    this.endEntry();
    this.records++;
    if (this.options.maxRows === 0 || s.event.table.rows.length < this.options.maxRows) s.event.table.rows.push({ line: lineNo, cells });
    const pct = s.shareColumn >= 0 ? cells[s.shareColumn] : null;
    const symbol = s.symbolColumn >= 0 ? cells[s.symbolColumn] : null;
    this.entry = { section: s, line: lineNo, percent: typeof pct === 'number' ? pct : NaN, symbol: typeof symbol === 'string' ? symbol : '' };
  }

  private chainLine(text: string, lineNo: number): boolean {
    const line = classifyChainLine(text);
    if (!line) return false;
    if (line.kind === 'tui') {
      if (!this.tuiChainsWarned) {
        this.tuiChainsWarned = true;
        this.warnings.add(lineNo, 'call-graph lines copied from the perf TUI are not read into the call tree (their folded branches are not in the text)');
      }
      return true;
    }
    const problem = this.chains.addLine(line);
    if (problem) this.warnings.add(lineNo, `${problem}: ${text.trim().slice(0, 80)}`);
    const s = this.entry!.section;
    if (!s.mode || s.mode === 'graph') {
      const mode: CallGraphMode | undefined =
        line.kind === 'flatValue' ? 'flat' : line.kind === 'folded' ? 'folded' : line.kind === 'root' || line.kind === 'branch' ? 'graph' : undefined;
      if (mode && (!s.mode || mode !== 'graph')) s.mode = mode;
    }
    if (!s.value && (line.kind === 'branch' || line.kind === 'flatValue' || line.kind === 'folded')) s.value = this.valueKind(s, line.value);
    return true;
  }

  /** `-g …,period` and `-g …,count` both print integers: a count is never above the event's samples. */
  private valueKind(s: Section, value: string): 'percent' | 'period' | 'count' {
    if (value.endsWith('%')) return 'percent';
    const v = Number(value);
    if (s.samplesLine) return v <= samplesCeiling(s.samplesLine) ? 'count' : 'period';
    return s.event.eventCount !== undefined && v > s.event.eventCount / 100 ? 'period' : 'count';
  }

  /** Ends the current row: its chains go into the event's call tree. */
  private endEntry(): void {
    const entry = this.entry;
    this.entry = undefined;
    if (!entry || this.chains.empty) {
      if (this.chains.lines > 0) this.chains.reset();
      return;
    }
    this.chains.finish();
    const s = entry.section;
    const scale = this.scale(s, entry.percent);
    if (s.mode === 'graph' && this.chains.printsPercent && looksFractal(this.chains, entry.percent)) s.mode = 'fractal';
    scale.fractal = s.mode === 'fractal';
    let resolved = resolveChains(this.chains, scale);
    resolved = this.withSkippedFrame(s, resolved, entry, scale);
    this.chains.reset();
    s.entries++;
    if (!s.order) {
      s.order = chainOrder(resolved, entry.symbol, this.children);
      if (!s.order) {
        s.pending.push({ chains: resolved, symbol: entry.symbol });
        if (s.pending.length >= MAX_PENDING) this.decideOrder(s, false);
        return;
      }
      this.decideOrder(s, true);
    }
    this.emit(s, resolved, entry.symbol, entry.line);
  }

  /** `-s sym` first: perf leaves out the first frame (the row's symbol); put it back. */
  private withSkippedFrame(s: Section, t: ResolvedChains, entry: Entry, scale: Scale): ResolvedChains {
    const first = s.layout?.columns.find((c) => c.type === 'text');
    if (!first?.symbol || this.children || !entry.symbol) return t;
    const n = t.names.length;
    for (let i = 1; i < n; i++) if (t.depth[i] === 1 && t.names[i] === entry.symbol) return t;
    const hasKid = new Uint8Array(n);
    for (let i = 1; i < n; i++) hasKid[t.parent[i]] = 1;
    for (let i = 1; i < n; i++) if (!hasKid[i] && t.names[i] === entry.symbol) return t;
    // Node 1 becomes the symbol; the old nodes move down by one.
    const names = [t.names[0], entry.symbol, ...t.names.slice(1)];
    const parent = [-1, 0, ...t.parent.slice(1).map((p) => p + 1)];
    const self = [0, 0, ...t.self.slice(1)];
    const depth = [0, 1, ...t.depth.slice(1).map((d) => d + 1)];
    // What the printed branches leave of the row is the symbol's own weight.
    let sum = 0;
    for (let i = 2; i < names.length; i++) sum += self[i];
    if (Number.isFinite(scale.row) && scale.row - sum > scale.slack * 2) self[1] = scale.row - sum;
    return { names, parent, self, depth };
  }

  private decideOrder(s: Section, fromChains: boolean): void {
    if (!s.order) s.order = this.children ? 'caller' : 'callee';
    s.orderFrom = fromChains ? 'chains' : 'default';
    const pending = s.pending;
    s.pending = [];
    for (const p of pending) this.emit(s, p.chains, p.symbol, 0);
  }

  private emit(s: Section, t: ResolvedChains, symbol: string, lineNo: number): void {
    if (this.children && s.order === 'callee') {
      if (!s.calleeChildrenWarned) {
        s.calleeChildrenWarned = true;
        this.warnings.add(
          lineNo || s.event.line,
          'call graphs of a --children report in callee order show only each function\u2019s callers: no call tree is built (use -g caller, or --no-children)',
        );
      }
      return;
    }
    s.graph ??= new EventCallGraph(s.event.name || s.event.table.title, this.children);
    s.graph.add(t, s.order!, symbol);
  }

  private scale(s: Section, rowPercent: number): Scale {
    const { total } = weightBasis(s);
    const row = Number.isNaN(rowPercent) ? NaN : (rowPercent * total) / 100;
    return { total, row, fractal: false, slack: s.value === 'percent' || !s.value ? (0.005 * total) / 100 : 0 };
  }

  protected override finish(): void {
    this.endEntry();
    for (const s of this.sections) if (!s.order && s.pending.length > 0) this.decideOrder(s, false);
  }

  toModel(source: string): PerfReport {
    const events: PerfReportEvent[] = [];
    for (const s of this.sections) {
      if (!s.layout && s.event.table.rows.length === 0 && !s.samplesLine) continue;
      const event: PerfReportEvent = { ...s.event };
      if (s.graph && s.graph.entries > 0) {
        const { unit, basis } = weightBasis(s);
        const graph: PerfReportCallGraph = {
          mode: s.mode ?? 'graph',
          order: s.order ?? (this.children ? 'caller' : 'callee'),
          orderFrom: s.orderFrom ?? 'default',
          value: s.value ?? 'percent',
          tree: s.graph.build(event.name || event.table.title),
          weight: unit,
          basis,
          entries: s.entries,
          fromRows: this.children ? 'self chains' : 'rows',
        };
        event.callGraph = graph;
      }
      events.push(event);
    }
    const facts = this.facts;
    if (!facts.events && events.some((e) => e.name)) facts.events = events.filter((e) => e.name).map((e) => e.name);
    return {
      ...this.envelope('perf-report', source, facts),
      format: 'perf-report',
      kind: 'perf-report',
      lostSamples: this.lost,
      elided: this.elided,
      children: this.children,
      tip: this.tip,
      events,
      flameGraphEvent: this.options.event,
    };
  }
}

/**
 * Where the `[x] ` level marker of a Symbol cell starts (`[.] name`; with `-v` after the address and
 * origin, `0x119c  B [.] name`), or -1.
 */
function symbolLevel(cell: string): number {
  let at = 0;
  if (cell.charCodeAt(0) === 48 && cell.charCodeAt(1) === 120) {
    const m = /^0x[0-9a-f]+\s+\S\s+(?=\[)/.exec(cell);
    if (!m) return -1;
    at = m[0].length;
  }
  return cell.charCodeAt(at) === 91 && cell.charCodeAt(at + 2) === 93 && cell.charCodeAt(at + 3) === 32 && '.kguHsX'.includes(cell[at + 1]) ? at : -1;
}

/** What the event's call-tree weights count, and 100% of the event in that unit. */
function weightBasis(s: Section): { unit: WeightUnit; total: number; basis: CallGraphWeightBasis } {
  const { eventCount, samples } = s.event;
  if (s.value === 'period') return { unit: 'period', total: eventCount ?? NaN, basis: 'printed' };
  if (s.value === 'count') return { unit: 'samples', total: samples ?? NaN, basis: 'printed' };
  if (eventCount !== undefined && eventCount > 0) return { unit: 'period', total: eventCount, basis: 'event-count' };
  if (samples !== undefined && samples > 0) return { unit: 'samples', total: samples, basis: 'samples' };
  return { unit: 'count', total: 100, basis: 'percent' };
}

export function parsePerfReport(text: string, source = '<text>', options?: PerfReportOptions): PerfReport {
  const p = new PerfReportParser(options);
  p.push(text);
  p.end();
  return p.toModel(source);
}
