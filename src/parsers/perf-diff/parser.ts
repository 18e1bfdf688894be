/**
 * `perf diff` output, streamed line by line: `# Event 'X'` sections, the optional `# Data files:`
 * list, a column header whose dotted underline gives the widths (or a `-t SEP` header), then rows
 * cut by those widths, so blank cells (an entry missing from a file) stay in their column.
 * Headerless `-q` rows are read by the shape of their cells, with a warning.
 */
import type { PerfDiffModel, PerfDiffSection } from '../../model/perfDiff';
import type { TableCell } from '../../model/table';
import { cutBySpans, isRuleLine, parseNumber, ruleSpans, splitSymbolMarker, stripAnsi, type Span } from '../shared/columns';
import { LineParser, parseWholeText } from '../shared/lineParser';
import { QuotePrefix } from '../shared/quotePrefix';
import { diffCellReaders, isDiffNumericTitle, type DiffCellReader } from './columns';

const EVENT = /^# Event '(.*)'$/;
/** Where a perf diff starts, to learn a mail quote or indentation in front of it. */
const HEADER_START = /# (?:Event '|Baseline|Data files:)/;
const DATA_FILE = /^#\s+\[(\d+)\] (.*)$/;
/** `-q` rows: optional baseline %, a signed delta %, the DSO, `[x] symbol`. */
const QUIET_ROW = /^\s+(?:(\d+\.\d+)%\s+)?([+-]\d+\.\d+)%\s+(\S+)\s+(\[[^\]]\] .*)$/;
const QUIET_BASELINE_ONLY = /^\s+(\d+\.\d+)%\s+(\S+)\s+(\[[^\]]\] .*)$/;
/** Longer lines are not tried against the `-q` patterns (not linear-time on adversarial text). */
const MAX_QUIET_LINE = 4096;

interface Layout {
  readers: DiffCellReader[];
  /** Column widths from the dotted rule; undefined with a `-t` separator. */
  spans?: Span[];
  separator?: string;
  /** `-q`: no header; cells read by their shapes. */
  quiet?: boolean;
}

export class PerfDiffParser extends LineParser<PerfDiffModel> {
  private readonly sections: PerfDiffSection[] = [];
  private section: PerfDiffSection | undefined;
  private layout: Layout | undefined;
  /** The last `# …` line: the column titles when a dotted rule follows. */
  private titleLine: string | undefined;
  private inDataFiles = false;
  private readonly quote = new QuotePrefix();
  protected readonly longLineReason = 'longer than any perf diff row';

  line(raw: string, lineNo: number): void {
    let line = stripAnsi(raw).trimEnd();
    const learnt = this.quote.learn(line, HEADER_START);
    if (learnt !== undefined) this.warnings.add(lineNo, `perf diff quoted or indented by ${JSON.stringify(learnt)}: removed from the lines that start with it`);
    line = this.quote.strip(line);
    if (line.length === 0) {
      this.inDataFiles = false;
      return;
    }
    if (line[0] === '#') return this.comment(line, lineNo);
    if (this.layout) return this.row(line, lineNo);
    if (this.titleLine !== undefined && this.columnsFromTitles(this.titleLine, lineNo)) return this.row(line, lineNo);
    if (this.quietRow(line, lineNo)) return;
    this.unrecognized(line, lineNo, 'expected a perf diff header (`# Event`, `# Baseline …`) before rows, got: ');
  }

  private comment(line: string, lineNo: number): void {
    const event = EVENT.exec(line);
    if (event) {
      this.startSection(event[1], lineNo);
      return;
    }
    if (line === '# Data files:') {
      this.inDataFiles = true;
      this.sectionFor(lineNo);
      return;
    }
    if (this.inDataFiles) {
      const f = DATA_FILE.exec(line);
      if (f && f[1].length <= 9) {
        let path = f[2].trimEnd();
        const baseline = path.endsWith(' (Baseline)') || path === '(Baseline)';
        if (baseline) path = path.slice(0, -'(Baseline)'.length).trimEnd();
        this.sectionFor(lineNo).files.push({ index: Number(f[1]), path, baseline });
        return;
      }
      this.inDataFiles = false;
    }
    if (line === '#') return;
    if (this.titleLine !== undefined && isRuleLine(line, '.')) {
      this.columnsFromRule(this.titleLine, line, lineNo);
      this.titleLine = undefined;
      return;
    }
    const sep = separatorOf(line);
    if (sep !== undefined) {
      this.startTable(lineNo, { readers: diffCellReaders(line.slice(2).split(sep)), separator: sep });
      return;
    }
    this.titleLine = line;
  }

  private columnsFromRule(titles: string, rule: string, lineNo: number): void {
    const spans = ruleSpans(rule, '.');
    // The `#` of the title line sits where rows have their first padding space.
    const cells = cutBySpans(' ' + titles.slice(1), spans);
    if (!cells.some(isDiffNumericTitle)) this.warnings.add(lineNo, `no perf diff column (Baseline, Delta, Ratio …) in the header '${titles.slice(0, 120)}'; rows read as text`);
    this.startTable(lineNo, { readers: diffCellReaders(cells), spans });
  }

  /**
   * A title line with no dotted rule under it (a trimmed paste): numeric titles are right-aligned
   * over their cells, so each title's end is its column's end; text cells overflow to the next space.
   */
  private columnsFromTitles(titles: string, lineNo: number): boolean {
    const spans = titleSpans(' ' + titles.slice(1));
    const cells = spans.map((sp) => titles.slice(sp.start, sp.end));
    if (!cells.some(isDiffNumericTitle)) return false;
    this.warnings.add(lineNo, 'no dotted rule under the perf diff column header: column widths taken from the titles');
    this.titleLine = undefined;
    this.startTable(lineNo, { readers: diffCellReaders(cells), spans });
    return true;
  }

  private startTable(lineNo: number, layout: Layout): void {
    const section = this.sectionFor(lineNo);
    if (section.table.columns.length > 0) {
      // A second header in one section (two tables pasted without `# Event`): a new section.
      this.startSection(section.event, lineNo);
    }
    const s = this.section!;
    s.table.columns = layout.readers.flatMap((r) => r.columns);
    s.columnInfo = layout.readers.flatMap((r) => r.info);
    s.table.keys = s.table.columns.filter((_, i) => s.columnInfo[i].role === 'key').map((c) => c.id);
    if (layout.separator !== undefined) s.separator = layout.separator;
    this.layout = layout;
  }

  private startSection(event: string | undefined, lineNo: number): PerfDiffSection {
    const section: PerfDiffSection = { event, line: lineNo, files: [], table: { title: event ?? 'perf diff', columns: [], keys: [], rows: [] }, columnInfo: [] };
    this.sections.push(section);
    this.section = section;
    this.layout = undefined;
    this.titleLine = undefined;
    this.inDataFiles = false;
    return section;
  }

  private sectionFor(lineNo: number): PerfDiffSection {
    return this.section ?? this.startSection(undefined, lineNo);
  }

  private row(line: string, lineNo: number): void {
    const layout = this.layout!;
    if (layout.quiet) {
      if (!this.quietRow(line, lineNo)) this.badRow(line, lineNo);
      return;
    }
    const texts = layout.spans ? cutBySpans(line, layout.spans) : splitBy(line, layout.separator!, layout.readers.length);
    const cells: TableCell[] = [];
    for (let i = 0; i < layout.readers.length; i++) {
      const read = layout.readers[i].read((texts[i] ?? '').trim());
      if (!read) return this.badRow(line, lineNo, layout.readers[i].title);
      cells.push(...read);
    }
    // A row names what it is about: its last column (the symbol, usually) is never blank.
    if (cells[cells.length - 1] === null) return this.badRow(line, lineNo);
    this.section!.table.rows.push({ line: lineNo, cells });
    this.records++;
  }

  private badRow(line: string, lineNo: number, column?: string): void {
    const titles = this.layout!.readers.map((r) => r.title).join(', ');
    const what = column ? `its '${column}' cell is not valid` : 'a row needs every column';
    this.unrecognized(line, lineNo, `expected a perf diff row (${titles}); ${what}: `);
  }

  /** `perf diff -q` rows (no header): read by the shapes of their cells. */
  private quietRow(line: string, lineNo: number): boolean {
    if (line.length > MAX_QUIET_LINE) return false;
    const m = QUIET_ROW.exec(line);
    const b = m ? undefined : QUIET_BASELINE_ONLY.exec(line);
    if (!m && !b) return false;
    const baselineText = m ? m[1] : b![1];
    const baseline = baselineText === undefined ? null : parseNumber(baselineText);
    const delta = m ? parseNumber(m[2]) : null;
    // Digits beyond a double's range are no share: not a row.
    if (baseline === undefined || delta === undefined) return false;
    if (!this.layout) {
      this.warnings.add(lineNo, 'perf diff rows without a column header (perf diff -q?): columns taken as Baseline, Delta, Shared Object, Symbol from the shapes of the cells');
      this.startTable(lineNo, { readers: diffCellReaders(['Baseline', 'Delta', 'Shared Object', 'Symbol']), quiet: true });
    }
    const dso = m ? m[3] : b![2];
    const { level, name } = splitSymbolMarker(m ? m[4] : b![3]);
    this.section!.table.rows.push({ line: lineNo, cells: [baseline, delta, dso, level ?? null, name] });
    this.records++;
    return true;
  }

  toModel(source: string): PerfDiffModel {
    return { ...this.envelope('perf-diff', source), format: 'perf-diff', kind: 'perf-diff', sections: this.sections.filter((s) => s.table.columns.length > 0 || s.files.length > 0) };
  }
}

/**
 * The separator of a `perf diff -t SEP` header (`# Baseline,Delta Abs,Shared Object ,Symbol`):
 * the first character after the first title that is no letter, space or `/digits`.
 */
function separatorOf(line: string): string | undefined {
  const m = /^# (Baseline(?:\/\d+)?)(.)/.exec(line);
  if (!m || m[2] === ' ') return undefined;
  return m[2];
}

/** Titles separated by two or more spaces (single spaces are inside titles: `Delta Abs`). */
function titleSpans(line: string): Span[] {
  const spans: Span[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** Splits a `-t` row into `n` cells; separators inside the last cell (a symbol) stay in it. */
function splitBy(line: string, sep: string, n: number): string[] {
  const parts = line.split(sep);
  if (parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

export function parsePerfDiff(text: string, source = '<text>'): PerfDiffModel {
  return parseWholeText(new PerfDiffParser(), text, source);
}
