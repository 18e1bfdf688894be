/**
 * RFC 4180 records from lines. A line without any double quote is a record whose fields are the
 * text between its commas (RFC 4180 gives exactly that; test/parsers/ebpfCsv.test.ts checks it
 * against csv-parse), read without a parser call: csv-parse reads ~5 MB/s here, far below what big
 * tables need. Records with quotes (quoted commas, escaped quotes, fields spanning lines) go through
 * csv-parse, batched so a quoted field is never cut. Memory is bounded by one batch.
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

const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, raw: true } as const;

/** Field separators a header may use: comma (CSV), tab (TSV), semicolon (CSV written with a decimal-comma locale). */
export type Delimiter = ',' | '\t' | ';';

export class CsvRecordReader {
  private batch: string[] = [];
  private batchStart = 0;
  private inQuote = false;
  private openSince = 0;

  /**
   * `onPlainLine` gets each non-empty line without quotes whole (its fields are the text between
   * the delimiters), `onRecord` each record csv-parse read.
   */
  constructor(
    private readonly onRecord: (r: CsvRecord) => void,
    private readonly onPlainLine: (text: string, line: number) => void,
    private readonly warnings: WarningLog,
    private readonly delimiter: Delimiter = ',',
  ) {}

  line(text: string, lineNo: number): void {
    if (this.batch.length === 0 && text.indexOf('"') < 0) {
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
    if (!this.inQuote) this.flush();
  }

  end(): void {
    if (this.inQuote) this.warnings.add(this.openSince, 'the input ends inside a quoted field opened here (a missing closing quote)');
    this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    try {
      this.emit(this.batch.join('\n') + '\n', this.batchStart);
    } catch {
      this.flushLineByLine();
      return;
    }
    this.batch = [];
  }

  /** A batch csv-parse rejected: each line on its own, so the bad one is located. */
  private flushLineByLine(): void {
    const lines = this.batch;
    const start = this.batchStart;
    this.batch = [];
    lines.forEach((text, i) => {
      try {
        this.emit(text + '\n', start + i);
      } catch (e) {
        this.warnings.add(start + i, `malformed CSV (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 160)}); line skipped`);
      }
    });
  }

  private emit(text: string, firstLine: number): void {
    const out = parse(text, { ...OPTIONS, delimiter: this.delimiter }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
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
