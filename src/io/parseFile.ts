/**
 * Reads a report from a file or stream in 1 MiB chunks and feeds the parser its format definition
 * names, so a 1 GB input never sits in memory; large files of formats that can be split are parsed
 * on every core. Turns unusable input into one located ParseError.
 */
import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { ParseError } from '../model/diagnostics';
import type { FormatId, ViewKind } from '../model/format';
import { isStackProfile, type ReportModel } from '../model/report';
import type { StackProfile } from '../model/profile';
import { isPerfReport, perfReportStackProfile } from '../model/perfReport';
import type { FormatDefinition, LineText, StreamParser } from '../parsers/formatDefinition';
import { binaryReason, detectFormat } from '../parsers/detect';
import { describeFormats, formatById, formatsWithView, readableFormats } from '../parsers/formats';
import { CHUNK_SIZE, ChunkDecoder, readFileHead, utf16Encoding } from './decode';
import { parseInParallel, PARALLEL_MIN_BYTES } from './parallelParse';

/** Detection reads this much before choosing a parser, so a short first chunk from a pipe cannot mislead it. */
const DETECT_CHARS = 65536;

export interface ParseFileOptions {
  /** Skip detection and parse as this format. */
  format?: FormatId;
  /** Options for each format's parser (perf script's collapse options under 'perf-script'). */
  parserOptions?: Partial<Record<FormatId, unknown>>;
  /** Called now and then with bytes read so far. */
  onProgress?(bytesRead: number): void;
  /** Checked between chunks; parsing stops with an AbortError when it fires. */
  signal?: AbortSignal;
  /** dist/rangeWorker.js: when given, large files of splittable formats are parsed on every core. */
  rangeWorker?: string;
}

export interface ParsedFile {
  format: FormatId;
  model: ReportModel;
  bytes: number;
}

/** The stack profile a flame graph or a collapse needs, or a located error naming the formats that have one. */
export function requireStackProfile(parsed: ParsedFile, name: string): StackProfile {
  const model = requireView(parsed, name, 'flameGraph');
  if (isStackProfile(model)) return model;
  // A perf report: the call tree rebuilt from its call graphs.
  const profile = isPerfReport(model) ? perfReportStackProfile(model) : undefined;
  if (!profile) throw new ParseError(name, 1, `expected stack samples or a perf report with call graphs (perf report -g), got ${parsed.format}${isPerfReport(model) ? ' without call graphs' : ''}`);
  return profile;
}

/** The parsed model when its format feeds `view`; a located error naming what the view reads otherwise. */
export function requireView(parsed: ParsedFile, name: string, view: ViewKind): ReportModel {
  const def = formatById(parsed.format);
  if (def?.views.includes(view)) return parsed.model;
  throw new ParseError(name, 1, `expected ${describeFormats(formatsWithView(view))}, got ${def?.displayName ?? parsed.format}`);
}

/** `source` is a path, or a stream (stdin) with `name` for messages. */
export async function parseFile(source: string | Readable, name: string, opts: ParseFileOptions = {}): Promise<ParsedFile> {
  if (typeof source === 'string' && opts.rangeWorker) {
    const parallel = await tryParallel(source, name, opts);
    if (parallel) return parallel;
  }
  return parseSequential(source, name, opts);
}

/** Large files on several threads; undefined when the file or its format does not qualify. */
async function tryParallel(path: string, name: string, opts: ParseFileOptions): Promise<ParsedFile | undefined> {
  const size = statSync(path).size;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a small file parsed in ranges gives the same model (tested), only slower
  if (size < PARALLEL_MIN_BYTES || availableParallelism() < 2) return undefined;
  const head = readFileHead(path, DETECT_CHARS);
  if (utf16Encoding(head)) return undefined;
  const text = head.toString('utf8');
  if (binaryReason(text)) return undefined;
  const def = formatById(opts.format ?? detectFormat(text).format ?? '');
  if (!def?.parser || !def.parallel) return undefined;
  let outcome;
  try {
    outcome = await parseInParallel(def, path, name, opts.rangeWorker!, optionsFor(def, opts), opts.onProgress);
  } catch {
    return undefined; // a range failed (e.g. its heap limit): the sequential parser handles any input
  }
  if (!outcome) return undefined;
  finishModel(name, outcome.model, outcome.records, outcome.invalidUtf8Line, outcome.firstUnrecognized, def, '');
  return { format: def.id, model: outcome.model, bytes: size };
}

function optionsFor(def: FormatDefinition, opts: ParseFileOptions): unknown {
  return opts.parserOptions?.[def.id] ?? {};
}

/**
 * What both paths do at the end: note invalid UTF-8, and turn "nothing parsed, and a line did not
 * fit" into one located error.
 */
function finishModel(
  name: string,
  model: ReportModel,
  records: number,
  invalidUtf8Line: number,
  firstUnrecognized: LineText | undefined,
  def: FormatDefinition,
  hint: string,
): void {
  if (invalidUtf8Line > 0) model.warnings.unshift({ line: invalidUtf8Line, message: 'invalid UTF-8 here (and maybe later); bad bytes are shown as �' });
  if (records === 0 && firstUnrecognized) {
    throw new ParseError(name, firstUnrecognized.line, `expected ${def.expected}, got: ${firstUnrecognized.text.slice(0, 80)}${hint}`);
  }
}

/**
 * A file's bytes, a chunk at a time, read into two buffers that take turns: a stream allocates a new
 * buffer per chunk, which piles up (tens of MiB) before the garbage collector frees it. The next
 * chunk is read while the caller parses this one (awaiting each read in turn left the parse idle
 * ~7% of the time). Each chunk is only valid until the next one is asked for (the decoder copies it).
 */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(CHUNK_SIZE), Buffer.allocUnsafe(CHUNK_SIZE)];
  // One read in flight at a time, from the current offset (so a named pipe works too).
  const readInto = (buf: Buffer): Promise<{ bytesRead: number; buffer: Buffer }> => file.read(buf, 0, buf.length, null);
  let next = readInto(buffers[0]);
  try {
    for (let turn = 1; ; turn ^= 1) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) return;
      next = readInto(buffers[turn]);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    // Stopped early (a parse error, cancelling): the read ahead is dropped; close waits for it.
    next.catch(() => undefined);
    await file.close();
  }
}

async function parseSequential(source: string | Readable, name: string, opts: ParseFileOptions): Promise<ParsedFile> {
  const stream: AsyncIterable<Buffer | string> = typeof source === 'string' ? fileChunks(source) : source;
  const decoder = new ChunkDecoder();
  let parser: StreamParser | undefined;
  let def: FormatDefinition | undefined;
  let bytes = 0;
  let pending = '';
  let hint = '';

  const start = (head: string): void => {
    const binary = binaryReason(head);
    if (binary) throw new ParseError(name, 1, `expected a text report, got ${binary}`);
    const detected = detectFormat(head);
    if (opts.format) {
      def = formatById(opts.format);
      if (detected.format && detected.format !== opts.format) hint = ` (this looks like ${formatById(detected.format)?.displayName}: ${detected.reason})`;
    } else {
      if (head.trim().length === 0) throw new ParseError(name, 1, `expected ${describeFormats(readableFormats())}, got an empty file`);
      if (!detected.format) throw new ParseError(name, 1, `expected ${describeFormats(readableFormats())}: ${detected.reason}`);
      def = formatById(detected.format);
    }
    if (!def?.parser) {
      throw new ParseError(
        name,
        1,
        `expected ${describeFormats(readableFormats())}, but this is ${def?.displayName ?? opts.format} (${detected.reason}), which PerfLens does not read yet`,
      );
    }
    parser = def.parser.create(optionsFor(def, opts) as never);
  };

  try {
    for await (const buf of stream) {
      if (opts.signal?.aborted) throw abortError();
      // Object-mode streams (an editor's unsaved text) give strings; files and stdin give bytes.
      const text = typeof buf === 'string' ? buf : decoder.write(buf);
      bytes += buf.length;
      if (!parser) {
        pending += text;
        // One character more than the head, so detection knows its last line may go on (a chunk
        // of exactly 64 KiB, as pipes give, must not make a cut line look complete).
        if (pending.length <= DETECT_CHARS) continue;
        start(pending);
        parser!.push(pending);
        // Stryker disable next-line StringLiteral: never read once the parser exists (kept empty so the head is not held)
        pending = '';
        // Stryker disable next-line ConditionalExpression,EqualityOperator: pushing '' is a no-op
      } else if (text.length > 0) parser.push(text);
      opts.onProgress?.(bytes);
    }
    const tail = decoder.end();
    if (!parser) {
      start(pending + tail);
      parser!.push(pending + tail);
    } else if (tail.length > 0) parser.push(tail);
  } finally {
    // An early exit (a parse error, cancelling) closes the file (the generator's finally).
    if (typeof source === 'string') await (stream as AsyncGenerator<Buffer>).return(undefined);
  }
  const p = parser!;
  p.end();
  const model = p.toModel(name);
  finishModel(name, model, p.records, p.invalidUtf8Line, p.firstUnrecognized, def!, hint);
  return { format: def!.id, model, bytes };
}

function abortError(): Error {
  const e = new Error('parsing cancelled');
  e.name = 'AbortError';
  return e;
}
