// The perf report part of scripts/bench.mjs: parsing a 100 MB `perf report --stdio` text.
//
// Input (cached in the bench cache as report-100m.txt): the REAL `perf report --stdio --children
// -g graph,0,caller` of the bench's own recording (perf.data, made by bench.mjs's input step), cut
// at the last row that starts before 100 MB. Without perf or perf.data it says so loudly and falls
// back to concatenating the real corpus reports printed with call graphs (shared/corpora).
// Runs (each its own child process, like the collapse runs): the utf8 read+split floor
// (floor.mjs string) and PerfLens's parseFile (format detection + the perf report parser) from a
// bundle of src/io/parseFile.ts (scripts/bench/parse-file.mjs), 3 runs each; prints MB/s (median
// wall), peak RSS, the ratio to the floor, and PASS/MISS against >= 100 MB/s and <= 200 MiB.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, truncateSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const MB = 1e6;
const MiB = 1 << 20;
const TARGET_MBPS = 100;
const TARGET_RSS_MIB = 200;
const RUNS = 3;
const REPORT_ARGS = ['report', '--stdio', '--children', '-g', 'graph,0,caller'];
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
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Streams `perf report` into `dst`, stopping a little after `target` bytes. */
function reportFromPerf(data, dst, target) {
  return new Promise((resolve) => {
    const out = createWriteStream(dst);
    const child = spawn('perf', [...REPORT_ARGS, '-i', data], { stdio: ['ignore', 'pipe', 'ignore'] });
    let bytes = 0;
    let stopped = false;
    child.stdout.on('data', (chunk) => {
      if (stopped) return;
      out.write(chunk);
      bytes += chunk.length;
      if (bytes >= target + 4 * MiB) {
        stopped = true;
        child.kill('SIGKILL');
      }
    });
    child.on('close', (code) => out.end(() => resolve({ ok: stopped || code === 0, bytes })));
  });
}

/** Cuts `path` at the start of the last report row (`  12.34%  …`) before `target` bytes. */
function cutAtRow(path, target) {
  const size = statSync(path).size;
  if (size <= target) return size;
  const window = 8 * MiB;
  const buf = Buffer.alloc(window);
  const fd = openSync(path, 'r');
  readSync(fd, buf, 0, window, target - window);
  closeSync(fd);
  const text = buf.toString('latin1');
  const re = /\n {2,}\d+\.\d\d% /g;
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  const at = last >= 0 ? target - window + last + 1 : target;
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

async function ensureInput({ cache, log, loud }) {
  const path = join(cache, 'report-100m.txt');
  const metaPath = join(cache, 'report-100m.json');
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (existsSync(path) && statSync(path).size === meta.bytes) return { path, ...meta };
  } catch {
    /* make it */
  }
  const data = join(cache, 'perf.data');
  const perf = spawnSync('perf', ['--version'], { encoding: 'utf8' }).status === 0;
  let meta;
  if (perf && existsSync(data)) {
    log(`   perf ${REPORT_ARGS.join(' ')} -i ${data} (first 100 MB)`);
    const r = await reportFromPerf(data, path, 100 * MB);
    if (r.ok && r.bytes >= 100 * MB) meta = { source: 'perf', command: `perf ${REPORT_ARGS.join(' ')}`, bytes: cutAtRow(path, 100 * MB) };
    else log(`   perf report gave ${r.bytes} bytes only`);
  }
  if (!meta) {
    loud(
      `NO REAL PERF REPORT: ${perf ? `no ${data} (run the whole bench once to record it)` : 'perf is not installed'}\n` +
        `FALLING BACK to concatenating corpus reports with call graphs (${CORPUS_REPORTS.length} files).`,
    );
    meta = { source: 'corpus', command: null, bytes: reportFromCorpus(path, 100 * MB) };
  }
  writeFileSync(metaPath, JSON.stringify(meta, null, 2));
  return { path, ...meta };
}

function bundleParseFile(root) {
  const dir = mkdtempSync(join(os.tmpdir(), 'perflens-bench-parse-'));
  const out = join(dir, 'parseFile.cjs');
  const r = spawnSync(join(root, 'node_modules', '.bin', 'esbuild'), [join(root, 'src', 'io', 'parseFile.ts'), '--bundle', '--platform=node', '--format=cjs', `--outfile=${out}`, '--log-level=warning'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`esbuild of src/io/parseFile.ts failed: ${r.stderr}`);
  return { out, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the perf report part; `ctx` gives bench.mjs's helpers. Returns the summary. */
export async function benchPerfReport({ root, cache, runChild, log, loud, fmt, loadNote }) {
  log('== perf report parse (100 MB)');
  const input = await ensureInput({ cache, log, loud });
  log(`   input: ${input.path}, ${fmt(input.bytes / MB, 1)} MB (${input.source === 'perf' ? `real: ${input.command} of the bench recording` : 'corpus FALLBACK'}); ${loadNote()}`);
  const bundle = bundleParseFile(root);
  const tools = [
    { id: 'floor', label: 'floor (utf8 split)', args: [join(root, 'scripts', 'bench', 'floor.mjs'), 'string', input.path] },
    { id: 'parse', label: 'perf report parse', args: [join(root, 'scripts', 'bench', 'parse-file.mjs'), bundle.out, input.path] },
  ];
  const results = new Map(tools.map((t) => [t.id, []]));
  try {
    for (let r = 0; r < RUNS; r++) {
      for (const t of tools) {
        const res = await runChild(process.execPath, t.args);
        results.get(t.id).push(res);
        const rss = res.rusageKiB ?? res.own?.maxRssKiB;
        log(
          `   ${t.label.padEnd(20)} run ${r + 1}: ${res.ok ? '' : `FAILED (exit ${res.code}) `}${fmt(res.wallMs / 1000, 2)} s, ` +
            `${fmt(input.bytes / MB / (res.wallMs / 1000), 1)} MB/s, RSS ${fmt(rss / 1024, 1)} MiB` + (res.own ? `  own: ${JSON.stringify(res.own)}` : ''),
        );
        if (!res.ok) log(`      ${res.stderrTail.replace(/\n/g, '\n      ')}`);
      }
    }
  } finally {
    bundle.dispose();
  }
  const summary = (id) => {
    const ok = results.get(id).filter((r) => r.ok);
    if (ok.length === 0) return null;
    const wall = median(ok.map((r) => r.wallMs));
    const ownMs = median(ok.map((r) => r.own?.ms ?? r.wallMs));
    const rssMiB = Math.max(...ok.map((r) => Math.max(r.rusageKiB ?? 0, r.own?.maxRssKiB ?? 0))) / 1024;
    return { wall, ownMs, rssMiB, mbps: input.bytes / MB / (wall / 1000), own: ok[0].own };
  };
  const floor = summary('floor');
  const parse = summary('parse');
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  if (!parse) {
    log('   perf report parse: FAILED');
    return null;
  }
  log(
    `   parse: ${fmt(parse.mbps, 1)} MB/s (median wall of ${RUNS}; ${fmt(input.bytes / MB / (parse.ownMs / 1000), 1)} MB/s by its own ms), ` +
      `peak RSS ${fmt(parse.rssMiB, 1)} MiB, ${fmt(parse.own?.lines)} lines, ${fmt(parse.own?.records)} rows`,
  );
  if (floor) log(`   ratio to the read+split floor (wall): ${fmt(parse.wall / floor.wall, 2)}x (floor ${fmt(floor.mbps, 1)} MB/s, ${fmt(floor.rssMiB, 1)} MiB)`);
  log(`   perf report parse >= ${TARGET_MBPS} MB/s on 100 MB : ${verdict(parse.mbps >= TARGET_MBPS)} (${fmt(parse.mbps, 1)} MB/s)`);
  log(`   perf report peak RSS <= ${TARGET_RSS_MIB} MiB         : ${verdict(parse.rssMiB <= TARGET_RSS_MIB)} (${fmt(parse.rssMiB, 1)} MiB)`);
  log();
  return { input, floor, parse };
}
