/**
 * Parses one input the way the property tests ask (through parseFile with Buffers or strings cut
 * anywhere, or straight into the format's StreamParser) and checks what must hold whatever the
 * input: a model whose envelope is sound, or our own located ParseError, nothing else. Runs inside
 * a worker thread (parseWorker.ts) so that a hang can be stopped; pure otherwise.
 */
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { parseFile } from '../../src/io/parseFile';
import { ParseError } from '../../src/model/diagnostics';
import type { FormatId } from '../../src/model/format';
import { isStackProfile, type ReportModel } from '../../src/model/report';
import { isPerfReport } from '../../src/model/perfReport';
import { checkTable } from '../../src/model/table';
import { foldedStacks } from '../../src/analysis/folded';
import { reportModelJson } from '../../src/analysis/modelJson';
import { formatById } from '../../src/parsers/formats';

export type Feed =
  /** parseFile with a Readable of Buffers cut at `cuts` (byte offsets): files, stdin, pipes. */
  | 'bytes'
  /** parseFile with an object-mode Readable of strings cut at `cuts` (UTF-16 offsets): an editor's text. */
  | 'strings'
  /** The format's StreamParser itself: push() at `cuts`, end(), toModel(). */
  | 'push';

export interface RunRequest {
  id: number;
  /** The format under test; with `detect`, parseFile detects one itself. */
  format: FormatId;
  detect: boolean;
  /** Parser options (parserOptions[format]). */
  options: Record<string, unknown>;
  feed: Feed;
  /** Bytes for the `bytes` feed, text for the others. */
  bytes?: Uint8Array;
  text?: string;
  /** Chunk boundaries, ascending, inside (0, length). */
  cuts: number[];
  /** Send the model's JSON back (for comparisons). */
  wantModel: boolean;
}

export type ModelJson = Record<string, unknown>;

export type RunOutcome =
  | { kind: 'model'; format: FormatId; json?: ModelJson; violations: string[] }
  | { kind: 'parse-error'; line: number; message: string; violations: string[] }
  /** Anything thrown that is not our located ParseError. */
  | { kind: 'crash'; error: string };

export interface RunReply {
  id: number;
  /** Time spent parsing, in the worker. */
  ms: number;
  outcome: RunOutcome;
}

export const INPUT_NAME = 'fuzz-input.txt';

export async function runOne(req: RunRequest): Promise<RunReply> {
  const t0 = performance.now();
  let outcome: RunOutcome;
  try {
    outcome = await parseAndCheck(req);
  } catch (e) {
    outcome = thrown(e, req);
  }
  return { id: req.id, ms: performance.now() - t0, outcome };
}

function chunks<T extends Uint8Array | string>(whole: T, cuts: number[]): T[] {
  const out: T[] = [];
  let at = 0;
  for (const c of cuts) {
    if (c <= at || c >= whole.length) continue;
    out.push(whole.slice(at, c) as T);
    at = c;
  }
  out.push(whole.slice(at) as T);
  return out;
}

async function parseAndCheck(req: RunRequest): Promise<RunOutcome> {
  const text = req.feed === 'bytes' ? decodeLikeAFile(Buffer.from(req.bytes!)) : req.text!;
  if (req.feed === 'push') {
    const def = formatById(req.format);
    if (!def?.parser) throw new Error(`no parser for ${req.format}`);
    const parser = def.parser.create(req.options as never);
    for (const c of chunks(text, req.cuts)) parser.push(c);
    parser.end();
    const model = parser.toModel(INPUT_NAME);
    const violations = modelViolations(model, req.format, text);
    if (parser.records < 0 || !Number.isInteger(parser.records)) violations.push(`records ${parser.records}`);
    if (parser.firstUnrecognized && !(parser.firstUnrecognized.line >= 1 && parser.firstUnrecognized.line <= model.lines)) {
      violations.push(`firstUnrecognized at line ${parser.firstUnrecognized.line} of ${model.lines}`);
    }
    return { kind: 'model', format: req.format, json: req.wantModel ? comparable(model) : undefined, violations };
  }
  const parts: (Buffer | string)[] = req.feed === 'bytes' ? chunks(Buffer.from(req.bytes!), req.cuts) : chunks(text, req.cuts);
  const opts = { format: req.detect ? undefined : req.format, parserOptions: { [req.format]: req.options } };
  const parsed = await parseFile(Readable.from(parts), INPUT_NAME, opts);
  const violations = modelViolations(parsed.model, parsed.format, text);
  if (!req.detect && parsed.format !== req.format) violations.push(`parsed as ${parsed.format}, not the forced ${req.format}`);
  return { kind: 'model', format: parsed.format, json: req.wantModel ? comparable(parsed.model) : undefined, violations };
}

function thrown(e: unknown, req: RunRequest): RunOutcome {
  if (!(e instanceof ParseError)) {
    return { kind: 'crash', error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : `non-Error thrown: ${String(e)}` };
  }
  const violations: string[] = [];
  const text = req.feed === 'bytes' ? decodeLikeAFile(Buffer.from(req.bytes!)) : req.text!;
  const lines = Math.max(1, lineCount(text));
  if (req.feed === 'push') violations.push('the StreamParser itself threw a ParseError (only parseFile should)');
  if (e.file !== INPUT_NAME) violations.push(`ParseError names ${JSON.stringify(e.file)}, not the input`);
  if (!Number.isInteger(e.line) || e.line < 1 || e.line > lines) violations.push(`ParseError at line ${e.line} of an input with ${lines} lines`);
  if (!e.message.startsWith(`${INPUT_NAME}:${e.line}: `) || e.expected.length === 0) violations.push(`ParseError message not 'FILE:LINE: expected': ${e.message}`);
  return { kind: 'parse-error', line: e.line, message: e.message, violations };
}

/** The text parseFile sees: UTF-16 after its byte order mark, else UTF-8 (bad bytes as U+FFFD). */
export function decodeLikeAFile(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Lines a line-oriented reader must count: LF-terminated ones plus an unterminated last one; a leading BOM is no text. */
export function lineCount(text: string): number {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/** What must hold for any model of any input. */
function modelViolations(model: ReportModel, format: FormatId, text: string): string[] {
  const v: string[] = [];
  if (model.format !== format) v.push(`model.format ${model.format} for a ${format} parse`);
  if (model.source !== INPUT_NAME) v.push(`model.source ${JSON.stringify(model.source)}`);
  const expectedLines = lineCount(text);
  if (model.lines !== expectedLines) v.push(`model.lines ${model.lines}, but the input has ${expectedLines} lines`);
  if (!Array.isArray(model.warnings)) v.push('warnings is not an array');
  else {
    if (model.warnings.length > 201) v.push(`${model.warnings.length} warnings kept (the log keeps 200)`);
    for (const w of model.warnings) {
      if (!Number.isInteger(w.line) || w.line < 1 || w.line > Math.max(1, model.lines)) {
        v.push(`warning at line ${w.line} of ${model.lines}: ${w.message}`);
        break;
      }
      if (typeof w.message !== 'string' || w.message.length === 0) {
        v.push(`empty warning at line ${w.line}`);
        break;
      }
    }
  }
  if (!Number.isInteger(model.droppedWarnings) || model.droppedWarnings < 0) v.push(`droppedWarnings ${model.droppedWarnings}`);
  if (isStackProfile(model)) {
    if (!Number.isInteger(model.samples) || model.samples < 0) v.push(`samples ${model.samples}`);
    for (const [stack, weight] of foldedStacks(model.tree)) {
      if (stack.length === 0) v.push('an empty stack');
      if (!Number.isFinite(weight) || weight < 0) v.push(`stack weight ${weight} for ${JSON.stringify(stack.slice(0, 80))}`);
      if (v.length > 5) break;
    }
    for (const c of model.tree.columns) {
      const bad = c.total.find((t) => !Number.isFinite(t) || t < 0);
      if (bad !== undefined) v.push(`call tree total ${bad} in column ${c.label}`);
    }
  }
  if (isPerfReport(model)) {
    for (const e of model.events) {
      const problem = checkTable(e.table);
      if (problem) v.push(`event ${e.name}: ${problem}`);
      const tree = e.callGraph?.tree;
      for (const c of tree?.columns ?? []) {
        const bad = [...c.total, ...c.self].find((t) => !Number.isFinite(t) || t < 0);
        if (bad !== undefined) v.push(`event ${e.name}: call tree weight ${bad}`);
      }
    }
  }
  return v;
}

/** The model as `perflens parse` prints it, without `source` (the input's name). */
function comparable(model: ReportModel): ModelJson {
  const json = { ...(reportModelJson(model) as ModelJson) };
  delete json.source;
  return json;
}
