/**
 * perf trace -s / -S / --summary summaries, streaming. One group per block (thread, total, cgroup
 * or BPF thread); the table's columns come from its header line (no `errors` before perf 5.5,
 * cropped tables retyped from slides), its units line scales the times to µs. Rows are cut at
 * white space, not at the rule's widths: long names and big totals push perf's columns right.
 */
import type { SyscallColumnId, SyscallGroup, SyscallSummary } from '../../model/syscallSummary';
import { decimalCommaNumber, decimalIn, fieldBounds, isRuleLine, ruleSpans, stripQuote } from '../shared/columns';
import { LineParser, parseWholeText } from '../shared/lineParser';
import { SyscallGroupBuilder, toMicroseconds } from '../shared/syscallTable';
import { errnoLine, groupLine, isTraceEventLine, SUMMARY_TITLE, tableHeader, TRACE_COLUMNS, UNIT_SCALE, unitsLine, type GroupLine } from './lines';

// Colour escapes perf injects with --color=always / a pty (docs/perf-formats.md §0.1).
const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g');
const TIME_IDS: readonly SyscallColumnId[] = ['total', 'min', 'avg', 'max'];

interface OpenTable {
  labels: string[];
  ids: SyscallColumnId[];
  /** Each label's place in the builder's row cells. */
  slots: number[];
  /** µs per printed unit, per time column id. */
  scale: Partial<Record<SyscallColumnId, number>>;
  builder: SyscallGroupBuilder;
  state: 'units' | 'rows';
}

export class PerfTraceSummaryParser extends LineParser<SyscallSummary> {
  protected readonly longLineReason = 'longer than any perf trace summary line';
  private readonly groups: SyscallGroup[] = [];
  private table: OpenTable | undefined;
  private block: { group: GroupLine; line: number } | undefined;
  private summaryLine = 0;
  private toolLines = 0;

  line(raw: string, lineNo: number): void {
    let line = stripQuote(raw).trimEnd();
    if (line.includes('\x1b')) line = line.replace(ANSI, '');
    if (line.length === 0) return;
    if (line.includes('Summary') && SUMMARY_TITLE.test(line)) {
      this.closeBlock(lineNo);
      this.summaryLine = lineNo;
      return;
    }
    const group = groupLine(line);
    if (group) {
      this.closeBlock(lineNo);
      this.block = { group, line: lineNo };
      return;
    }
    const labels = line.includes('calls') ? tableHeader(line) : undefined;
    if (labels) return this.openTable(labels, lineNo);
    const t = this.table;
    if (t?.state === 'units') {
      const units = unitsLine(line);
      if (units) return this.setUnits(t, units, lineNo);
      if (isRuleLine(line, '-')) return this.startRows(t, line, lineNo);
      // A hand-typed table without the rule: its rows still count.
      t.state = 'rows';
      if (this.row(t, line, lineNo)) return this.warnings.add(lineNo, 'syscall rows without the dashes rule under the header');
      t.state = 'units';
    }
    if (t?.state === 'rows') {
      const errno = line.includes(': ') ? errnoLine(line) : undefined;
      if (errno) {
        if (!t.builder.addErrno(errno.errno, errno.count, lineNo)) this.warnings.add(lineNo, 'errno line before any syscall row');
        return;
      }
      if (this.row(t, line, lineNo)) return;
    }
    if (isTraceEventLine(line)) {
      this.toolLines++;
      return;
    }
    const expected = t ? `a syscall row (${t.labels.join(' ')})` : 'a perf trace summary line';
    this.unrecognized(line, lineNo, `expected ${expected}, got: `);
  }

  private openTable(labels: string[], lineNo: number): void {
    if (this.table) this.finishTable();
    const block = this.block;
    if (!block) this.warnings.add(lineNo, 'syscall table without a thread line (` comm (tid), N events, P%`) before it');
    const g = block?.group;
    const ids = labels.map((l) => TRACE_COLUMNS[l]);
    const scale: OpenTable['scale'] = {};
    for (const id of ids) if (TIME_IDS.includes(id)) scale[id] = UNIT_SCALE['(msec)'];
    const meta = { title: g?.title ?? `table ${this.groups.length + 1}`, scope: g?.scope ?? 'thread', header: g?.header ?? {}, line: block?.line ?? lineNo, ...(g?.bpf ? { bpf: true } : {}) };
    const builder = new SyscallGroupBuilder(meta, ids, { time: 1, avg: 1, avgTruncated: false });
    builder.endLine = lineNo;
    this.table = { labels, ids, slots: ids.map((id) => builder.slot(id)), scale, builder, state: 'units' };
    this.block = undefined;
  }

  /** `(msec) (msec) (msec) (msec) (%)`: one unit per time column, in order. */
  private setUnits(t: OpenTable, units: string[], lineNo: number): void {
    const timeIds = t.ids.filter((id) => TIME_IDS.includes(id));
    const timeUnits = units.filter((u) => u !== '(%)');
    if (timeUnits.length !== timeIds.length) {
      this.warnings.add(lineNo, `${timeUnits.length} time units for ${timeIds.length} time columns; reading the times as msec`);
      return;
    }
    timeIds.forEach((id, i) => (t.scale[id] = UNIT_SCALE[timeUnits[i]]));
  }

  private startRows(t: OpenTable, rule: string, lineNo: number): void {
    const runs = ruleSpans(rule, '-').length;
    if (runs !== t.labels.length) this.warnings.add(lineNo, `the rule has ${runs} columns, the header ${t.labels.length}`);
    t.state = 'rows';
  }

  /** Field offsets of the row being read, reused from row to row. */
  private bounds: Int32Array = new Int32Array(32);

  /** Reads a row; false when the line is not row-shaped (a name, then numbers). */
  private row(t: OpenTable, line: string, lineNo: number): boolean {
    const { bounds, count: n } = fieldBounds(line, this.bounds);
    this.bounds = bounds;
    if (n < 2 || decimalIn(line, bounds[0], bounds[1]) !== undefined) return false;
    const cells = t.builder.emptyCells();
    let bad: string[] | undefined;
    for (let i = 1; i < n; i++) {
      const start = bounds[2 * i];
      const end = bounds[2 * i + 1];
      const percent = line.charCodeAt(end - 1) === 37;
      const numberEnd = percent ? end - 1 : end;
      // perf prints %9.3f with the locale's decimal point and never groups thousands: `11,277` is 11.277.
      const v = line.lastIndexOf(',', numberEnd - 1) >= start ? decimalCommaNumber(line.slice(start, numberEnd)) : decimalIn(line, start, numberEnd);
      // Text without digits is not a damaged number: the line is something else.
      if (v === undefined && !/\d/.test(line.slice(start, end))) return false;
      if (i >= t.ids.length) continue;
      const id = t.ids[i];
      const ok = v !== undefined && v >= 0 && (id === 'stddev' || !percent) && ((id !== 'calls' && id !== 'errors') || Number.isInteger(v));
      if (!ok || v === undefined) (bad ??= []).push(`${t.labels[i]} '${line.slice(start, end)}'`);
      else {
        const scale = t.scale[id];
        cells[t.slots[i]] = scale !== undefined ? toMicroseconds(v, scale) : v;
      }
    }
    if (n > t.labels.length) {
      this.unrecognized(line, lineNo, `${n} fields for ${t.labels.length} columns (${t.labels.join(' ')}): `);
      return true;
    }
    cells[t.slots[0]] = line.slice(bounds[0], bounds[1]);
    if (n < t.labels.length) this.warnings.add(lineNo, `row has ${n} of ${t.labels.length} columns (${t.labels.join(' ')}); the missing ones are left blank`);
    if (bad) this.warnings.add(lineNo, `not a number: ${bad.join(', ')} (left blank)`);
    t.builder.addCells(cells, lineNo);
    this.records++;
    return true;
  }

  private finishTable(): void {
    const t = this.table;
    if (!t) return;
    if (t.state === 'units') this.warnings.add(t.builder.endLine, 'syscall table header without its dashes rule');
    if (t.builder.rowCount === 0) this.warnings.add(t.builder.endLine, 'syscall table without rows');
    this.groups.push(t.builder.finish(this.warnings));
    this.table = undefined;
  }

  /** Ends the current block: its table, or warns about a block line with no table. */
  private closeBlock(lineNo: number): void {
    this.finishTable();
    if (this.block) this.warnings.add(this.block.line, `'${this.block.group.title}' has no syscall table before line ${lineNo}`);
    this.block = undefined;
  }

  protected override finish(): void {
    this.finishTable();
    if (this.block) this.warnings.add(this.block.line, `'${this.block.group.title}' has no syscall table (the input ends)`);
    if (this.summaryLine > 0 && this.groups.length === 0) this.warnings.add(this.summaryLine, 'empty summary: no syscall table after it');
  }

  toModel(source: string): SyscallSummary {
    return { ...this.envelope('perf-trace-summary', source), format: 'perf-trace-summary', kind: 'syscalls', tool: 'perf-trace', timeUnit: 'us', groups: this.groups, toolLines: this.toolLines };
  }
}

export function parsePerfTraceSummary(text: string, source = '<text>'): SyscallSummary {
  return parseWholeText(new PerfTraceSummaryParser(), text, source);
}
