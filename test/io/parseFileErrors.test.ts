/**
 * parseFile's located errors and bookkeeping, in-process (the mutation run showed these reached
 * only through the CLI): the view a format cannot feed, a forced format with a hint at the right
 * one, an empty input, a long unrecognised line cut in the message, bytes counted, cancellation.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parseFile, requireStackProfile, requireView } from '../../src/io/parseFile';
import { ParseError } from '../../src/model/diagnostics';
import { FIXTURES } from '../helpers/golden';

const strace = resolve(FIXTURES, 'strace-summary/strace-batched.txt');
const perfScript = resolve(FIXTURES, 'compare/pipeline-baseline.perf-script');

async function parseError(p: Promise<unknown>): Promise<ParseError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ParseError, `a ParseError, got ${String(e)}`);
    return e;
  }
  assert.fail('no error');
}

describe('parseFile: errors and bookkeeping', () => {
  it('requireView / requireStackProfile: the model when the format feeds the view, else a located error naming what it reads', async () => {
    const script = await parseFile(perfScript, 'p');
    assert.equal(requireView(script, 'p', 'flameGraph'), script.model);
    assert.equal(requireStackProfile(script, 'p'), script.model);
    const sys = await parseFile(strace, 's');
    assert.throws(() => requireView(sys, 's.txt', 'flameGraph'), (e: ParseError) => e.line === 1 && /^expected perf report output, perf script output or folded stacks, got strace -c summary$/.test(e.expected ?? e.message.replace(/^s\.txt:1: /, '')));
    assert.throws(() => requireStackProfile(sys, 's.txt'), /got strace -c summary/);
    assert.equal(requireView(sys, 's', 'syscallCosts'), sys.model);
  });

  it('a forced format that does not fit says what the input looks like', async () => {
    const e = await parseError(parseFile(strace, 'x.txt', { format: 'folded' }));
    assert.match(e.message, /expected a folded stack line .*, got: .*\(this looks like strace -c summary: /);
  });

  it('no hint when the forced format is the one detected: the message ends with the line it could not read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perflens-hint-'));
    // Looks like perf stat (its banner) but holds no counter: perf stat forced, nothing to add.
    const file = join(dir, 'stat.txt');
    writeFileSync(file, " Performance counter stats for 'true':\n\nnot a counter line\n");
    const e = await parseError(parseFile(file, 'stat.txt', { format: 'perf-stat' }));
    assert.equal(e.line, 3);
    assert.ok(e.message.endsWith(', got: not a counter line'), e.message);
  });

  it('a file that ends inside a UTF-8 character: the rest of it is read, with the invalid UTF-8 warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perflens-tail-'));
    const file = join(dir, 'cut.folded');
    // The last line's frame is cut after the first byte of a 3-byte character (U+20AC).
    writeFileSync(file, Buffer.concat([Buffer.from('main;work 3\nmain;caf'), Buffer.from([0xe2]), Buffer.from([0x82])]));
    const { model } = await parseFile(file, 'cut.folded');
    assert.ok(model.warnings.some((w) => w.line === 2 && /invalid UTF-8/.test(w.message)), JSON.stringify(model.warnings));
  });

  it('closes the file it reads, also when the parse fails (descriptors do not pile up)', async function () {
    if (!existsSync('/proc/self/fd')) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'perflens-fd-'));
    const good = join(dir, 'ok.folded');
    writeFileSync(good, 'main;a 1\nmain;b 2\n');
    const bad = join(dir, 'bad.bin');
    writeFileSync(bad, Buffer.from([0, 1, 2, 0, 0, 0, 7, 0, 0, 0]));
    const fds = (): number => readdirSync('/proc/self/fd').length;
    await parseFile(good, 'ok');
    const before = fds();
    for (let i = 0; i < 20; i++) {
      await parseFile(good, 'ok');
      await parseError(parseFile(bad, 'bad'));
    }
    assert.ok(fds() - before < 5, `${fds() - before} descriptors left open`);
  });

  it('an empty or blank input: expected …, got an empty file', async () => {
    for (const text of ['', '\n\n   \n\t\n']) {
      const e = await parseError(parseFile(Readable.from([text]), 'empty.txt'));
      assert.equal(e.line, 1);
      assert.match(e.message, /got an empty file$/);
    }
  });

  it('cuts a long unrecognised line in the message at 80 characters', async () => {
    const long = 'x'.repeat(300);
    const e = await parseError(parseFile(Readable.from([`${long}\n`]), 'long.txt', { format: 'folded' }));
    assert.ok(e.message.includes(`got: ${'x'.repeat(80)}`), e.message);
    assert.ok(!e.message.includes('x'.repeat(81)), 'no more than 80 characters of it');
  });

  it('counts the bytes read', async () => {
    const parsed = await parseFile(perfScript, 'p');
    assert.equal(parsed.bytes, statSync(perfScript).size);
    const dir = mkdtempSync(join(tmpdir(), 'perflens-parse-'));
    const crlf = join(dir, 'crlf.folded');
    writeFileSync(crlf, 'a;b 1\r\na;c 2\r\n');
    assert.equal((await parseFile(crlf, 'crlf')).bytes, 14);
  });

  it('a cancelled parse rejects with an AbortError', async () => {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(parseFile(perfScript, 'p', { signal: ac.signal }), (e: Error) => e.name === 'AbortError' && /cancelled/.test(e.message));
  });
});
