// What the parse parts of scripts/bench.mjs share (perf-report.mjs, ebpf-csv.mjs): a bundle of
// src/io/parseFile.ts, and the runs of the utf8 read+split floor against PerfLens's parseFile on one
// input, each in its own child process, with the summary (median wall MB/s, peak RSS, ratio to the
// floor) and PASS/MISS against the table-format targets.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const MB = 1e6;
export const TARGET_MBPS = 100;
export const TARGET_RSS_MIB = 200;
const RUNS = 3;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** src/io/parseFile.ts bundled for a child process; `dispose` removes it. */
export function bundleParseFile(root) {
  const dir = mkdtempSync(join(os.tmpdir(), 'perflens-bench-parse-'));
  const out = join(dir, 'parseFile.cjs');
  const r = spawnSync(join(root, 'node_modules', '.bin', 'esbuild'), [join(root, 'src', 'io', 'parseFile.ts'), '--bundle', '--platform=node', '--format=cjs', `--outfile=${out}`, '--log-level=warning'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`esbuild of src/io/parseFile.ts failed: ${r.stderr}`);
  return { out, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Floor and parse, `RUNS` times each, alternating; `name` names the parse in the output
 * (`perf report`, `eBPF CSV`), `what` the rows it counts. Returns { floor, parse } summaries or null.
 */
export async function runParseBench({ root, runChild, log, fmt }, input, name, what = 'rows') {
  const bundle = bundleParseFile(root);
  const tools = [
    { id: 'floor', label: 'floor (utf8 split)', args: [join(root, 'scripts', 'bench', 'floor.mjs'), 'string', input.path] },
    { id: 'parse', label: `${name} parse`, args: [join(root, 'scripts', 'bench', 'parse-file.mjs'), bundle.out, input.path] },
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
    log(`   ${name} parse: FAILED`);
    return null;
  }
  log(
    `   parse: ${fmt(parse.mbps, 1)} MB/s (median wall of ${RUNS}; ${fmt(input.bytes / MB / (parse.ownMs / 1000), 1)} MB/s by its own ms), ` +
      `peak RSS ${fmt(parse.rssMiB, 1)} MiB, ${fmt(parse.own?.lines)} lines, ${fmt(parse.own?.records)} ${what}`,
  );
  if (floor) log(`   ratio to the read+split floor (wall): ${fmt(parse.wall / floor.wall, 2)}x (floor ${fmt(floor.mbps, 1)} MB/s, ${fmt(floor.rssMiB, 1)} MiB)`);
  log(`   ${name} parse >= ${TARGET_MBPS} MB/s on 100 MB : ${verdict(parse.mbps >= TARGET_MBPS)} (${fmt(parse.mbps, 1)} MB/s)`);
  log(`   ${name} peak RSS <= ${TARGET_RSS_MIB} MiB         : ${verdict(parse.rssMiB <= TARGET_RSS_MIB)} (${fmt(parse.rssMiB, 1)} MiB)`);
  log();
  return { floor, parse };
}
