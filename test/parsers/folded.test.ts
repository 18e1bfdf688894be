import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { parseFolded, FoldedParser } from '../../src/parsers/folded';
import { toFoldedText } from '../../src/analysis/folded';
import { readCorpus, sortedLines } from '../helpers/corpus';

describe('folded stacks parser', () => {
  it('reads inferno fractional samples and sums duplicate stacks', () => {
    const p = parseFolded(readCorpus('inferno/tests/data/flamegraph/fractional-samples/fractional.txt'));
    assert.equal(p.warnings.length, 0);
    assert.equal(stacksOf(p).get('cksum;cksum'), 6.1);
    assert.equal(stacksOf(p).get('cksum;_start;__libc_start_main;main;cksum'), 31.23);
  });

  it('round-trips FlameGraph collapsed results byte for byte (after sorting)', () => {
    for (const f of ['perf-vertx-stacks-01-collapsed-all.txt', 'perf-rust-Yamakaky-dcpu-collapsed-addrs.txt', 'perf-java-stacks-01-collapsed-jit.txt']) {
      const text = readCorpus(`flamegraph/test/results/${f}`);
      assert.deepEqual(sortedLines(toFoldedText(stacksOf(parseFolded(text)))), sortedLines(text), f);
    }
  });

  it('keeps frames with spaces and templates', () => {
    const p = parseFolded(readCorpus('inferno/tests/data/flamegraph/fractional-samples/tricky-stack.txt'));
    assert.equal(p.warnings.length, 0);
    assert.ok([...stacksOf(p).keys()].some((k) => k.includes('<alloc::vec::Vec<T> as alloc::vec::SpecExtend<T, I>>::from_iter')));
  });

  it('reports each bad line with its line number and keeps the good ones', () => {
    const p = parseFolded(readCorpus('inferno/tests/data/flamegraph/bad-lines/bad-lines.txt'));
    assert.deepEqual(
      p.warnings.map((w) => w.line),
      [3, 6],
    );
    assert.match(p.warnings[0].message, /expected 'frame;frame;… COUNT', got: THIS IS A BAD LINE/);
    assert.equal(stacksOf(p).get('noploop;main'), 274 * 2);
  });

  it('takes the second count of differential (difffolded) input, with a warning', () => {
    const p = parseFolded(readCorpus('inferno/tests/data/flamegraph/differential/perf-cycles-instructions-01-collapsed-all-diff.txt'));
    assert.equal(stacksOf(p).get('cksum;cksum'), 2);
    assert.match(p.warnings[0].message, /differential/);
  });

  it('takes a TAB before the count and ignores white space after it; keeps spaces that end a frame', () => {
    const p = parseFolded('main;foo\t5\nmain;bar 3  \nmain;  2\n');
    assert.deepEqual([...stacksOf(p)], [['main; ', 2], ['main;bar', 3], ['main;foo', 5]]);
    assert.deepEqual(p.warnings, []);
  });

  it('drops a UTF-8 byte order mark', () => {
    assert.deepEqual([...stacksOf(parseFolded('\uFEFFa;b 1\na;c 2\n')).keys()], ['a;b', 'a;c']);
  });

  it('handles CRLF, a missing final newline and chunks split anywhere', () => {
    const text = 'a;b 1\r\na;c 2.5\r\na;b 3';
    for (const size of [1, 2, 5, 100]) {
      const f = new FoldedParser();
      for (let i = 0; i < text.length; i += size) f.push(text.slice(i, i + size));
      f.end();
      assert.deepEqual([...stacksOf(f.toModel('t'))], [['a;b', 4], ['a;c', 2.5]]);
    }
  });

  it('warns once about differential input, however many two-count lines follow', () => {
    const p = parseFolded('a;b 1 2\na;c 3 4\na;d 5 6\n');
    assert.deepEqual([...stacksOf(p)], [['a;b', 2], ['a;c', 4], ['a;d', 6]]);
    assert.deepEqual(p.warnings, [{ line: 1, message: 'differential folded input (two counts): showing the second count' }]);
  });

  it('reads a one-frame stack whose frame is a number (a pid) as a stack, not as a count', () => {
    const p = parseFolded('1234 5\n4321 7\n');
    assert.deepEqual([...stacksOf(p)], [['1234', 5], ['4321', 7]]);
    assert.deepEqual(p.warnings, []);
  });

  it('rejects a line that is only a count', () => {
    const p = parseFolded('123\na;b 1\n');
    assert.deepEqual([...stacksOf(p)], [['a;b', 1]]);
    assert.deepEqual(p.warnings, [{ line: 1, message: "expected 'frame;frame;… COUNT', got: 123" }]);
    assert.equal(p.samples, 1);
  });

  it('keeps stacks deeper than its first frame buffer (300 frames)', () => {
    const frames = Array.from({ length: 300 }, (_, i) => `f${i}`);
    const p = parseFolded(`${frames.join(';')} 3\n${frames.slice(0, 280).join(';')} 1\n`);
    assert.deepEqual([...stacksOf(p)].sort(), [
      [frames.slice(0, 280).join(';'), 1],
      [frames.join(';'), 3],
    ]);
  });

  it('model: counts, no events, the source as root label, "<text>" when unnamed', () => {
    const p = parseFolded('a;b 2\n', 'perf.folded');
    assert.equal(p.source, 'perf.folded');
    assert.equal(p.tree.columns[0].label, 'perf.folded');
    assert.deepEqual(p.events, []);
    assert.equal(p.weight, 'count');
    assert.equal(parseFolded('a 1\n').source, '<text>');
  });

  it('skips an over-long line saying why', () => {
    const p = parseFolded(`a;b 1\n${'x'.repeat((1 << 20) + 1)} 1\nc 2\n`);
    assert.deepEqual([...stacksOf(p)], [['a;b', 1], ['c', 2]]);
    assert.deepEqual(p.warnings, [{ line: 2, message: `line of ${(1 << 20) + 3} characters skipped (too long for a folded stack)` }]);
  });
});
