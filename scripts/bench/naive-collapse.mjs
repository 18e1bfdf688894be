// A straightforward Node port of FlameGraph's stackcollapse-perf.pl (default options), used by
// scripts/bench.mjs as the "naive" baseline: readline over the file, one regex per line, stacks
// joined with ';' and counted in a Map, then sorted and printed as folded stacks.
//
// usage: node scripts/bench/naive-collapse.mjs FILE > out.folded
// At the end it writes ONE JSON line to stderr:
//   {"tool":"naive","bytes":N,"lines":N,"samples":N,"stacks":N,"ms":N,"maxRssKiB":N}
// (ms = time since process start, maxRssKiB = process.resourceUsage().maxRSS).
//
// It is also imported by scripts/bench.mjs (collapseFile) to count samples / distinct stacks.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

// "java 25607 4794564.109216: cycles:", "V8 WorkerThread 24636/25607 [000] 94564.109216: cycles:"
const EVENT_RE = /^(\S.+?)\s+(\d+)\/*(\d+)*\s+/;
// "\t    7f211c024ec5 JS:^a /tmp/w.js:1:11+0x145 (/tmp/perf-8568.map)"
const FRAME_RE = /^\s*(\w+)\s*(.+) \((\S*)\)/;
const OFFSET_RE = /\+0x[\da-f]+$/;
const GO_METHOD_RE = /\.\(.*\)\./;
const PAREN_RE = /\((?!anonymous namespace\)).*/;

/** Collapses a perf script file. Returns { counts: Map<stack, count>, lines, samples }. */
export async function collapseFile(file) {
  const rl = createInterface({
    input: createReadStream(file, { highWaterMark: 1 << 20 }),
    crlfDelay: Infinity,
  });
  const counts = new Map();
  let stack = [];
  let pname;
  let lines = 0;
  let samples = 0;
  for await (const line of rl) {
    lines++;
    if (line.startsWith('#')) continue;
    if (line === '') {
      if (pname !== undefined || stack.length > 0) {
        stack.push(pname ?? '');
        const key = stack.reverse().join(';');
        counts.set(key, (counts.get(key) ?? 0) + 1);
        samples++;
      }
      stack = [];
      pname = undefined;
      continue;
    }
    let m = EVENT_RE.exec(line);
    if (m) {
      pname = m[1].replace(/ /g, '_');
      continue;
    }
    m = FRAME_RE.exec(line);
    if (!m) continue; // stackcollapse-perf.pl warns "Unrecognized line"
    const mod = m[3];
    const rawfunc = m[2].replace(OFFSET_RE, '');
    if (rawfunc.startsWith('(')) continue; // process names
    const parts = rawfunc.split('->'); // inlined frames, outermost first
    const inlined = [];
    for (let i = 0; i < parts.length; i++) {
      let func = parts[i];
      if (func === '[unknown]' && mod !== '[unknown]') func = `[${mod.replace(/.*\//, '')}]`;
      func = func.replace(/;/g, ':');
      if (!GO_METHOD_RE.test(func)) func = func.replace(PAREN_RE, '');
      func = func.replace(/["']/g, '');
      if (pname === 'java' && func.includes('/')) func = func.replace(/^L/, '');
      if (i > 0) func += '_[i]';
      inlined.push(func);
    }
    // the stack is built leaf-first and reversed at the end; keep the inline order outermost-first
    for (let i = inlined.length - 1; i >= 0; i--) stack.push(inlined[i]);
  }
  // a last sample without a trailing blank line is dropped, as stackcollapse-perf.pl does
  return { counts, lines, samples };
}

async function main() {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: naive-collapse.mjs FILE\n');
    process.exit(2);
  }
  const { counts, lines, samples } = await collapseFile(file);
  const keys = [...counts.keys()].sort();
  let buf = '';
  for (const k of keys) {
    buf += `${k} ${counts.get(k)}\n`;
    if (buf.length > 1 << 20) {
      if (!process.stdout.write(buf)) await new Promise((r) => process.stdout.once('drain', r));
      buf = '';
    }
  }
  if (buf) process.stdout.write(buf);
  await new Promise((r) => process.stdout.write('', r));
  const stats = {
    tool: 'naive',
    bytes: statSync(file).size,
    lines,
    samples,
    stacks: counts.size,
    ms: Math.round(performance.now()),
    maxRssKiB: process.resourceUsage().maxRSS,
  };
  process.stderr.write(JSON.stringify(stats) + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
