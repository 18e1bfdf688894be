// The perf report part of scripts/bench.mjs: parsing a 100 MB `perf report --stdio` text.
//
// Input (cached in the bench cache as report-100m.txt): the REAL `perf report --stdio --no-children
// -g graph,0,callee` and then `-g graph,0,caller` of the bench's own recording (perf.data, made by
// bench.mjs's input step; every chain printed), repeated and cut at the last line before 100 MB:
// ~15k rows per report with their call graphs, 1.7M lines. Without perf or perf.data it says so loudly and falls
// back to concatenating the real corpus reports printed with call graphs (shared/corpora).
// Runs (each its own child process, like the collapse runs): the utf8 read+split floor
// (floor.mjs string) and PerfLens's parseFile (format detection + the perf report parser) from a
// bundle of src/io/parseFile.ts (scripts/bench/parse-file.mjs), 3 runs each; prints MB/s (median
// wall), peak RSS, the ratio to the floor, and PASS/MISS against >= 100 MB/s and <= 200 MiB.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, truncateSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { runParseBench } from './parseBench.mjs';

const MB = 1e6;
const MiB = 1 << 20;
const REPORT_RUNS = [
  ['report', '--stdio', '--no-children', '-g', 'graph,0,callee'],
  ['report', '--stdio', '--no-children', '-g', 'graph,0,caller'],
];
const INPUT_VERSION = 3;
const CORPORA = '/work/shared/corpora';
/** Real reports with call graphs, for the fallback input. */
const CORPUS_REPORTS = [
  'perf-report/raymond-w-ko-dullahan/perf-report-callgraph.txt',
  'perf-report/tspp-io-tspp-compiler/perf_report.txt',
  'perf-report/tidesdb-tidesdb/perf_report.txt',
  'perf-6.1-captures/g_children_default.txt',
  'perf-6.1-captures/g_nochildren.txt',
  'perf-6.1-captures/g_fractal.txt',
  'perf-6.1-captures/g_caller.txt',
];

/** Streams one `perf report` run into `out` (appending) until `limit` bytes are written in all. */
function appendReport(args, data, out, written, limit) {
  return new Promise((resolve) => {
    const child = spawn('perf', [...args, '-i', data], { stdio: ['ignore', 'pipe', 'ignore'] });
    let bytes = written;
    let stopped = false;
    child.stdout.on('data', (chunk) => {
      if (stopped) return;
      out.write(chunk);
      bytes += chunk.length;
      if (bytes >= limit) {
        stopped = true;
        child.kill('SIGKILL');
      }
    });
    child.on('close', (code) => resolve({ ok: stopped || code === 0, bytes }));
  });
}

/** The perf report runs into `dst`, one after the other, stopping a little after `target` bytes. */
async function reportFromPerf(data, dst, target) {
  const out = createWriteStream(dst);
  let bytes = 0;
  let ok = true;
  for (let i = 0; ok && bytes < target + 4 * MiB; i++) {
    const r = await appendReport(REPORT_RUNS[i % REPORT_RUNS.length], data, out, bytes, target + 4 * MiB);
    ok = r.ok && r.bytes > bytes;
    bytes = r.bytes;
  }
  await new Promise((resolve) => out.end(resolve));
  return { ok, bytes };
}

/** Cuts `path` after the last line that ends before `target` bytes (a report cut in a call graph parses up to it). */
function cutAtLine(path, target) {
  const size = statSync(path).size;
  if (size <= target) return size;
  const window = MiB;
  const buf = Buffer.alloc(window);
  const fd = openSync(path, 'r');
  readSync(fd, buf, 0, window, target - window);
  closeSync(fd);
  const nl = buf.lastIndexOf(10);
  const at = nl >= 0 ? target - window + nl + 1 : target;
  truncateSync(path, at);
  return at;
}

function reportFromCorpus(dst, target) {
  const parts = CORPUS_REPORTS.map((rel) => readFileSync(join(CORPORA, rel)));
  const fd = openSync(dst, 'w');
  let bytes = 0;
  for (let i = 0; bytes < target; i++) {
    const b = parts[i % parts.length];
    writeFileSync(fd, b);
    bytes += b.length;
  }
  closeSync(fd);
  return bytes;
}

/** The 100 MB input (made once, then reused from the cache). */
export async function ensureInput({ cache, log, loud }) {
  const path = join(cache, 'report-100m.txt');
  const metaPath = join(cache, 'report-100m.json');
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (meta.version === INPUT_VERSION && existsSync(path) && statSync(path).size === meta.bytes) return { path, ...meta };
  } catch {
    /* make it */
  }
  const data = join(cache, 'perf.data');
  const perf = spawnSync('perf', ['--version'], { encoding: 'utf8' }).status === 0;
  let meta;
  if (perf && existsSync(data)) {
    const command = REPORT_RUNS.map((a) => `perf ${a.join(' ')} -i ${data}`).join('; ');
    log(`   ${command} (repeated up to 100 MB)`);
    const r = await reportFromPerf(data, path, 100 * MB);
    if (r.ok && r.bytes >= 100 * MB) meta = { version: INPUT_VERSION, source: 'perf', command, bytes: cutAtLine(path, 100 * MB) };
    else log(`   perf report gave ${r.bytes} bytes only`);
  }
  if (!meta) {
    loud(
      `NO REAL PERF REPORT: ${perf ? `no ${data} (run the whole bench once to record it)` : 'perf is not installed'}\n` +
        `FALLING BACK to concatenating corpus reports with call graphs (${CORPUS_REPORTS.length} files).`,
    );
    meta = { version: INPUT_VERSION, source: 'corpus', command: null, bytes: reportFromCorpus(path, 100 * MB) };
  }
  writeFileSync(metaPath, JSON.stringify(meta, null, 2));
  return { path, ...meta };
}

/** Runs the perf report part; `ctx` gives bench.mjs's helpers. Returns the summary. */
export async function benchPerfReport(ctx) {
  const { cache, log, loud, fmt, loadNote } = ctx;
  log('== perf report parse (100 MB)');
  const input = await ensureInput({ cache, log, loud });
  log(`   input: ${input.path}, ${fmt(input.bytes / MB, 1)} MB (${input.source === 'perf' ? `real perf report output of the bench recording: ${input.command}` : 'corpus FALLBACK'}); ${loadNote()}`);
  const result = await runParseBench(ctx, input, 'perf report');
  return result && { input, ...result };
}
