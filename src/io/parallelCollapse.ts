/**
 * Collapses a large perf script file on every core: the file is cut at sample boundaries (blank
 * lines) into one byte range per worker thread, each range is collapsed on its own, and the results
 * are merged. Same output as the single-threaded parser, warnings keep their file line numbers.
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Worker } from 'node:worker_threads';
import type { ParseWarning } from '../model/diagnostics';
import type { StackProfile } from '../model/profile';
import { PerfScriptCollapser, type CollapseOptions } from '../parsers/perfScript';
import { StackTrie, type TrieExport } from '../parsers/stackTrie';

/**
 * Heap limits per worker. A small young generation and an explicit old-generation limit make V8
 * size the heap to the live data (measured: 1 GB input, 2 workers, peak RSS 225 -> 180 MiB at the
 * same speed). The old-generation limit is far above what the parse keeps alive (caches bounded by
 * distinct frames and stacks); a worker that still runs out fails the parallel parse, and the
 * caller falls back to the single-threaded parser, which has no such limit.
 */
const HEAP_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 };

/** Below this, one thread is as fast as starting workers. */
export const PARALLEL_MIN_BYTES = 32 << 20;

export interface RangeRequest {
  path: string;
  start: number;
  end: number;
  options: Partial<CollapseOptions>;
}

export type RangeResult = {
  type: 'done';
  stacks: TrieExport;
  events: string[];
  samples: number;
  weight: StackProfile['weight'];
  lines: number;
  warnings: ParseWarning[];
  droppedWarnings: number;
  firstUnrecognized: { line: number; text: string } | undefined;
  invalidUtf8Line: number;
};

type WorkerMessage = RangeResult | { type: 'progress'; bytes: number } | { type: 'error'; message: string };

export interface ParallelResult {
  profile: StackProfile;
  firstUnrecognized: { line: number; text: string } | undefined;
  invalidUtf8Line: number;
}

/** Byte offsets where ranges start: each just after a blank line, so no sample is cut. */
export function splitPoints(path: string, parts: number): number[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const points = [0];
    const buf = Buffer.alloc(1 << 20);
    for (let k = 1; k < parts; k++) {
      let pos = Math.max(Math.floor((size * k) / parts), points[points.length - 1] + 1);
      let found = -1;
      // Look for "\n\n" from pos on, a MiB at a time.
      while (found < 0 && pos < size) {
        const n = readSync(fd, buf, 0, buf.length, pos);
        if (n <= 1) break;
        const i = buf.subarray(0, n).indexOf('\n\n');
        if (i >= 0) found = pos + i + 2;
        else pos += n - 1;
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

/** The event the single-threaded parser would keep by default: the first one in the file. */
function firstEvent(path: string, options: Partial<CollapseOptions>): string | undefined {
  if (options.event) return options.event;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(256 << 10);
    const c = new PerfScriptCollapser(options);
    const decoder = new StringDecoder('utf8');
    // Read up to 4 MiB, stopping as soon as a sample header names its event.
    for (let pos = 0; pos < 4 << 20 && c.events.length === 0; ) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      c.push(decoder.write(buf.subarray(0, n)));
      pos += n;
    }
    return c.events[0];
  } finally {
    closeSync(fd);
  }
}

export async function collapseInParallel(
  path: string,
  workerScript: string,
  options: Partial<CollapseOptions>,
  onProgress?: (bytes: number) => void,
  threads = Math.min(availableParallelism(), 8),
): Promise<ParallelResult> {
  const points = splitPoints(path, threads);
  const defaultEvent = firstEvent(path, options);
  if (defaultEvent === undefined && points.length > 2) throw new Error('no event in the first MiBs; cannot split');
  let read = 0;
  let failed = false;
  const workers: Worker[] = [];
  const ranges = points.slice(0, -1).map(
    (start, i) =>
      new Promise<RangeResult>((resolve, reject) => {
        const last = i === points.length - 2;
        const req: RangeRequest = {
          path,
          start,
          end: points[i + 1],
          // Only the last range can end inside a sample; the others end at a blank line.
          options: { ...options, defaultEvent, dropTruncatedSample: last ? options.dropTruncatedSample : true },
        };
        const w = new Worker(workerScript, { workerData: req, resourceLimits: HEAP_LIMITS });
        workers.push(w);
        let done = false;
        w.on('message', (m: WorkerMessage) => {
          if (failed) return;
          if (m.type === 'progress') {
            read += m.bytes;
            onProgress?.(read);
          } else if (m.type === 'error') reject(new Error(m.message));
          else {
            done = true;
            // Let the worker's heap go before the merge builds the stack strings.
            void w.terminate().then(() => resolve(m));
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (!done) reject(new Error(`collapse worker stopped (exit ${code})`));
        });
      }),
  );
  try {
    return mergeRanges(await Promise.all(ranges), defaultEvent);
  } catch (err) {
    // One range failed (e.g. its heap limit): stop the others before the caller falls back.
    failed = true;
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
}

export function mergeRanges(results: RangeResult[], event: string | undefined): ParallelResult {
  const trie = new StackTrie();
  const events: string[] = [];
  const warnings: ParseWarning[] = [];
  let samples = 0;
  let lines = 0;
  let dropped = 0;
  let firstUnrecognized: ParallelResult['firstUnrecognized'];
  let invalidUtf8Line = 0;
  let filterWarned = false;
  let weight: StackProfile['weight'] = 'samples';
  for (const r of results) {
    trie.merge(r.stacks);
    for (const e of r.events) if (!events.includes(e)) events.push(e);
    for (const w of r.warnings) {
      // Each range warns once about other events; the file as a whole warns once.
      if (w.message.startsWith('several events')) {
        if (filterWarned) continue;
        filterWarned = true;
      }
      warnings.push({ line: w.line + lines, message: w.message });
    }
    if (!firstUnrecognized && r.firstUnrecognized) firstUnrecognized = { line: r.firstUnrecognized.line + lines, text: r.firstUnrecognized.text };
    if (!invalidUtf8Line && r.invalidUtf8Line) invalidUtf8Line = r.invalidUtf8Line + lines;
    samples += r.samples;
    if (r.weight === 'period') weight = 'period';
    dropped += r.droppedWarnings;
    lines += r.lines;
  }
  return {
    profile: { format: 'perf-script', events, event, stacks: trie.toStacks(), samples, weight, lines, warnings, droppedWarnings: dropped },
    firstUnrecognized,
    invalidUtf8Line,
  };
}

/** The range worker's bundle, next to the bundle that starts it (dist/). */
export function collapseWorkerPath(distDir: string): string {
  return join(distDir, 'collapseWorker.js');
}
