/**
 * `perf report --stdio` output, streamed line by line: the preamble (`--header` facts, lost
 * samples), one section per event (`# Samples:`, `# Event count`), its column header and dotted
 * rule, rows (numbers as numbers) and the call graphs under them, rebuilt into one call tree per
 * event. Also reads `-q` output (no header), `-t SEP` output, `--hierarchy`, and rows copied from
 * the TUI (with a warning). Memory: the rows and the call trees, not the input.
 */
import type { HeaderFacts } from '../../model/report';
import type { PerfReport, PerfReportCallGraph, PerfReportEvent } from '../../model/perfReport';
import type { TableCell } from '../../model/table';
import { readHeaderFact } from '../shared/headerFacts';
import { LineParser, parseWholeText } from '../shared/lineParser';
import { CallGraphAssembler } from './callGraphs';
import { classifyChainLine } from './chainLines';
import { cutAligned, cutBySeparator, cutBySpaces, HEADER_START, layoutFromHeader, layoutFromRow, layoutFromRule, tableColumns, type Layout } from './layout';
import { ELIDED, EVENT_COUNT, HEADER_RULE, LOST, parseSamplesLine, SORT_ORDER, TIP, TOTAL_WEIGHT } from './preamble';
import { RowCells } from './rowCells';
import { newSection, weightBasis, type RowEntry, type Section } from './section';

/** ANSI colour (`--stdio-color always`, a pty): ESC [ … m. */
const ANSI = new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g');
/** The TUI's scrollbar and fold glyphs at the end of copied lines. */
const TUI_GLYPHS = new Set([0x2591, 0x2592, 0x2593, 0x2588, 0x2502, 0xfffd]);
/** `#` lines longer than this are no perf header (and are not matched against regexes). */
const MAX_COMMENT = 4096;

/** `text` without the TUI glyphs and white space at its end (a loop: a regex would backtrack). */
function withoutTuiTail(text: string): string {
  let end = text.length;
  for (;;) {
    const c = text.charCodeAt(end - 1);
    if (end > 0 && (c <= 32 || TUI_GLYPHS.has(c))) end--;
    else break;
  }
  return end === text.length ? text : text.slice(0, end);
}

const NOT_BLANK = /[^ \t]/;
/** A row of a table without a header yet: a percentage, then two spaces or a TAB. */
const ROW_LIKE = /^[+-]?\s*\d+\.\d+%(?: {2}|\t)/;

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
  private entry: RowEntry | undefined;
  private children = false;
  private readonly cells = new RowCells((message) => this.warnings.add(this.lineCount, message));
  private readonly graphs = new CallGraphAssembler(
    (line, message) => this.warnings.add(line, message),
    () => this.children,
  );
  private tuiWarned = false;
  private tuiChainsWarned = false;
  private coloured = false;

  constructor(private readonly options: PerfReportOptions = { maxRows: 0 }) {
    super();
  }

  line(raw: string, lineNo: number): void {
    // Colour codes: looked for until line 1000; perf colours every row of a coloured report.
    let text = (lineNo <= 1000 || this.coloured) && raw.includes('\x1b') ? this.uncolour(raw) : raw;
    text = text.trimEnd();
    if (text.length > 0 && text.charCodeAt(text.length - 1) > 127) text = withoutTuiTail(text);
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
    if (text.length > MAX_COMMENT) return void this.warnings.add(lineNo, `a # line of ${text.length} characters: not a perf report header, skipped`);
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
    const s = newSection(`table ${this.sections.length + 1}`, lineNo);
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
      // (Deep call graphs indent by hundreds of columns: a native search finds the first character.)
      const c = text.charCodeAt(text.search(NOT_BLANK));
      if (!(c >= 48 && c <= 57)) return false;
    }
    if (layout.hierarchy) return this.hierarchyRow(s, text, lineNo);
    let out: TableCell[] | undefined;
    if (layout.separator) out = this.cells.cells(layout, cutBySeparator(text, layout));
    else if (layout.spans) {
      out = this.cells.cells(layout, cutAligned(text, layout));
      if (!out) {
        out = this.cells.cells(layout, cutBySpaces(text, layout));
        if (out && !s.alignWarned) {
          s.alignWarned = true;
          this.warnings.add(lineNo, 'row does not line up with the dotted column rule: cut at runs of spaces');
        }
      }
    } else out = this.cells.cells(layout, cutBySpaces(text, layout));
    if (!out) return false;
    this.addRow(s, out, lineNo);
    return true;
  }

  private hierarchyRow(s: Section, text: string, lineNo: number): boolean {
    const row = this.cells.hierarchy(s.layout!, text, s.hierarchyBase);
    if (!row) return false;
    s.hierarchyBase ??= row.end;
    this.addRow(s, row.cells, lineNo);
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
    this.graphs.add(this.entry!, line, text, lineNo);
    return true;
  }

  /** Ends the current row: its chains go into the event's call tree. */
  private endEntry(): void {
    const entry = this.entry;
    this.entry = undefined;
    this.graphs.endRow(entry);
  }

  protected override finish(): void {
    this.endEntry();
    this.graphs.finish(this.sections);
  }

  toModel(source: string): PerfReport {
    const events: PerfReportEvent[] = [];
    for (const s of this.sections) {
      if (!s.layout && s.event.table.rows.length === 0 && !s.samplesLine) continue;
      const event: PerfReportEvent = { ...s.event };
      if (s.graph && s.tree) {
        const { unit, basis } = weightBasis(s);
        const graph: PerfReportCallGraph = {
          mode: s.mode ?? 'graph',
          order: s.order ?? (this.children ? 'caller' : 'callee'),
          orderFrom: s.orderFrom ?? 'default',
          value: s.value ?? 'percent',
          tree: s.tree,
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

export function parsePerfReport(text: string, source = '<text>', options?: PerfReportOptions): PerfReport {
  return parseWholeText(new PerfReportParser(options), text, source);
}
