/**
 * strace -c summaries, streaming. Column positions come from the dashes rule under the header
 * (widths grow with the data since strace 5.6; old versions overflow their fixed widths), so blank
 * cells (errors of 0, the old total row's usecs/call) stay blank. One group per table: the whole
 * traced run, then one per extra personality (`32 bit mode`). Every line not understood is a
 * located warning; a table cut short keeps its rows.
 */
import type { SyscallColumnId, SyscallGroup, SyscallSummary } from '../../model/syscallSummary';
import { cutBoundsBySpans, cutBySpans, decimalCommaNumber, decimalIn, fieldBounds, labelIds, ruleSpans, stripQuote, type Span } from '../shared/columns';
import { LineParser, parseWholeText } from '../shared/lineParser';
import { SyscallGroupBuilder, toMicroseconds, type SyscallCells } from '../shared/syscallTable';
import { isStraceHeader, isStraceRule, isStraceToolLine, personalityOf, STRACE_COLUMNS } from './lines';

const ALIASES = Object.fromEntries(Object.keys(STRACE_COLUMNS).map((k) => [k, k]));
const PRECISION = { time: 1, avg: 1, avgTruncated: true };

interface OpenTable {
  spans: Span[];
  labels: string[];
  /** Each label's column id and µs per printed unit. */
  columns: { id: SyscallColumnId; us?: number }[];
  builder: SyscallGroupBuilder;
  headerLine: number;
  /** `rows` until the closing rule, then `total`. */
  state: 'rows' | 'total';
}

export class StraceSummaryParser extends LineParser<SyscallSummary> {
  protected readonly longLineReason = 'longer than any strace -c line';
  private readonly groups: SyscallGroup[] = [];
  private table: OpenTable | undefined;
  private pendingHeader: { text: string; line: number } | undefined;
  private personality: { name: string; line: number } | undefined;
  private toolLines = 0;
  /** The last line with text, where end-of-input warnings go (the same with or without a final newline). */
  private lastText = 0;

  line(raw: string, lineNo: number): void {
    const line = stripQuote(raw).trimEnd();
    if (line.length > 0) this.lastText = lineNo;
    const header = this.pendingHeader;
    this.pendingHeader = undefined;
    if (header) {
      if (isStraceRule(line)) return this.openTable(header, line, lineNo);
      this.unrecognized(header.text, header.line, 'an strace -c header without the dashes rule under it: ');
    }
    if (this.table) {
      if (this.tableLine(this.table, line, lineNo)) return;
    }
    if (line.length === 0) return;
    const personality = personalityOf(line);
    if (personality !== undefined) {
      this.closeTable(lineNo, 'a new section starts');
      this.personality = { name: personality, line: lineNo };
      return;
    }
    if (isStraceHeader(line)) {
      this.closeTable(lineNo, 'a new table starts');
      this.pendingHeader = { text: line, line: lineNo };
      return;
    }
    if (isStraceToolLine(line)) {
      this.toolLines++;
      return;
    }
    this.unrecognized(line, lineNo, 'not part of an strace -c summary (program output?): ');
  }

  /** Handles a line inside a table; false when the line ends it (and should be read as outside). */
  private tableLine(t: OpenTable, line: string, lineNo: number): boolean {
    if (isStraceRule(line)) {
      if (t.state === 'rows') t.state = 'total';
      else this.warnings.add(lineNo, 'a second dashes rule after the table; expected the total row');
      return true;
    }
    if (line.length === 0 || (line.includes('System call') && personalityOf(line) !== undefined) || (line.includes('syscall') && isStraceHeader(line))) return false;
    const { cells, numbers } = this.cells(t, line, lineNo);
    let name = cells.syscall;
    // Annotated pastes (`sendmsg     ← netlink request`): the name is the first word of the last column.
    if (typeof name === 'string' && /\s/.test(name) && t.labels[t.labels.length - 1] === 'syscall' && numbers > 0) {
      const first = /^[A-Za-z_][\w:]*(?=\s)/.exec(name)?.[0];
      if (first) {
        this.warnings.add(lineNo, `text after the syscall name ignored: ${name.slice(first.length).trim().slice(0, 80)}`);
        name = cells.syscall = first;
      }
    }
    if (typeof name !== 'string' || name.length === 0 || /\s/.test(name) || numbers === 0) {
      if (isStraceToolLine(line)) {
        this.toolLines++;
        return true;
      }
      this.unrecognized(line, lineNo, `expected an strace -c row (${t.labels.join(', ')}), got: `);
      return true;
    }
    if (t.state === 'total') {
      if (name === 'total') {
        t.builder.setTotal(cells, lineNo);
        this.records++;
        this.finishTable();
      } else this.unrecognized(line, lineNo, 'expected the total row after the closing rule, got: ');
      return true;
    }
    t.builder.addRow(cells, lineNo);
    this.records++;
    return true;
  }

  private openTable(header: { text: string; line: number }, rule: string, lineNo: number): void {
    const spans = ruleSpans(rule, '-');
    const labels = cutBySpans(header.text, spans);
    const known = labelIds(labels, ALIASES);
    const unknown = labels.filter((_, i) => known[i] === undefined);
    if (unknown.length > 0 || new Set(labels).size !== labels.length) {
      this.unrecognized(header.text, header.line, `strace -c header does not line up with the rule under it (columns ${labels.map((l) => `'${l}'`).join(', ')}): `);
      return;
    }
    // The labels as the alias table spells them (the header may differ in case).
    const columns = known.map((k) => STRACE_COLUMNS[k!]);
    const ids = columns.map((c) => c.id);
    const p = this.personality;
    const title = p ? `${p.name} mode` : this.groups.length === 0 ? 'all processes' : `summary ${this.groups.length + 1}`;
    const builder = new SyscallGroupBuilder({ title, scope: p ? 'personality' : 'total', header: {}, line: p?.line ?? header.line }, ids, PRECISION);
    this.personality = undefined;
    builder.endLine = lineNo;
    this.table = { spans, labels, columns, builder, state: 'rows', headerLine: header.line };
  }

  /** Cell offsets of the row being read, reused from row to row. */
  private bounds: Int32Array = new Int32Array(32);

  /**
   * A row's cells by column id, converted to µs, cut at the rule's spans; a row that does not line
   * up with them (retyped, tabs) but has one word per column is read by words. Unreadable numbers
   * become null with a warning.
   */
  private cells(t: OpenTable, line: string, lineNo: number): { cells: SyscallCells; numbers: number } {
    this.bounds = cutBoundsBySpans(line, t.spans, this.bounds);
    let read = this.readCells(t, line, this.bounds);
    if (read.bad.length > 0) {
      const byWords = fieldBounds(line, new Int32Array(2 * t.spans.length));
      if (byWords.count === t.spans.length) {
        const again = this.readCells(t, line, byWords.bounds);
        if (again.bad.length === 0) read = again;
      }
    }
    const { cells, bad, numbers } = read;
    // Only for lines that are rows (a name and some numbers); the caller warns about the others.
    if (bad.length > 0 && typeof cells.syscall === 'string' && cells.syscall.length > 0 && numbers > 0) {
      this.warnings.add(lineNo, `not a number: ${bad.join(', ')} (left blank)`);
    }
    return { cells, numbers };
  }

  private readCells(t: OpenTable, line: string, bounds: Int32Array): { cells: SyscallCells; bad: string[]; numbers: number } {
    const cells: SyscallCells = {};
    const bad: string[] = [];
    let numbers = 0;
    for (let i = 0; i < t.labels.length; i++) {
      const { id, us } = t.columns[i];
      const start = bounds[2 * i];
      const end = bounds[2 * i + 1];
      if (id === 'syscall') cells.syscall = line.slice(start, end);
      // `%9.0u`-style columns print nothing for 0 (errors); other blanks are absent values.
      else if (start === end) cells[id] = id === 'errors' ? 0 : null;
      else {
        // strace prints %f with the locale's decimal point (`33,78    0,000229`) and never groups thousands.
        const comma = id !== 'calls' && id !== 'errors' && id !== 'avg' && id !== 'wallAvg' && line.lastIndexOf(',', end - 1) >= start;
        const n = comma ? decimalCommaNumber(line.slice(start, end)) : decimalIn(line, start, end);
        const ok = n !== undefined && n >= 0 && ((id !== 'calls' && id !== 'errors') || Number.isInteger(n));
        if (n !== undefined) numbers++;
        if (!ok) bad.push(`${t.labels[i]} '${line.slice(start, end)}'`);
        cells[id] = !ok || n === undefined ? null : us !== undefined ? toMicroseconds(n, us) : n;
      }
    }
    return { cells, bad, numbers };
  }

  private finishTable(): void {
    if (!this.table) return;
    const b = this.table.builder;
    if (b.rowCount === 0) this.warnings.add(this.table.headerLine, 'empty strace -c table: no syscall rows');
    this.groups.push(this.table.builder.finish(this.warnings));
    this.table = undefined;
  }

  /** Ends an open table before its total row (cut, or another table starts). */
  private closeTable(lineNo: number, why: string): void {
    const t = this.table;
    if (!t) return;
    this.warnings.add(lineNo, `strace -c table ends without its total row (${why}); ${t.builder.rowCount} rows kept`);
    this.finishTable();
  }

  protected override finish(): void {
    if (this.pendingHeader) this.unrecognized(this.pendingHeader.text, this.pendingHeader.line, 'an strace -c header at the end of the input, without its table: ');
    this.closeTable(this.lastText, 'the input ends');
    if (this.personality) this.warnings.add(this.personality.line, 'section heading without a table after it');
  }

  toModel(source: string): SyscallSummary {
    return { ...this.envelope('strace-summary', source), format: 'strace-summary', kind: 'syscalls', tool: 'strace', timeUnit: 'us', groups: this.groups, toolLines: this.toolLines };
  }
}

export function parseStraceSummary(text: string, source = '<text>'): SyscallSummary {
  return parseWholeText(new StraceSummaryParser(), text, source);
}
