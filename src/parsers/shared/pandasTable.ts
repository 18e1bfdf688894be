/**
 * Whitespace-aligned tables as pandas prints DataFrames (an index column, right-aligned cells,
 * `4.326659e+12`, wide frames wrapped into column chunks whose header ends in `\`, `...` for elided
 * rows, a `[N rows x M columns]` footer) and as bcc prints its count tables (`FUNC   COUNT`,
 * `SYSCALL  COUNT  TIME (us)`, no index). Read line by line; the caller turns labels and text cells
 * into a typed table. Keys with spaces (`[unknown: 321]`) are kept whole.
 */
import type { WarningLog } from '../../model/diagnostics';
import { parseNumber } from './columns';

export interface AlignedHeader {
  labels: string[];
  /** The header ends with `\`: pandas wrapped the frame, more column chunks follow. */
  continued: boolean;
  /** The header starts with white space (pandas leaves the index column's header blank). */
  indented: boolean;
}

export interface AlignedRow {
  line: number;
  cells: string[];
}

/** Labels separated by two or more spaces (one space inside `TIME (us)`), or undefined when the line cannot be a header. */
export function alignedHeader(line: string): AlignedHeader | undefined {
  let text = line.trimEnd();
  const continued = text.endsWith('\\') && /\s\\$/.test(text);
  if (continued) text = text.slice(0, -1).trimEnd();
  const body = text.trim();
  if (body.length === 0 || body.length > 4096) return undefined;
  const labels: string[] = [];
  for (const piece of body.split(/\s{2,}|\t+/)) {
    // `TIME (us)` is one label; `PID COMM` (single-spaced words) are two.
    if (/^[^\s()]+ \([^()\s]+\)$/.test(piece)) labels.push(piece);
    else labels.push(...piece.split(' ').filter((w) => w.length > 0));
  }
  if (labels.length < 2) return undefined;
  return { labels, continued, indented: /^\s/.test(line) };
}

/** Fields of a line with their start offsets. */
function fieldsOf(line: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], start: m.index });
  return out;
}

const NOT_FINITE = /^[-+]?(?:nan|inf|infinity)$/i;
const FOOTER = /^\[\d+ rows x \d+ columns\]$/;

function numberish(text: string): boolean {
  return parseNumber(text) !== undefined || NOT_FINITE.test(text);
}

/** Reads the rows under an aligned header, chunk by chunk for wrapped pandas frames. */
export class AlignedTableReader {
  readonly labels: string[];
  private readonly rows: AlignedRow[] = [];
  /** Row by pandas index, to join the chunks of a wrapped frame. */
  private readonly byIndex = new Map<string, AlignedRow>();
  /** Labels of the chunk being read, and where they start in `labels`. */
  private chunk: { labels: string[]; offset: number; continued: boolean };
  private hasIndex: boolean | undefined;
  /** pandas named index: `function` alone on the line under the header; the index is that column. */
  private indexIsKey = false;
  /** Waiting for the next chunk's header (after a `\` header's rows and a blank line). */
  private awaitingChunk = false;
  private lastLine: number;
  private sawElision = false;
  /** The last line was blank: only a chunk header or the footer may still belong to the table. */
  private afterBlank = false;

  constructor(
    header: AlignedHeader,
    private readonly headerLine: number,
    private readonly warnings: WarningLog,
    /** Which label is the key (text) column: extra fields of a row merge into it. */
    private readonly keyColumn: (labels: readonly string[]) => number,
  ) {
    this.labels = [...header.labels];
    this.chunk = { labels: header.labels, offset: 0, continued: header.continued };
    this.hasIndex = header.indented ? undefined : false;
    this.lastLine = headerLine;
  }

  get endLine(): number {
    return this.lastLine;
  }

  /** Feeds a line; false when the line is not part of the table (the table ended before it). */
  accept(line: string, lineNo: number): boolean {
    const trimmed = line.trim();
    if (trimmed.length === 0) {
      if (this.rows.length === 0 || this.afterBlank) return false;
      // A wrapped frame's next chunk, or pandas' `[N rows x M columns]` footer, follows a blank line.
      this.afterBlank = true;
      if (this.chunk.continued) this.awaitingChunk = true;
      return true;
    }
    if (this.afterBlank && !this.awaitingChunk) {
      if (!FOOTER.test(trimmed)) return false;
      this.lastLine = lineNo;
      return true;
    }
    this.afterBlank = false;
    if (this.awaitingChunk) {
      const h = alignedHeader(line);
      if (!h || !h.indented) return false;
      this.awaitingChunk = false;
      this.chunk = { labels: h.labels, offset: this.labels.length, continued: h.continued };
      this.labels.push(...h.labels);
      this.lastLine = lineNo;
      return true;
    }
    if (FOOTER.test(trimmed)) {
      this.lastLine = lineNo;
      return true;
    }
    const fields = fieldsOf(line);
    if (fields.every((f) => f.text === '...' || f.text === '..')) {
      if (!this.sawElision) this.warnings.add(lineNo, 'pandas elided rows here (`...`, display.max_rows): the table printed is incomplete');
      this.sawElision = true;
      this.lastLine = lineNo;
      return true;
    }
    // pandas named index: a line holding only the index name, at column 0, right under the header.
    if (this.rows.length === 0 && this.hasIndex === undefined && this.chunk.offset === 0 && fields.length === 1 && fields[0].start === 0 && !numberish(fields[0].text)) {
      this.labels.unshift(fields[0].text);
      this.chunk = { ...this.chunk, labels: this.labels.slice() };
      this.indexIsKey = true;
      this.hasIndex = false;
      this.lastLine = lineNo;
      return true;
    }
    if (this.hasIndex === undefined) this.hasIndex = fields.length > 0 && fields[0].start === 0 && fields.length >= 2;
    const withIndex = this.hasIndex === true;
    const expected = this.chunk.labels.length + (withIndex ? 1 : 0);
    if (fields.length < 2 || !fields.slice(1).some((f) => numberish(f.text))) return false;
    // `Name: value` lines after a table are metrics, not rows.
    if (/^\S[^:]*:\s/.test(line) && !this.looksLikeKeyWithColon(fields)) return false;
    // pandas' default index is 0, 1, 2 …; another index (a string) must give the row exactly its cells.
    if (withIndex && (fields[0].start !== 0 || (!/^-?\d+$/.test(fields[0].text) && fields.length !== expected))) return false;
    if (fields.length > expected + 8) return false;
    const index = withIndex ? fields[0].text : undefined;
    const values = withIndex ? fields.slice(1) : fields;
    const cells = this.cellsOf(line, values, this.chunk.labels);
    this.lastLine = lineNo;
    if (this.chunk.offset > 0) {
      const row = index !== undefined ? this.byIndex.get(index) : undefined;
      if (!row) {
        this.warnings.add(lineNo, `row '${index ?? fields[0].text}' of a wrapped pandas frame has no row with that index in the first chunk; skipped`);
        return true;
      }
      while (row.cells.length < this.chunk.offset) row.cells.push('');
      row.cells.push(...cells);
      return true;
    }
    const row = { line: lineNo, cells };
    this.rows.push(row);
    if (index !== undefined) this.byIndex.set(index, row);
    return true;
  }

  /** The rows read; a table whose input ended before every chunk was read keeps what it has. */
  end(): { labels: string[]; rows: AlignedRow[]; indexIsKey: boolean } {
    if (this.chunk.continued) this.warnings.add(this.lastLine, "pandas frame wrapped with '\\' but the next column chunk never came: the table is cut; its last columns are blank");
    return { labels: this.labels, rows: this.rows, indexIsKey: this.indexIsKey };
  }

  /** Cells for a chunk's labels: extra fields belong to the key column (names with spaces). */
  private cellsOf(line: string, values: { text: string; start: number }[], labels: readonly string[]): string[] {
    const extra = values.length - labels.length;
    if (extra <= 0) return values.map((v) => v.text);
    const key = this.keyColumn(labels);
    if (key < 0) return values.map((v) => v.text);
    const from = values[key];
    const to = values[key + extra];
    const merged = line.slice(from.start, to.start + to.text.length);
    return [...values.slice(0, key).map((v) => v.text), merged, ...values.slice(key + extra + 1).map((v) => v.text)];
  }

  /** bcc prints keys like `[unknown: 321]`: a colon inside brackets is part of the key. */
  private looksLikeKeyWithColon(fields: { text: string }[]): boolean {
    return fields[0].text.startsWith('[');
  }

  get header(): number {
    return this.headerLine;
  }
}
