/**
 * Run-metric logs: `------- <run name> Run Metrics -------` banners, each followed by `Name: value`
 * metrics, sections of indented metrics (`Per page stats:`), `Reading eBPF stats from <path>` and the
 * table pandas printed. Inside Markdown, `#` headings group the runs that follow and fences are
 * ignored; prose outside run blocks is commentary and skipped. Streaming: one line at a time.
 */
import type { EbpfTable } from '../../model/ebpfTable';
import type { DerivedMetricDefinition, Run, RunLog } from '../../model/runLog';
import { parseNumber } from '../shared/columns';
import { LineParser, parseWholeText } from '../shared/lineParser';
import { openEbpfTable, readAlignedTable } from '../shared/alignedEbpfTable';
import type { TableLineReader } from '../shared/pipeTable';
import { patternFacts, runNameFacts } from './runName';

export interface RunLogOptions {
  /**
   * A regular expression with named groups (date, kernel, variant, flows, cores, any other) that
   * reads a run's name; empty: the built-in rules (date prefix, kernel version, flowNN, NNcores).
   */
  namePattern: string;
  /** User-defined metrics, carried into the model for the views to evaluate (perflens.runLog.derivedMetrics). */
  derivedMetrics: DerivedMetricDefinition[];
}

export const RUN_LOG_DEFAULTS: RunLogOptions = { namePattern: '', derivedMetrics: [] };

const FENCE = /^\s*(?:```|~~~)/;
const READING = 'Reading eBPF stats from ';
// Anchored at the start, bounded names, no open-ended lazy group before `$`: linear on any line.
const METRIC_HEAD = /^(\s*)([A-Za-z%][^:]{0,200}):\s+/;
const SECTION = /^(\s*)([A-Za-z][^:]{0,200}):\s*$/;

/** The run name of a `------- <name> Run Metrics -------` banner (`=` rules too), without regex backtracking. */
export function runBanner(line: string): string | undefined {
  const t = line.trim();
  if (t.length < 16 || !(t.startsWith('---') || t.startsWith('==='))) return undefined;
  let a = 0;
  while (a < t.length && (t[a] === '-' || t[a] === '=')) a++;
  // The closing rule is optional (`------- name Run Metrics`); when present it follows a space.
  let b = t.length;
  while (b > a && (t[b - 1] === '-' || t[b - 1] === '=')) b--;
  const middle = t.slice(a, b);
  if (!/^\s/.test(middle) || (b < t.length && !/\s$/.test(middle))) return undefined;
  const inner = middle.trim();
  const tail = inner.slice(-' run metrics'.length);
  if (!/^\s/.test(tail) || tail.trim().toLowerCase() !== 'run metrics') return undefined;
  const name = inner.slice(0, -'run metrics'.length).trim();
  return name.length > 0 ? name : undefined;
}

/** A Markdown ATX heading's text (`## Name ##` -> `Name`). */
function heading(line: string): string | undefined {
  let i = 0;
  while (i < line.length && i < 7 && line[i] === '#') i++;
  if (i === 0 || i > 6 || (line[i] !== ' ' && line[i] !== '\t')) return undefined;
  let text = line.slice(i).trim();
  let j = text.length;
  while (j > 0 && text[j - 1] === '#') j--;
  if (j < text.length && (j === 0 || text[j - 1] === ' ' || text[j - 1] === '\t')) text = text.slice(0, j).trim();
  return text;
}

export class RunLogParser extends LineParser<RunLog> {
  protected readonly longLineReason = 'too long for a run-metric log line';
  private readonly runs: Run[] = [];
  private readonly groups: RunLog['groups'] = [];
  private group: string | undefined;
  private run: Run | undefined;
  private section: { name: string; indent: number } | undefined;
  private table: TableLineReader | undefined;
  /** The CSV path named last, until a table is printed after it. */
  private pendingPath: { path: string; line: number } | undefined;
  private readonly pattern: RegExp | undefined;
  /** A blank line was seen in the current run block. */
  private blankInRun = false;
  /** Inside a Markdown fence: `#` lines there are shell comments, not headings. */
  private inFence = false;

  private readonly derived: DerivedMetricDefinition[];

  constructor(options: RunLogOptions = RUN_LOG_DEFAULTS) {
    super();
    // Settings are user input: keep the well-formed definitions only.
    this.derived = (Array.isArray(options.derivedMetrics) ? options.derivedMetrics : []).filter(
      (d): d is DerivedMetricDefinition => typeof d?.name === 'string' && d.name.length > 0 && typeof d.expression === 'string',
    );
    if (options.namePattern) {
      try {
        this.pattern = new RegExp(options.namePattern);
      } catch (e) {
        this.warnings.add(1, `run name pattern is not a valid regular expression (${(e as Error).message}); using the built-in rules`);
      }
    }
  }

  line(line: string, lineNo: number): void {
    const banner = runBanner(line);
    if (banner !== undefined) return this.startRun(banner, lineNo);
    if (this.table) {
      if (this.table.accept(line, lineNo)) {
        // The aligned reader takes the blank line after a table (a footer may follow it).
        if (line.trim().length === 0) this.blankInRun = true;
        return;
      }
      this.closeTable();
    }
    const title = this.inFence ? undefined : heading(line);
    if (title !== undefined) {
      this.closeRun();
      this.group = title;
      this.groups.push({ name: title, line: lineNo });
      return;
    }
    if (FENCE.test(line)) {
      this.inFence = !this.inFence;
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
      this.blankInRun = true;
      return;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith(READING) && trimmed.length > READING.length) {
      this.unprintedPath(run);
      const path = trimmed.slice(READING.length).trim();
      run.csvPaths.push(path);
      this.pendingPath = { path, line: lineNo };
      run.endLine = lineNo;
      return;
    }
    const indent = line.length - line.trimStart().length;
    if (this.section && indent <= this.section.indent) this.section = undefined;
    const metric = METRIC_HEAD.exec(line);
    const rest = metric ? line.slice(metric[0].length).trim() : '';
    if (metric && rest.length > 0) return this.metric(run, metric, rest, lineNo);
    const section = SECTION.exec(line.trimEnd());
    if (section) {
      this.section = { name: section[2].trim(), indent: section[1].length };
      run.endLine = lineNo;
      return;
    }
    const table = openEbpfTable(line, lineNo, this.warnings);
    if (table) {
      this.table = table;
      return;
    }
    // After a blank line, text that is none of the above is the note's prose: the run block ended.
    if (this.blankInRun && (run.metrics.length > 0 || run.tables.length > 0)) {
      this.closeRun();
      return;
    }
    this.unrecognized(line, lineNo, "expected a 'Name: value' metric, 'Reading eBPF stats from …' or an eBPF table in this run block, got: ");
  }

  private metric(run: Run, m: RegExpExecArray, rest: string, lineNo: number): void {
    const name = m[2].trim();
    const space = rest.search(/\s/);
    const number = space < 0 ? rest : rest.slice(0, space);
    const value = parseNumber(number);
    // `99.9%` prints its unit glued to the number.
    const unit = space >= 0 ? rest.slice(space).trim() : number.endsWith('%') ? '%' : undefined;
    if (value === undefined) {
      this.warnings.add(lineNo, `metric '${name}': '${number.slice(0, 60)}' is not a number; metric skipped`);
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
    this.run = { name, ...(this.group !== undefined ? { group: this.group } : {}), facts, metrics: [], csvPaths: [], tables: [], line: lineNo, endLine: lineNo };
    this.records++;
  }

  private closeTable(): void {
    const reader = this.table;
    const run = this.run;
    this.table = undefined;
    if (!reader || !run) return;
    const t: EbpfTable | undefined = readAlignedTable(reader, this.pendingPath?.path ?? run.name, this.warnings);
    if (t) {
      run.tables.push(t);
      run.endLine = t.endLine;
      this.pendingPath = undefined;
    }
  }

  private closeRun(): void {
    this.closeTable();
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    this.section = undefined;
    this.blankInRun = false;
    if (run.metrics.length === 0) this.warnings.add(run.line, `run '${run.name}' has no metrics (expected 'Name: value' lines after its banner)`);
    this.unprintedPath(run);
    this.runs.push(run);
  }

  /** A CSV path named with no table printed after it. */
  private unprintedPath(run: Run): void {
    if (this.pendingPath) this.warnings.add(this.pendingPath.line, `run '${run.name}' names ${this.pendingPath.path} but prints no eBPF table after it`);
    this.pendingPath = undefined;
  }

  protected override finish(): void {
    this.closeRun();
  }

  toModel(source: string): RunLog {
    const log: RunLog = { ...this.envelope('run-log', source), format: 'run-log', kind: 'run-log', runs: this.runs, groups: this.groups };
    if (this.derived.length > 0) log.derivedMetrics = this.derived;
    return log;
  }
}

export function parseRunLog(text: string, source = '<text>', options: Partial<RunLogOptions> = {}): RunLog {
  return parseWholeText(new RunLogParser({ ...RUN_LOG_DEFAULTS, ...options }), text, source);
}
