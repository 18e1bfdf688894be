/** Bad input: a clear located message or partial results with warnings, never a crash or a hang. */
import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseFile } from '../../src/io/parseFile';
import { ParseError } from '../../src/model/diagnostics';
import { isStackProfile, type ReportModel } from '../../src/model/report';
import { corpusFile, readCorpus } from '../helpers/corpus';

/** The model as a stack profile (these inputs are stack formats). */
function stackModel(m: ReportModel) {
  assert.ok(isStackProfile(m), `expected stack samples, got ${m.format}`);
  return m;
}

let dir = '';
const tmp = (name: string, data: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

function sortedStacks(model: ReportModel): Map<string, number> {
  assert.ok(isStackProfile(model));
  return new Map([...stacksOf(model)].sort());
}

async function parseError(p: string, opts = {}): Promise<ParseError> {
  try {
    await parseFile(p, p, opts);
  } catch (e) {
    assert.ok(e instanceof ParseError, `expected a ParseError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a ParseError');
}

describe('parseFile: bad input', () => {
  // Made when the tests run, and removed after them: the 100 MB long-line file would otherwise stay behind.
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'perflens-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('perf.data: says how to convert it', async () => {
    const p = tmp('perf.data', Buffer.concat([Buffer.from('PERFILE2'), Buffer.alloc(64)]));
    const e = await parseError(p);
    assert.equal(e.line, 1);
    assert.match(e.message, /perf\.data:1: .*perf script -i/);
  });

  it('a binary file: located message, no crash', async () => {
    const e = await parseError(tmp('bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0xff])));
    assert.match(e.message, /bin:1: expected a text report, got binary data/);
  });

  it('a perf report: detected and read by its own parser, never fed to perf script', async () => {
    const r = await parseFile(corpusFile('perf-6.1-captures/g_children_default.txt'), 'g_children_default.txt');
    assert.equal(r.format, 'perf-report');
    assert.equal(r.model.kind, 'perf-report');
  });

  it('a perf report forced through the perf script parser: points at the first line that does not fit', async () => {
    const e = await parseError(corpusFile('perf-6.1-captures/ng_quiet.txt'), { format: 'perf-script' });
    assert.equal(e.line, 1);
    assert.match(e.message, /expected a perf script sample header .* got: +59\.11%.*this looks like perf report output/);
  });

  it('an empty file: clear message', async () => {
    const e = await parseError(tmp('empty.txt', ''));
    assert.match(e.message, /empty.txt:1: .*empty file/);
  });

  it('a truncated perf script: parses what is there, warns at the cut sample', async () => {
    const full = readCorpus('flamegraph/test/perf-java-stacks-01.txt');
    const cut = full.slice(0, Math.floor(full.length / 2));
    const r = await parseFile(tmp('cut.txt', cut), 'cut.txt');
    assert.ok(stackModel(r.model).samples > 10);
    const last = r.model.warnings.at(-1)!;
    assert.match(last.message, /input ends inside this sample/);
    assert.ok(last.line > 100);
  });

  it('UTF-16 with a byte order mark (LE and BE, from a file and from a pipe one byte at a time): decoded, same stacks as UTF-8', async () => {
    const text = readCorpus('flamegraph/test/perf-vertx-stacks-01.txt');
    const utf8 = await parseFile(tmp('utf8.txt', text), 'utf8.txt');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le); // swap every byte pair of the LE bytes (BOM included) to get BE
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    assert.deepEqual([be[0], be[1]], [0xfe, 0xff]);
    for (const [name, bytes] of [['le.txt', le], ['be.txt', be]] as const) {
      const fromFile = await parseFile(tmp(name, bytes), name);
      assert.equal(fromFile.format, 'perf-script', name);
      assert.deepEqual(sortedStacks(fromFile.model), sortedStacks(utf8.model), name);
      const bytewise = Readable.from((function* () {
        for (let i = 0; i < Math.min(bytes.length, 4096); i++) yield bytes.subarray(i, i + 1);
        yield bytes.subarray(4096);
      })());
      const fromPipe = await parseFile(bytewise, name);
      assert.equal(fromPipe.model.warnings.length, fromFile.model.warnings.length, name);
      assert.deepEqual(sortedStacks(fromPipe.model), sortedStacks(utf8.model), name);
    }
  });

  it('invalid UTF-8: parses, warns with the line', async () => {
    const text = Buffer.concat([Buffer.from('a 1 1.000001: cycles: \n\t1 f (/x)\n\na 1 1.000002: cycles: \n\t1 g'), Buffer.from([0xff, 0xfe]), Buffer.from(' (/x)\n\n')]);
    const r = await parseFile(tmp('bad-utf8.txt', text), 'bad-utf8.txt');
    assert.equal(stackModel(r.model).samples, 2);
    assert.deepEqual(r.model.warnings[0], { line: 5, message: 'invalid UTF-8 here (and maybe later); bad bytes are shown as �' });
  });

  it('a 100 MB single line: skipped with a warning, memory stays bounded, the rest parses', async function () {
    this.timeout(60000);
    const p = join(dir, 'long.txt');
    const fd = openSync(p, 'w');
    writeSync(fd, 'a 1 1.000001: cycles: \n\t1 f (/x)\n\n');
    const block = Buffer.alloc(1 << 20, 'x');
    for (let i = 0; i < 100; i++) writeSync(fd, block);
    writeSync(fd, '\na 1 1.000002: cycles: \n\t1 g (/x)\n\n');
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const r = await parseFile(p, 'long.txt', { format: 'perf-script' });
    assert.ok(process.memoryUsage().rss - before < 150 * 2 ** 20, 'rss grew by more than 150 MiB');
    assert.deepEqual([...stacksOf(stackModel(r.model)).keys()], ['a;f', 'a;g']);
    assert.deepEqual(r.model.warnings[0], { line: 4, message: 'line of 104857600 characters skipped (longer than any perf script line)' });
  });

  it('reads from a stream (stdin) and detects the format', async () => {
    const r = await parseFile(Readable.from(['a;b 1\n', 'a;c 2\n']), '<stdin>');
    assert.equal(r.format, 'folded');
    assert.equal(stackModel(r.model).samples, 2);
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(parseFile(corpusFile('flamegraph/test/perf-vertx-stacks-01.txt'), 'x', { signal: ac.signal }), /cancelled/);
  });
});
