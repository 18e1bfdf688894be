/**
 * Reads a report from a file or stream in 1 MiB chunks and feeds the registry's parser, so a 1 GB
 * input never sits in memory. Turns unusable input into one located ParseError.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { ParseError } from '../model/diagnostics';
import type { FormatId } from '../model/format';
import type { StackProfile } from '../model/profile';
import { isStackProfile, type ReportModel } from '../model/report';
import { detectFormat } from '../parsers/detect';
import { parserFor, type ParserOptions } from '../parsers/registry';
import { invalidUtf8Line as firstInvalidUtf8Line } from '../parsers/lineSplitter';
import { collapseInParallel, PARALLEL_MIN_BYTES } from './parallelCollapse';

export const CHUNK_SIZE = 1 << 20;

export interface ParseFileOptions extends ParserOptions {
  /** Skip detection and parse as this format. */
  format?: FormatId;
  /** Called now and then with bytes read so far. */
  onProgress?(bytesRead: number): void;
  /** Checked between chunks; parsing stops with an AbortError when it fires. */
  signal?: AbortSignal;
  /** dist/collapseWorker.js: when given, large perf script files are collapsed on every core. */
  collapseWorker?: string;
}

export interface ParsedFile {
  format: FormatId;
  model: ReportModel;
  bytes: number;
}

/** The parsed file as a stack profile, or a located error for formats that have no stacks. */
export function requireStacks(parsed: ParsedFile, name: string): StackProfile {
  if (isStackProfile(parsed.model)) return parsed.model;
  throw new ParseError(name, 1, `expected perf script output or folded stacks, got ${parsed.format} output`);
}

/** `source` is a path, or a stream (stdin) with `name` for messages. */
export async function parseFile(source: string | Readable, name: string, opts: ParseFileOptions = {}): Promise<ParsedFile> {
  if (typeof source === 'string' && opts.collapseWorker) {
    const parallel = await tryParallel(source, name, opts);
    if (parallel) return parallel;
  }
  return parseSequential(source, name, opts);
}

/** Large perf script files on several threads; undefined when the file does not qualify. */
async function tryParallel(path: string, name: string, opts: ParseFileOptions): Promise<ParsedFile | undefined> {
  const size = statSync(path).size;
  if (size < PARALLEL_MIN_BYTES || availableParallelism() < 2) return undefined;
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(65536);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.subarray(0, n).toString('utf8');
  const format = opts.format ?? detectFormat(text).format;
  if (format !== 'perf-script' || text.includes('\0')) return undefined;
  let result;
  try {
    result = await collapseInParallel(path, opts.collapseWorker!, opts.collapse ?? {}, opts.onProgress);
  } catch {
    return undefined; // e.g. no event near the start: the sequential parser handles any input
  }
  const { profile } = result;
  finishModel(name, profile, result.invalidUtf8Line, result.firstUnrecognized, parserFor('perf-script')!.expected);
  return { format, model: profile, bytes: size };
}

/**
 * What both paths do at the end: note invalid UTF-8, and turn "nothing parsed, and a line did not
 * fit" into one located error.
 */
function finishModel(
  name: string,
  model: ReportModel,
  invalidUtf8Line: number,
  firstUnrecognized: { line: number; text: string } | undefined,
  expected: string,
  hint = '',
): void {
  if (invalidUtf8Line > 0) model.warnings.unshift({ line: invalidUtf8Line, message: 'invalid UTF-8 here (and maybe later); bad bytes are shown as �' });
  if (model.samples === 0 && firstUnrecognized) {
    throw new ParseError(name, firstUnrecognized.line, `expected ${expected}, got: ${firstUnrecognized.text.slice(0, 80)}${hint}`);
  }
}

async function parseSequential(source: string | Readable, name: string, opts: ParseFileOptions): Promise<ParsedFile> {
  const stream = typeof source === 'string' ? createReadStream(source, { highWaterMark: CHUNK_SIZE }) : source;
  // StringDecoder keeps multi-byte characters split across chunks intact.
  const decoder = new StringDecoder('utf8');
  let parser: ReturnType<NonNullable<ReturnType<typeof parserFor>>['create']> | undefined;
  let entry: NonNullable<ReturnType<typeof parserFor>> | undefined;
  let format = opts.format;
  let bytes = 0;
  let pending = '';
  let invalidUtf8Line = 0;
  let detectedOther = '';

  const start = (head: string): void => {
    const detected = detectFormat(head);
    if (detected.format && detected.format !== format) detectedOther = ` (this looks like ${detected.format} output: ${detected.reason})`;
    if (head.startsWith('PERFILE2') || head.slice(0, 8192).includes('\0')) throw new ParseError(name, 1, `expected a text report, got ${detected.reason}`);
    if (!format) {
      if (!detected.format) throw new ParseError(name, 1, `expected perf script output or folded stacks: ${detected.reason}`);
      format = detected.format;
    }
    entry = parserFor(format);
    if (!entry) {
      throw new ParseError(name, 1, `expected perf script output or folded stacks, but this is ${format} output (${detected.reason}), which PerfLens does not read yet; for a flame graph run \`perf script > out.txt\``);
    }
    parser = entry.create(opts);
  };

  try {
    for await (const buf of stream as AsyncIterable<Buffer | string>) {
      if (opts.signal?.aborted) throw abortError();
      // Object-mode streams (an editor's unsaved text) give strings; files and stdin give bytes.
      const text = typeof buf === 'string' ? buf : decoder.write(buf);
      bytes += buf.length;
      if (!parser) {
        // Detect on the first 64 KiB so a short first chunk from a pipe cannot mislead us.
        pending += text;
        if (pending.length < 65536) continue;
        start(pending);
        feed(pending);
        pending = '';
      } else feed(text);
      opts.onProgress?.(bytes);
    }
    const tail = decoder.end();
    if (!parser) {
      pending += tail;
      if (pending.length === 0 && !opts.format) throw new ParseError(name, 1, 'expected perf script output or folded stacks, got an empty file');
      start(pending);
      feed(pending);
    } else feed(tail);
  } finally {
    if (typeof source === 'string') stream.destroy();
  }
  parser!.end();
  const model = parser!.toModel();
  finishModel(name, model, invalidUtf8Line, parser!.firstUnrecognized, entry!.expected, detectedOther);
  return { format: format!, model, bytes };

  function feed(text: string): void {
    if (text.length === 0) return;
    if (invalidUtf8Line === 0) invalidUtf8Line = firstInvalidUtf8Line(text, parser!.lineCount);
    parser!.push(text);
  }
}


function abortError(): Error {
  const e = new Error('parsing cancelled');
  e.name = 'AbortError';
  return e;
}
