/** The CLI as users run it: the built dist/cli.js (npm test builds first). */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CORPORA, corpusFile, readCorpus, sortedLines } from './helpers/corpus';
import { assertGolden } from './helpers/golden';

const CLI = resolve(__dirname, '../dist/cli.js');

function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('perflens CLI', () => {
  before(function () {
    if (!existsSync(CLI)) throw new Error(`${CLI} missing: run npm run build first`);
  });

  it('collapse --all --perl-compat equals stackcollapse-perf.pl byte for byte (inferno CLI case)', () => {
    const r = run(['collapse', '--all', '--perl-compat', corpusFile('flamegraph/test/perf-vertx-stacks-01.txt')]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, readCorpus('flamegraph/test/results/perf-vertx-stacks-01-collapsed-all.txt'));
  });

  it('collapse reads stdin and takes every stackcollapse-perf.pl flag', () => {
    for (const flag of ['pid', 'tid', 'kernel', 'jit', 'addrs']) {
      const r = run(['collapse', `--${flag}`, '--perl-compat', '-'], readCorpus('flamegraph/test/perf-numa-stacks-01.txt'));
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(sortedLines(r.stdout), sortedLines(readCorpus(`flamegraph/test/results/perf-numa-stacks-01-collapsed-${flag}.txt`)), flag);
    }
  });

  it('collapse --stats prints one JSON line of figures on stderr', () => {
    const r = run(['collapse', '--stats', corpusFile('flamegraph/test/perf-js-stacks-01.txt')]);
    const stats = JSON.parse(r.stderr.trim().split('\n').at(-1)!);
    assert.equal(stats.bytes, readFileSync(corpusFile('flamegraph/test/perf-js-stacks-01.txt')).length);
    assert.ok(stats.samples > 0 && stats.stacks > 0 && stats.maxRssKiB > 0);
  });

  it('parse prints the model as JSON with its format (golden)', () => {
    const r = run(['parse', corpusFile('inferno/tests/data/collapse-perf/go-stacks.txt')]);
    assert.equal(r.code, 0, r.stderr);
    const model = JSON.parse(r.stdout);
    assert.equal(model.format, 'perf-script');
    assert.equal(model.schemaVersion, 1);
    assert.equal(model.source, corpusFile('inferno/tests/data/collapse-perf/go-stacks.txt'));
    // The source is the path as given: machine-specific, so the golden file holds a placeholder.
    assertGolden('cli/parse-go-stacks.json', r.stdout.split(CORPORA).join('<corpora>'));
    const folded = JSON.parse(run(['parse', corpusFile('inferno/tests/data/flamegraph/fractional-samples/fractional.txt')]).stdout);
    assert.equal(folded.format, 'folded');
  });

  it('parse writes large JSON completely into a pipe', () => {
    const r = run(['parse', corpusFile('flamegraph/test/perf-vertx-stacks-01.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.length > 65536, `only ${r.stdout.length} bytes`);
    assert.equal(JSON.parse(r.stdout).format, 'perf-script');
  });

  it('a reader that stops early (| head -1) is no error', () => {
    // Its folded output (MiBs) is far larger than a pipe buffer, so writing hits EPIPE.
    const big = resolve(__dirname, '../samples/perf-6.1-node-gzip-xz.perf-script');
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" collapse "${big}" | head -1 > /dev/null`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /Unhandled|EPIPE|at /);
  });

  it('unparseable input: exit 1 and exactly one located line, no stack trace', () => {
    const garbage = join(mkdtempSync(join(tmpdir(), 'perflens-cli-')), 'garbage.txt');
    writeFileSync(garbage, 'hello world\nthis is not a report\n');
    for (const [file, pattern] of [
      [garbage, /garbage\.txt:1: expected .*perf script output.*: no known report format recognised/],
      [resolve(__dirname, 'fixtures/perf-stat/no-counters.txt'), /no-counters\.txt:3: expected a perf stat counter line .*, got: hello world$/],
      ['/bin/sh', /\/bin\/sh:1: expected a text report, got binary data/],
      ['/nonexistent/file.txt', /no such file/i],
    ] as const) {
      const r = run(['parse', file]);
      assert.equal(r.code, 1, file);
      assert.equal(r.stdout, '');
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], pattern);
    }
  });

  it('parse gives syscall summaries as groups of rows keyed by column (strace -c, perf trace -s)', () => {
    const fixtures = resolve(__dirname, 'fixtures');
    const strace = JSON.parse(run(['parse', join(fixtures, 'strace-summary/holberton-old-small.txt')]).stdout);
    assert.equal(strace.format, 'strace-summary');
    assert.equal(strace.timeUnit, 'us');
    assert.deepEqual(strace.groups[0].rows[0], { line: 3, syscall: 'read', calls: 569, errors: 0, total: 12184, avg: 21, share: 62.88 });
    assert.deepEqual(strace.groups[0].totalRow, { line: 9, syscall: 'total', calls: 965, errors: 1, total: 19376, avg: null, share: 100 });
    const perf = JSON.parse(run(['parse', join(fixtures, 'perf-trace-summary/errno-summary.txt')]).stdout);
    assert.equal(perf.format, 'perf-trace-summary');
    assert.deepEqual(perf.groups[0].header, { comm: 'sleep', tid: 10793, events: 80, eventsPercent: 93 });
    assert.deepEqual(perf.groups[0].errnos[0], { syscall: 'access', errno: 'ENOENT', count: 1, line: 17 });
  });

  it('diff compares syscall costs per syscall (seed 001: devmem on 2 CPUs against 1 CPU)', () => {
    const dir = resolve(__dirname, 'fixtures/perf-trace-summary');
    const r = run(['diff', join(dir, 'seed001-syscall-costs-2cpu.txt'), join(dir, 'seed001-syscall-costs-1cpu.txt'), '--group', '14342', '--group', '10435', '--metric', 'calls,total']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^recvmsg {6}615359 {2}168459 {3}-446900 {2}0\.274$/m);
    assert.match(r.stdout, /^setsockopt {2}22841\.143 {2}63395\.250 {2}\+40554\.107 {2}2\.775$/m);
    const bad = run(['diff', join(dir, 'seed001-syscall-costs-2cpu.txt'), join(dir, 'seed001-syscall-costs-1cpu.txt'), '--group', 'tcpzc2', '--group', '10435']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /names 2 groups; pick one by tid/);
    const notSyscalls = run(['diff', corpusFile('inferno/tests/data/collapse-perf/go-stacks.txt'), join(dir, 'seed001-syscall-costs-1cpu.txt')]);
    assert.equal(notSyscalls.code, 2);
    assert.match(notSyscalls.stderr, /is perf-script, not a syscall summary/);
  });

  it('usage errors exit 2 with the usage', () => {
    const r = run(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'frobnicate'/);
  });

  it('flamegraph writes a standalone HTML page with the data inline and a strict CSP', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'perflens-cli-')), 'fg.html');
    const r = run(['flamegraph', corpusFile('flamegraph/test/perf-vertx-stacks-01.txt'), '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /id="perflens-initial"/);
    assert.ok(!/<script[^>]+src="http/.test(html), 'no remote scripts');
    assert.ok(html.includes('io/netty/channel/nio/NioEventLoop:.run'), 'frame names are embedded');
  });
});
