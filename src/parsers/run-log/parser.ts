/**
 * Run-metric logs: `------- <run name> Run Metrics -------` banners, each followed by `Name: value`
 * metrics, sections of indented metrics (`Per page stats:`), `Reading eBPF stats from <path>` and the
 * table pandas printed. Inside Markdown, `#` headings group the runs that follow and fences are
 * ignored; prose outside run blocks is commentary and skipped. Streaming: one line at a time.
 */
import type { EbpfTable } from '../../model/ebpfTable';
import type { Run, RunLog } from '../../model/runLog';
import { parseNumber } from '../shared/columns';
import { isEbpfHeader } from '../shared/ebpfColumns';
import { LineParser } from '../shared/lineParser';
import { alignedHeader, AlignedTableReader } from '../shared/pandasTable';
import { keyColumnOf, readAlignedTable } from '../ebpf-csv/alignedTable';
import { patternFacts, runNameFacts } from './runName';

export interface RunLogOptions {
  /**
   * A regular expression with named groups (date, kernel, variant, flows, cores, any other) that
   * reads a run's name; empty: the built-in rules (date prefix, kernel version, flowNN, NNcores).
   */
  namePattern: string;
}

export const RUN_LOG_DEFAULTS: RunLogOptions = { namePattern: '' };

const BANNER = /^\s*-{3,}\s+(\S.*?)\s+Run Metrics\s+-{3,}\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(?:```|~~~)/;
const READING = /^\s*Reading eBPF stats from\s+(\S.*?)\s*$/;
const METRIC = /^(\s*)([A-Za-z%][^:]{0,200}?)\s*:\s+(\S+)(?:\s+(\S.*?))?\s*$/;
const SECTION = /^(\s*)([A-Za-z][^:]{0,200}?)\s*:\s*$/;

export class RunLogParser extends LineParser<RunLog> {
  protected readonly longLineReason = 'too long for a run-metric log line';
  private readonly runs: Run[] = [];
  private readonly groups: RunLog['groups'] = [];
  private group: string | undefined;
  private run: Run | undefined;
  private section: { name: string; indent: number } | undefined;
  private table: AlignedTableReader | undefined;
  private readonly pattern: RegExp | undefined;

  constructor(options: RunLogOptions = RUN_LOG_DEFAULTS) {
    super();
    if (options.namePattern) {
      try {
        this.pattern = new RegExp(options.namePattern);
      } catch (e) {
        this.warnings.add(1, `run name pattern is not a valid regular expression (${(e as Error).message}); using the built-in rules`);
      }
    }
  }

  line(line: string, lineNo: number): void {
    const banner = BANNER.exec(line);
    if (banner) return this.startRun(banner[1], lineNo);
    if (this.table) {
      if (this.table.accept(line, lineNo)) return;
      this.closeTable();
    }
    const heading = HEADING.exec(line);
    if (heading) {
      this.closeRun();
      this.group = heading[2];
      this.groups.push({ name: heading[2], line: lineNo });
      return;
    }
    if (FENCE.test(line)) {
      this.closeRun();
      return;
    }
    const run = this.run;
    if (!run) {
      // Markdown prose between run blocks: commentary, not data.
      if (line.trim().length > 0 && !this.firstUnrecognized) this.firstUnrecognized = { line: lineNo, text: line.slice(0, 200) };
      return;
    }
    if (line.trim().length === 0) {
      this.section = undefined;
      return;
    }
    const reading = READING.exec(line);
    if (reading) {
      run.csvPath = reading[1];
      run.endLine = lineNo;
      return;
    }
    const indent = line.length - line.trimStart().length;
    if (this.section && indent <= this.section.indent) this.section = undefined;
    const metric = METRIC.exec(line);
    if (metric) return this.metric(run, metric, lineNo);
    const section = SECTION.exec(line);
    if (section) {
      this.section = { name: section[2], indent: section[1].length };
      run.endLine = lineNo;
      return;
    }
    const header = alignedHeader(line);
    if (header && isEbpfHeader(header.labels)) {
      if (run.table) this.warnings.add(lineNo, `a second table in run '${run.name}': only the first is kept`);
      this.table = new AlignedTableReader(header, lineNo, this.warnings, keyColumnOf);
      return;
    }
    this.unrecognized(line, lineNo, "expected a 'Name: value' metric, 'Reading eBPF stats from …' or an eBPF table in this run block, got: ");
  }

  private metric(run: Run, m: RegExpExecArray, lineNo: number): void {
    const name = m[2];
    const value = parseNumber(m[3]);
    // `99.9%` prints its unit glued to the number.
    const unit = m[4] ?? (m[3].endsWith('%') ? '%' : undefined);
    if (value === undefined) {
      this.warnings.add(lineNo, `metric '${name}': '${m[3]}' is not a number; metric skipped`);
      return;
    }
    const section = this.section && m[1].length > this.section.indent ? this.section.name : undefined;
    run.metrics.push({ id: section ? `${section}/${name}` : name, name, ...(section ? { section } : {}), value, ...(unit ? { unit } : {}), line: lineNo });
    run.endLine = lineNo;
    this.records++;
  }

  private startRun(name: string, lineNo: number): void {
    this.closeRun();
    const facts = (this.pattern && patternFacts(name, this.pattern)) || runNameFacts(name);
    this.run = { name, ...(this.group !== undefined ? { group: this.group } : {}), facts, metrics: [], line: lineNo, endLine: lineNo };
    this.records++;
  }

  private closeTable(): void {
    const reader = this.table;
    const run = this.run;
    this.table = undefined;
    if (!reader || !run) return;
    const t: EbpfTable | undefined = readAlignedTable(reader, run.csvPath ?? run.name, this.warnings);
    if (t && !run.table) {
      run.table = t;
      run.endLine = t.endLine;
    }
  }

  private closeRun(): void {
    this.closeTable();
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    this.section = undefined;
    if (run.metrics.length === 0) this.warnings.add(run.line, `run '${run.name}' has no metrics (expected 'Name: value' lines after its banner)`);
    if (run.csvPath && !run.table) this.warnings.add(run.endLine, `run '${run.name}' names ${run.csvPath} but prints no eBPF table after it`);
    this.runs.push(run);
  }

  protected override finish(): void {
    this.closeRun();
  }

  toModel(source: string): RunLog {
    return { ...this.envelope('run-log', source), format: 'run-log', kind: 'run-log', runs: this.runs, groups: this.groups };
  }
}

export function parseRunLog(text: string, source = '<text>', options: Partial<RunLogOptions> = {}): RunLog {
  const p = new RunLogParser({ ...RUN_LOG_DEFAULTS, ...options });
  p.push(text);
  p.end();
  return p.toModel(source);
}
