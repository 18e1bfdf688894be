/**
 * `perf stat` output, streamed line by line: human (default, `-r N`, `-I`, `-A`, `--per-*`,
 * `--metric-only`), `-x SEP` and `-j` lines, in blocks. A block starts at a `Performance counter stats for` header, at
 * `# started on` (`-o`), or where a run pasted after another begins without its header (a
 * counter after a footer, or one the block already has). Shell prompts, the program's own output
 * and other text around the blocks are skipped, each with a located warning.
 */
import type { PerfStatModel, StatBlock, StatCounter, StatMetricGroup } from '../../model/perfStat';
import { stripAnsi } from '../shared/columns';
import { LineParser, parseWholeText } from '../shared/lineParser';
import { QuotePrefix } from '../shared/quotePrefix';
import { detectCsvSeparator, matchCsv, type CsvCounter } from './csv';
import { matchJson } from './json';
import { matchMetricOnlyHeader, matchMetricOnlyRow, type MetricOnlyHeader } from './metricOnly';
import { matchContinuation, matchCounter, matchHeader, matchMetricGroup, matchSeconds, parseMetric, type CounterLine } from './lines';

const STARTED_ON = '# started on ';
/** A row of `--table`: one run's elapsed time and its difference from the mean, then a bar of `#`. */
const RUN_TABLE_ROW = /^\s*[\d.,]+ \([+-]\s*[\d.,]+\) #*$/;
/** perf's hint after `<not counted>` counters (three indented commands follow it). */
const NMI_HINT = "Some events weren't counted. Try disabling the NMI watchdog:";

export class PerfStatParser extends LineParser<PerfStatModel> {
  private readonly blocks: StatBlock[] = [];
  private block: StatBlock | undefined;
  /** The footer was read: the next counter belongs to a new block. */
  private closed = false;
  /** Counters of the current block by time/aggregate/event: a repeat means a new run was pasted. */
  private seen = new Set<string>();
  private holder: StatCounter | StatMetricGroup | undefined;
  private startedOn: string | undefined;
  private hintLines = 0;
  /** `--metric-only`'s units line, until the values under it are read. */
  private metricHeader: { header: MetricOnlyHeader; text: string; used: boolean } | undefined;
  private readonly quote = new QuotePrefix();
  /** Inside `--table`'s `# Table of individual measurements:` (lines `  1.0025 (+0.0001) #`). */
  private inRunTable = false;
  protected readonly longLineReason = 'longer than any perf stat line';

  line(raw: string, lineNo: number): void {
    let line = stripAnsi(raw).trimEnd();
    const learnt = this.quote.learn(line, /Performance counter stats for /, true);
    if (learnt !== undefined) this.warnings.add(lineNo, `perf stat quoted by ${JSON.stringify(learnt)}: removed from the lines that start with it`);
    line = this.quote.strip(line);
    if (line.length === 0) return;
    if (this.metricHeader) {
      if (this.metricOnly(line, lineNo, false)) return;
      this.dropMetricHeader();
    }
    if (this.hintLines > 0 && /^\s/.test(line)) {
      this.hintLines--;
      return;
    }
    this.hintLines = 0;
    if (this.inRunTable && RUN_TABLE_ROW.test(line)) return;
    this.inRunTable = false;
    // ` # Table of individual measurements:` is indented; other indented `#` lines are metrics.
    if (line.startsWith('#') || /^\s+# (?:Table of|Final result)/.test(line)) return this.comment(line.trimStart(), lineNo);
    if (line.trim() === NMI_HINT) {
      this.hintLines = 3;
      return;
    }
    const header = matchHeader(line);
    if (header) {
      const b = this.newBlock(lineNo, 'human');
      b.target = header.target;
      if (header.command !== undefined) b.command = header.command;
      b.runs = header.runs;
      return;
    }
    const secs = matchSeconds(line);
    if (secs) {
      const b = this.block && (this.block.counters.length > 0 || this.block.target !== undefined) && !(secs.kind === 'elapsed' && this.block.elapsed) ? this.block : this.newBlock(lineNo, 'human');
      const { kind, ...rest } = secs;
      b[kind] = { ...rest, line: lineNo };
      b.endLine = lineNo;
      this.closed = true;
      this.holder = undefined;
      return;
    }
    if (this.block?.style === 'csv' && this.block.separator !== undefined && !this.closed) {
      if (this.csvLine(line, lineNo, this.block.separator)) return;
    }
    if (line.trimStart().startsWith('{')) {
      const json = matchJson(line);
      if (json?.kind === 'counter') return this.addCounter(csvCounterOf(json.counter, lineNo), 'json', lineNo, undefined);
      if (json && this.holder && !this.closed) {
        this.holder.metrics.push({ ...json.metric, line: lineNo });
        this.block!.endLine = lineNo;
        return;
      }
    }
    const counter = matchCounter(line);
    if (counter) return this.addCounter(counterOf(counter, lineNo), 'human', lineNo, counter.metricText);
    const cont = matchContinuation(line);
    if (cont) return this.addMetric(cont.metricText, lineNo, line);
    const sep = detectCsvSeparator(line);
    if (sep !== undefined && this.csvLine(line, lineNo, sep)) return;
    const group = matchMetricGroup(line);
    const metric = group && parseMetric(group.metricText);
    if (group && metric && metric.value !== null && this.block && !this.closed) {
      const g: StatMetricGroup = { line: lineNo, name: group.name, metrics: [{ ...metric, line: lineNo }] };
      this.block.metricGroups.push(g);
      this.block.endLine = lineNo;
      this.holder = g;
      return;
    }
    if (this.metricOnly(line, lineNo, true)) return;
    this.skip(line, lineNo);
  }

  private skip(line: string, lineNo: number): void {
    const what = /^\s*[$#%>] /.test(line) ? 'a shell prompt' : 'not perf stat output (the program’s own output?)';
    this.unrecognized(line, lineNo, `${what}, skipped; expected a perf stat counter line ('  1,234,567  cycles  #  …'): `);
  }

  /**
   * `--metric-only`: inside a block with no counters, a line of units then lines of values under
   * them (metric groups named by their aggregation, or `metric-only`). A units line that no values
   * line follows is reported as skipped then.
   */
  private metricOnly(line: string, lineNo: number, allowHeader: boolean): boolean {
    const b = this.block;
    if (!b || this.closed || b.counters.length > 0) return false;
    const header = this.metricHeader;
    const row = header && matchMetricOnlyRow(line, header.header);
    if (row && header) {
      header.used = true;
      const g: StatMetricGroup = { line: lineNo, name: row.aggregate?.id ?? 'metric-only', metrics: row.metrics.map((m) => ({ ...m, line: lineNo })) };
      if (row.time !== undefined) {
        g.time = row.time;
        if (b.intervals[b.intervals.length - 1] !== row.time) b.intervals.push(row.time);
      }
      b.metricGroups.push(g);
      b.endLine = lineNo;
      this.records++;
      return true;
    }
    const h = allowHeader ? matchMetricOnlyHeader(line, lineNo) : undefined;
    if (!h) return false;
    this.dropMetricHeader();
    this.metricHeader = { header: h, text: line, used: false };
    return true;
  }

  /** A units line no values followed: skipped after all. */
  private dropMetricHeader(): void {
    const h = this.metricHeader;
    if (h && !h.used) this.skip(h.text, h.header.line);
    this.metricHeader = undefined;
  }

  private comment(line: string, lineNo: number): void {
    if (line.startsWith(STARTED_ON)) {
      // `perf stat -o FILE`: a new run's output starts here.
      this.block = undefined;
      this.startedOn = line.slice(STARTED_ON.length).trim();
      return;
    }
    const words = line.slice(1).trim().split(/\s+/);
    if (words[0] === 'time' && words.includes('events')) {
      // `-I` column header, repeated every 25 intervals: the same block goes on.
      if (!this.block || this.closed || this.block.intervals.length === 0) this.newBlock(lineNo, 'human');
      return;
    }
    if (words[0] === 'time' && words.length > 1) {
      // `-I --metric-only`: the units line, after the time column.
      if (!this.block || this.closed || this.block.counters.length > 0) this.newBlock(lineNo, 'human');
      if (this.metricOnly(' ' + line.slice(1), lineNo, true)) return;
    }
    if (line.startsWith('# Table of individual measurements')) {
      this.inRunTable = true;
      return;
    }
    if (line.startsWith('# Final result')) return;
    this.unrecognized(line, lineNo, 'comment line skipped: ');
  }

  private csvLine(line: string, lineNo: number, sep: string): boolean {
    const csv = matchCsv(line, sep);
    if (!csv) return false;
    if (csv.kind === 'metric') {
      if (!this.holder) return false;
      this.holder.metrics.push({ ...csv.metric, line: lineNo });
      this.block!.endLine = lineNo;
      return true;
    }
    const c = csvCounterOf(csv.counter, lineNo);
    this.addCounter(c, 'csv', lineNo, undefined, sep);
    return true;
  }

  private addCounter(c: StatCounter, style: StatBlock['style'], lineNo: number, metricText: string | undefined, sep?: string): void {
    let b = this.block;
    // A run pasted after another: -I times going back, or (no -I) a counter the block already has.
    const lastTime = b?.intervals[b.intervals.length - 1];
    const key = c.time === undefined ? `${c.aggregate?.id ?? ''}\u0000${c.event}\u0000${c.cgroup ?? ''}` : undefined;
    const repeated = key !== undefined ? this.seen.has(key) : lastTime !== undefined && c.time! < lastTime;
    if (!b || this.closed || b.style !== style || (sep !== undefined && b.separator !== sep && b.counters.length > 0) || repeated) {
      // A header-only block (target printed, no counters yet) takes the counters that follow it.
      b = b && !this.closed && b.counters.length === 0 && b.style === style ? b : this.newBlock(lineNo, style);
    }
    if (b.counters.length === 0 && b.style !== style) b.style = style;
    if (sep !== undefined) b.separator = sep;
    if (key !== undefined) this.seen.add(key);
    if (metricText) {
      const m = parseMetric(metricText);
      if (m) c.metrics.push({ ...m, line: lineNo });
    }
    if (c.time !== undefined && b.intervals[b.intervals.length - 1] !== c.time) b.intervals.push(c.time);
    b.counters.push(c);
    b.endLine = lineNo;
    this.holder = c;
    this.records++;
  }

  private addMetric(metricText: string, lineNo: number, line: string): void {
    const m = parseMetric(metricText);
    if (!this.holder || !m || this.closed) {
      this.unrecognized(line, lineNo, 'a metric line with no counter before it, skipped: ');
      return;
    }
    this.holder.metrics.push({ ...m, line: lineNo });
    this.block!.endLine = lineNo;
  }

  protected override finish(): void {
    this.dropMetricHeader();
  }

  private newBlock(lineNo: number, style: StatBlock['style']): StatBlock {
    this.dropMetricHeader();
    const b: StatBlock = { line: lineNo, endLine: lineNo, runs: 1, style, counters: [], metricGroups: [], intervals: [] };
    if (this.startedOn !== undefined) b.startedOn = this.startedOn;
    this.startedOn = undefined;
    this.blocks.push(b);
    this.block = b;
    this.closed = false;
    this.seen = new Set();
    this.holder = undefined;
    return b;
  }

  toModel(source: string): PerfStatModel {
    const blocks = this.blocks.filter((b) => b.counters.length > 0 || b.elapsed || b.metricGroups.length > 0);
    return { ...this.envelope('perf-stat', source), format: 'perf-stat', kind: 'perf-stat', blocks };
  }
}

function counterOf(c: CounterLine, lineNo: number): StatCounter {
  const out: StatCounter = { line: lineNo, event: c.event, value: c.value, status: c.status, unit: c.unit, metrics: [] };
  if (c.noisePct !== undefined) out.noisePct = c.noisePct;
  if (c.runningPct !== undefined) out.runningPct = c.runningPct;
  if (c.time !== undefined) out.time = c.time;
  if (c.aggregate) out.aggregate = c.aggregate;
  if (c.cgroup !== undefined) out.cgroup = c.cgroup;
  return out;
}

function csvCounterOf(c: CsvCounter, lineNo: number): StatCounter {
  const out: StatCounter = { line: lineNo, event: c.event, value: c.value, status: c.status, unit: c.unit, runTimeNs: c.runTimeNs, runningPct: c.runningPct, metrics: [] };
  if (c.noisePct !== undefined) out.noisePct = c.noisePct;
  if (c.time !== undefined) out.time = c.time;
  if (c.aggregate) out.aggregate = c.aggregate;
  if (c.cgroup !== undefined) out.cgroup = c.cgroup;
  if (c.metric) out.metrics.push({ ...c.metric, line: lineNo });
  return out;
}

export function parsePerfStat(text: string, source = '<text>'): PerfStatModel {
  return parseWholeText(new PerfStatParser(), text, source);
}
