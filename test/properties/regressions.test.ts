/**
 * Inputs the property harness (formats.property.test.ts, npm run fuzz) found, kept as plain
 * regression tests so they stay fixed whatever seed the harness runs with.
 */
import { strict as assert } from 'node:assert';
import { Readable } from 'node:stream';
import { foldedStacks } from '../../src/analysis/folded';
import { parseFile } from '../../src/io/parseFile';
import { ParseError } from '../../src/model/diagnostics';
import { FoldedParser, parseFolded } from '../../src/parsers/folded';
import { parsePerfScript } from '../../src/parsers/perf-script';
import { DEFAULT_MAX_LINE, LineSplitter } from '../../src/parsers/shared/lineSplitter';

const HUGE = '9'.repeat(400); // Number(HUGE) === Infinity

describe('regressions found by the property harness', () => {
  it('a line over the length limit is skipped whether or not a chunk ends inside it', () => {
    const seen = (chunks: string[]): string[] => {
      const out: string[] = [];
      const s = new LineSplitter({ line: (l, n) => out.push(`${n}:${l}`), longLine: (n, len) => out.push(`${n}:long ${len}`) }, 8);
      for (const c of chunks) s.push(c);
      s.end();
      return out;
    };
    // Line 5: 8 characters (the limit) and a CR, as every chunking counts it.
    const text = 'ab\nxxxxxxxxx\ncd\r\nyyyyyyyy\nzzzzzzzz\r\nxxxxxxxxx\r\n';
    const whole = seen([text]);
    assert.deepEqual(whole, ['1:ab', '2:long 9', '3:cd', '4:yyyyyyyy', '5:long 9', '6:long 10']);
    for (let i = 1; i < text.length; i++) assert.deepEqual(seen([text.slice(0, i), text.slice(i)]), whole, `cut at ${i}`);
  });

  it('folded: a line over 1 MiB gives the same model in one chunk as in two (it was counted in one, skipped in two)', () => {
    const text = `a;b 1\n${'c'.repeat(DEFAULT_MAX_LINE)} 1\nd 2\n`;
    const one = parseFolded(text);
    const p = new FoldedParser();
    p.push(text.slice(0, 7));
    p.push(text.slice(7));
    p.end();
    const two = p.toModel('<text>');
    assert.deepEqual([...foldedStacks(one.tree)].sort(), [['a;b', 1], ['d', 2]]);
    assert.deepEqual([...foldedStacks(two.tree)].sort(), [...foldedStacks(one.tree)].sort());
    assert.deepEqual(two.warnings, one.warnings);
    assert.match(one.warnings[0].message, /^line of 1048578 characters skipped/);
  });

  it('folded: a count too large for a double is a bad line, not an Infinity weight', async () => {
    const p = parseFolded(`a;b 2\na;b ${HUGE}\n`);
    assert.deepEqual([...foldedStacks(p.tree)], [['a;b', 2]]);
    assert.equal(p.warnings[0].line, 2);
    await assert.rejects(parseFile(Readable.from([Buffer.from(`false;[unknown] ${HUGE}\n`)]), 'x.folded', { format: 'folded' }), (e) => e instanceof ParseError && e.line === 1);
  });

  it('detection does not depend on where the input is cut: a first chunk of exactly 64 KiB ending inside a line', async () => {
    // One 65537-character line: no complete line within the 64 KiB that detection reads.
    const bytes = Buffer.from(`a;${'x'.repeat(65531)} 1\r\n`);
    assert.equal(bytes.length, 65537);
    const outcome = (chunks: Buffer[]): Promise<string> =>
      parseFile(Readable.from(chunks), 'x.txt').then(
        (r) => `model ${r.format}`,
        (e) => (e instanceof ParseError ? `ParseError ${e.message}` : `crash ${String(e)}`),
      );
    const whole = await outcome([bytes]);
    assert.match(whole, /^ParseError x\.txt:1: expected .*no known report format/);
    assert.equal(await outcome([bytes.subarray(0, 65536), bytes.subarray(65536)]), whole);
  });

  it('perf script: a period too large for a double weighs 1, not Infinity', () => {
    const p = parsePerfScript(`a 1 1.000001: ${HUGE} cycles: \n\t1 f (/x)\n\na 1 1.000002: 5 cycles: \n\t1 f (/x)\n\n`);
    assert.deepEqual([...foldedStacks(p.tree)], [['a;f', 6]]);
    assert.equal(p.weight, 'period');
  });
});
