/**
 * The plumbing every line-oriented parser shares: chunks in, lines out (LF or CRLF, BOM dropped,
 * over-long lines skipped with a warning), a capped warning log, the first line that did not fit,
 * and the first line with invalid UTF-8. A format only implements `line()` and `toModel()`.
 */
import { WarningLog } from '../../model/diagnostics';
import type { HeaderFacts, ReportBase } from '../../model/report';
import type { FormatId } from '../../model/format';
import type { LineText, StreamParser } from '../formatDefinition';
import type { ReportModel } from '../../model/report';
import { invalidUtf8Line, LineSplitter, type LineSink } from './lineSplitter';

export abstract class LineParser<M extends ReportModel> implements StreamParser<M>, LineSink {
  readonly warnings = new WarningLog();
  records = 0;
  firstUnrecognized: LineText | undefined;
  invalidUtf8Line = 0;
  private readonly splitter = new LineSplitter(this);

  /** For the warning about skipped over-long lines: "longer than any perf script line". */
  protected abstract readonly longLineReason: string;

  abstract line(line: string, lineNo: number): void;
  abstract toModel(source: string): M;

  get lineCount(): number {
    return this.splitter.lineNo;
  }

  push(chunk: string): void {
    if (this.invalidUtf8Line === 0) this.invalidUtf8Line = invalidUtf8Line(chunk, this.splitter.lineNo);
    this.splitter.push(chunk);
  }

  /** Ends the input; formats that must close a pending record override `finish()`. */
  end(): void {
    this.splitter.end();
    this.finish();
  }

  protected finish(): void {}

  longLine(lineNo: number, length: number): void {
    this.warnings.add(lineNo, `line of ${length} characters skipped (${this.longLineReason})`);
  }

  /** Records the line as not understood: a warning, and the error's location if nothing parses. */
  protected unrecognized(line: string, lineNo: number, message = 'unrecognized line: '): void {
    if (!this.firstUnrecognized) this.firstUnrecognized = { line: lineNo, text: line.slice(0, 200) };
    this.warnings.add(lineNo, `${message}${line.length > 120 ? line.slice(0, 120) + '…' : line}`);
  }

  /** The envelope every model carries. */
  protected envelope(format: FormatId, source: string, facts: HeaderFacts = {}): ReportBase {
    return { format, source, facts, lines: this.lineCount, warnings: this.warnings.items, droppedWarnings: this.warnings.dropped };
  }
}

/** A whole text through a streaming parser (small inputs and tests; files stream chunk by chunk). */
export function parseWholeText<M extends ReportModel>(parser: StreamParser<M>, text: string, source: string): M {
  parser.push(text);
  parser.end();
  return parser.toModel(source);
}
