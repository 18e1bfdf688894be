/**
 * RFC 4180 records from lines. A line without any double quote is a record whose fields are the
 * text between its commas (RFC 4180 gives exactly that; test/parsers/ebpfCsv.test.ts checks it
 * against csv-parse), read without a parser call: csv-parse reads ~5 MB/s here, far below what big
 * tables need. Records with quotes (quoted commas, escaped quotes, fields spanning lines) go through
 * csv-parse, batched so a quoted field is never cut (and consecutive quoted records in one call: a
 * call costs far more than a line). Memory is bounded by one batch.
 */
import { parse } from 'csv-parse/sync';
import type { WarningLog } from '../../model/diagnostics';

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

/** A quoted field open for this many lines is a stray quote, not a field. */
const MAX_OPEN_LINES = 10000;
/** Complete records with quotes are parsed together up to this many lines: each csv-parse call has a fixed cost. */
const BATCH_LINES = 512;

const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, raw: true } as const;

/** Field separators a header may use: comma (CSV), tab (TSV), semicolon (CSV written with a decimal-comma locale). */
export type Delimiter = ',' | '\t' | ';';

export class CsvRecordReader {
  private batch: string[] = [];
  /** Batch length at the end of each complete record in it. */
  private recordEnds: number[] = [];
  private batchStart = 0;
  private inQuote = false;
  private openSince = 0;
  private readonly options: typeof OPTIONS & { delimiter: Delimiter };

  /**
   * `onPlainLine` gets each non-empty line without quotes whole (its fields are the text between
   * the delimiters), `onRecord` each record csv-parse read.
   */
  constructor(
    private readonly onRecord: (r: CsvRecord) => void,
    private readonly onPlainLine: (text: string, line: number) => void,
    private readonly warnings: WarningLog,
    delimiter: Delimiter = ',',
  ) {
    this.options = { ...OPTIONS, delimiter };
  }

  line(text: string, lineNo: number): void {
    if (!this.inQuote && text.indexOf('"') < 0) {
      // Records keep their order: the quoted ones waiting before this line go first.
      this.flush();
      if (text.length > 0) this.onPlainLine(text, lineNo);
      return;
    }
    if (this.batch.length === 0) this.batchStart = lineNo;
    this.batch.push(text);
    let quotes = 0;
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) quotes++;
    if (quotes % 2 === 1) {
      this.inQuote = !this.inQuote;
      if (this.inQuote) this.openSince = lineNo;
    }
    if (this.inQuote && lineNo - this.openSince >= MAX_OPEN_LINES) {
      this.warnings.add(this.openSince, `a quoted field opened here is still open ${MAX_OPEN_LINES} lines later: a stray quote; reading these lines one by one`);
      this.flushLineByLine();
      this.inQuote = false;
      return;
    }
    if (this.inQuote) return;
    this.recordEnds.push(this.batch.length);
    if (this.batch.length >= BATCH_LINES) this.flush();
  }

  end(): void {
    if (this.inQuote) this.warnings.add(this.openSince, 'the input ends inside a quoted field opened here (a missing closing quote)');
    this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const lines = this.batch;
    const ends = this.recordEnds;
    if (ends[ends.length - 1] !== lines.length) ends.push(lines.length);
    this.batch = [];
    this.recordEnds = [];
    try {
      this.emit(lines.join('\n') + '\n', this.batchStart);
    } catch {
      // Record by record, so one bad record does not cost the others.
      let from = 0;
      for (const end of ends) {
        const record = lines.slice(from, end);
        try {
          this.emit(record.join('\n') + '\n', this.batchStart + from);
        } catch {
          this.readLineByLine(record, this.batchStart + from);
        }
        from = end;
      }
    }
  }

  /** A stray quote: the complete records before it as usual, then its lines each on its own, so the bad one is located. */
  private flushLineByLine(): void {
    const complete = this.recordEnds[this.recordEnds.length - 1] ?? 0;
    const open = this.batch.slice(complete);
    const openStart = this.batchStart + complete;
    this.batch.length = complete;
    this.flush();
    this.readLineByLine(open, openStart);
  }

  private readLineByLine(lines: string[], start: number): void {
    lines.forEach((text, i) => {
      try {
        this.emit(text + '\n', start + i);
      } catch (e) {
        this.warnings.add(start + i, `malformed CSV (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 160)}); line skipped`);
      }
    });
  }

  private emit(text: string, firstLine: number): void {
    const out = parse(text, this.options) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    for (const { record, raw, info } of out) {
      let newlines = 0;
      for (let i = raw.indexOf('\n'); i >= 0 && i < raw.length - 1; i = raw.indexOf('\n', i + 1)) newlines++;
      this.onRecord({ line: firstLine + info.lines - 1 - newlines, fields: record });
    }
  }
}

/** A CSV header label: one word, or a word and a unit in parentheses (`time (us)`), quoted or not. */
const CSV_LABEL = /^"?[A-Za-z_%][\w%/.µ-]*(?: ?\([\w/µ%]+\))?"?$/;

/**
 * The delimiter of a CSV header line: two or more labels separated by it (prose with commas is not
 * a header). Empty labels are allowed — pandas' `to_csv()` writes its index under an empty first
 * label (`,function,count`), some tools end every line with a delimiter.
 */
export function csvHeaderDelimiter(line: string): Delimiter | undefined {
  for (const d of [',', '\t', ';'] as const) {
    const labels = line.split(d).map((l) => l.trim());
    const named = labels.filter((l) => l.length > 0 && l !== '""');
    if (labels.length >= 2 && named.length >= 2 && named.every((l) => CSV_LABEL.test(l))) return d;
  }
  return undefined;
}

/** The labels of a header line with that delimiter (quotes removed; quoted delimiters are not expected in headers). */
export function csvHeaderLabels(line: string, d: Delimiter): string[] {
  return line.split(d).map((l) => l.trim().replace(/^"(.*)"$/, '$1'));
}
