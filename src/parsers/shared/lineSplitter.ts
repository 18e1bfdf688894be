/**
 * Splits decoded text chunks into lines without ever holding more than one chunk plus one partial
 * line. Handles LF and CRLF. A line longer than `maxLineLength` is skipped (with a callback), so a
 * 100 MB line in a broken file cannot blow up memory.
 */
export interface LineSink {
  /** `line` has no line terminator; `lineNo` is 1-based. */
  line(line: string, lineNo: number): void;
  /** Called once per over-long line that was skipped. */
  longLine?(lineNo: number, length: number): void;
}

export const DEFAULT_MAX_LINE = 1 << 20; // 1 MiB of text: far beyond any real perf line.

export class LineSplitter {
  private carry = '';
  private started = false;
  /** Length of the over-long line being skipped, or -1 when not skipping. */
  private skipping = -1;
  lineNo = 0;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineLength = DEFAULT_MAX_LINE,
  ) {}

  push(chunk: string): void {
    let start = 0;
    // A UTF-8 byte order mark is not text: it would stick to the first comm or frame.
    if (!this.started) {
      this.started = chunk.length > 0;
      if (chunk.charCodeAt(0) === 0xfeff) start = 1;
    }
    if (this.skipping >= 0) {
      const nl = chunk.indexOf('\n');
      if (nl < 0) {
        this.skipping += chunk.length;
        return;
      }
      this.endSkip(this.skipping + nl);
      start = nl + 1;
    } else if (this.carry.length > 0) {
      const nl = chunk.indexOf('\n');
      if (nl < 0) {
        this.carry += chunk;
        if (this.carry.length > this.maxLineLength) {
          this.skipping = this.carry.length;
          this.carry = '';
        }
        return;
      }
      this.emit(this.carry + chunk.slice(0, nl));
      this.carry = '';
      start = nl + 1;
    }
    const sink = this.sink;
    const max = this.maxLineLength;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      let end = nl;
      if (end > start && chunk.charCodeAt(end - 1) === 13) end--;
      this.lineNo++;
      // The limit holds whether the line spans chunks or sits inside one, counted as the paths
      // for lines across chunks count it (a CR before the LF included), or a CRLF line of exactly
      // `max` characters would be kept in one chunk and skipped across two.
      if (nl - start > max) sink.longLine?.(this.lineNo, nl - start);
      else sink.line(chunk.slice(start, end), this.lineNo);
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.length - start;
      if (rest > this.maxLineLength) this.skipping = rest;
      else this.carry = chunk.slice(start);
    }
  }

  /** Flushes a last line that had no terminator. */
  end(): void {
    if (this.skipping >= 0) this.endSkip(this.skipping);
    else if (this.carry.length > 0) this.emit(this.carry);
    this.carry = '';
  }

  private emit(line: string): void {
    if (line.length > this.maxLineLength) {
      this.endSkip(line.length);
      return;
    }
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    this.lineNo++;
    this.sink.line(line, this.lineNo);
  }

  private endSkip(length: number): void {
    this.lineNo++;
    this.skipping = -1;
    this.sink.longLine?.(this.lineNo, length);
  }
}

/**
 * The 1-based line of the first U+FFFD (what the decoder makes of invalid UTF-8) in a chunk that
 * starts after `linesBefore` complete lines, or 0 when there is none.
 */
export function invalidUtf8Line(text: string, linesBefore: number): number {
  const bad = text.indexOf('\uFFFD');
  return bad < 0 ? 0 : linesBefore + 1 + countNewlines(text, bad);
}

/** Newlines in text[0, end): the line of a position inside a chunk. */
export function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
