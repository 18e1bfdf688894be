/**
 * Parses a large file on every core, for any format whose definition says how (`parallel`): the
 * file is cut at record boundaries into one byte range per worker thread, each range is parsed on
 * its own, and the format merges the results. Same model as the single-threaded parser; warnings
 * keep their file line numbers.
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WARNING_LIMIT, type ParseWarning } from '../model/diagnostics';
import type { FormatId } from '../model/format';
import type { ReportModel } from '../model/report';
import type { FormatDefinition, LineText, RangeResult } from '../parsers/formatDefinition';

/**
 * Heap limits per worker. A small young generation and an explicit old-generation limit make V8
 * size the heap to the live data (measured: 1 GB input, 2 workers, peak RSS 225 -> 180 MiB at the
 * same speed). The old-generation limit is far above what a parse keeps alive; a worker that still
 * runs out fails the parallel parse, and the caller falls back to the single-threaded parser.
 */
const HEAP_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 };

/** Below this, one thread is as fast as starting workers. */
export const PARALLEL_MIN_BYTES = 32 << 20;

export interface RangeRequest {
  format: FormatId;
  path: string;
  start: number;
  end: number;
  options: unknown;
}

export type RangeMessage =
  | ({ type: 'done' } & RangeResult)
  | { type: 'progress'; bytes: number }
  | { type: 'error'; message: string };

export interface ParallelOutcome<M extends ReportModel = ReportModel> {
  model: M;
  records: number;
  firstUnrecognized: LineText | undefined;
  invalidUtf8Line: number;
}

/** Byte offsets where ranges start: each just after `boundary`, so no record is cut. */
export function splitPoints(path: string, parts: number, boundary = '\n\n'): number[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const points = [0];
    const buf = Buffer.alloc(1 << 20);
    const k0 = Buffer.byteLength(boundary);
    for (let k = 1; k < parts; k++) {
      let pos = Math.max(Math.floor((size * k) / parts), points[points.length - 1] + 1);
      let found = -1;
      // Look for the boundary from pos on, a MiB at a time (overlapping so it is never cut).
      while (found < 0 && pos < size) {
        const n = readSync(fd, buf, 0, buf.length, pos);
        if (n < k0) break;
        const i = buf.subarray(0, n).indexOf(boundary);
        if (i >= 0) found = pos + i + k0;
        else pos += n - (k0 - 1);
      }
      if (found < 0 || found >= size) break;
      points.push(found);
    }
    points.push(size);
    return points;
  } finally {
    closeSync(fd);
  }
}

/**
 * Parses `path` in ranges on worker threads (`workerScript`: dist/rangeWorker.js). Returns undefined
 * when the format cannot split this file; throws when a range fails (the caller falls back).
 */
export async function parseInParallel(
  def: FormatDefinition,
  path: string,
  source: string,
  workerScript: string,
  options: unknown,
  onProgress?: (bytes: number) => void,
  // Stryker disable next-line MethodExpression: the thread count changes only how many ranges there are, not the merged model
  threads = Math.min(availableParallelism(), 8),
): Promise<ParallelOutcome | undefined> {
  const parallel = def.parallel;
  if (!parallel) return undefined;
  const prepared = parallel.prepare(path, (options ?? {}) as never);
  if (prepared === undefined) return undefined;
  const points = splitPoints(path, threads, parallel.boundary);
  let read = 0;
  let failed = false;
  const workers: Worker[] = [];
  const ranges = points.slice(0, -1).map(
    (start, i) =>
      new Promise<RangeResult>((resolve, reject) => {
        const last = i === points.length - 2;
        const req: RangeRequest = { format: def.id, path, start, end: points[i + 1], options: parallel.rangeOptions(prepared, last) };
        const w = new Worker(workerScript, { workerData: req, resourceLimits: HEAP_LIMITS });
        workers.push(w);
        let done = false;
        w.on('message', (m: RangeMessage) => {
          if (failed) return;
          if (m.type === 'progress') {
            read += m.bytes;
            onProgress?.(read);
          } else if (m.type === 'error') reject(new Error(m.message));
          else {
            done = true;
            // Let the worker's heap go before the merge builds its model.
            void w.terminate().then(() => resolve(m));
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (!done) reject(new Error(`range worker stopped (exit ${code})`));
        });
      }),
  );
  let results: RangeResult[];
  try {
    results = await Promise.all(ranges);
  } catch (err) {
    // One range failed (e.g. its heap limit): stop the others before the caller falls back.
    failed = true;
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  return mergeRanges(def, results, source, prepared);
}

/** Puts the ranges' lines and warnings into file numbering and lets the format merge the rest. */
export function mergeRanges(def: FormatDefinition, results: RangeResult[], source: string, options: unknown): ParallelOutcome {
  const warnings: ParseWarning[] = [];
  let lines = 0;
  let records = 0;
  let dropped = 0;
  let firstUnrecognized: LineText | undefined;
  let invalidUtf8Line = 0;
  const shifted: RangeResult[] = [];
  for (const r of results) {
    const ws = r.warnings.map((w) => ({ line: w.line + lines, message: w.message }));
    warnings.push(...ws);
    if (!firstUnrecognized && r.firstUnrecognized) firstUnrecognized = { line: r.firstUnrecognized.line + lines, text: r.firstUnrecognized.text };
    if (!invalidUtf8Line && r.invalidUtf8Line) invalidUtf8Line = r.invalidUtf8Line + lines;
    shifted.push({ ...r, warnings: ws });
    records += r.records;
    dropped += r.droppedWarnings;
    lines += r.lines;
  }
  const envelope = { source, lines, records, warnings, droppedWarnings: dropped };
  const model = def.parallel!.merge(shifted, envelope, options as never);
  // The same cap as one parser's warning log: the first ones, and a count of the rest.
  if (model.warnings.length > WARNING_LIMIT) {
    model.droppedWarnings += model.warnings.length - WARNING_LIMIT;
    model.warnings = model.warnings.slice(0, WARNING_LIMIT);
  }
  return { model, records, firstUnrecognized, invalidUtf8Line };
}

/** The range worker's bundle, next to the bundle that starts it (dist/). */
export function rangeWorkerPath(distDir: string): string {
  return join(distDir, 'rangeWorker.js');
}
