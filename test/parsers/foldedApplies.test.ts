/** Folded-stack detection and editor features at their edges (survivors of the mutation run). */
import { strict as assert } from 'node:assert';
import { foldedApplies, isFoldedLine } from '../../src/parsers/folded/applies';
import { foldedFormat } from '../../src/parsers/folded';
import { formatHead, type LineReader } from '../../src/parsers/formatDefinition';
import type { FunctionTotals } from '../../src/model/profile';

const head = (text: string) => foldedApplies(formatHead(text));
const doc = (text: string): LineReader => {
  const lines = text.split('\n');
  return { lineCount: lines.length, lineAt: (i) => lines[i] };
};

describe('folded detection', () => {
  it('a folded line: frames, one space or tab, a count; not indented, not a bare count', () => {
    assert.equal(isFoldedLine('a;b 12'), true);
    assert.equal(isFoldedLine('a;b\t1.5'), true);
    assert.equal(isFoldedLine('a;b 12   '), true, 'trailing blanks are fine');
    assert.equal(isFoldedLine('main .5'), true);
    assert.equal(isFoldedLine(' a;b 12'), false, 'indented: a perf script frame line, say');
    assert.equal(isFoldedLine('\ta;b 12'), false);
    assert.equal(isFoldedLine('12'), false);
    assert.equal(isFoldedLine(' 12'), false);
    assert.equal(isFoldedLine('a;b 12x'), false);
    assert.equal(isFoldedLine('a;b'), false);
  });

  it('yes for mostly stacks, maybe for name-count lists, no when other lines win; comments and blanks do not count', () => {
    assert.deepEqual(head('a;b 1\na;c 2\n'), { verdict: 'yes', reason: 'folded stack lines', score: 2 });
    const list = head('read 1\nwrite 2\nopen 3\n');
    assert.equal(list.verdict, 'maybe');
    assert.equal(list.reason, 'lines ending in a count (folded-shaped, but few stacks)');
    assert.equal(list.score, 3);
    assert.equal(head('# comment\n\na;b 1\n').verdict, 'yes');
    assert.equal(head('hello\nworld\na;b 1\n').verdict, 'no');
    assert.equal(head('hello\na;b 1\n').verdict, 'yes', 'as many folded lines as others: still folded');
    assert.equal(head('hello world\nfoo bar\n').reason, 'no folded stack lines');
    // One stacked line among a folded and an other line: 2*1 >= 2 + 1 fails: maybe.
    assert.equal(head('a;b 1\nc 2\nhello\n').verdict, 'maybe');
    // Exactly half stacked counts as yes: 2*2 >= 3 + 1.
    assert.equal(head('a;b 1\nx;y 2\nc 3\nhello\n').verdict, 'yes');
  });
});

describe('folded editor features', () => {
  const editor = foldedFormat.editor!;
  const text = 'java;a;b 3\nperf;x 1\njava;c 2\nbad line\n 5\n';

  it('outline: roots by weight, first line of each, their share', () => {
    const items = editor.outline!(doc(text));
    assert.deepEqual(items.map((i) => [i.name, i.detail, i.start]), [
      ['java', '83.33%', 0],
      ['perf', '16.67%', 1],
    ]);
    assert.deepEqual(editor.outline!(doc('single 4\n')).map((i) => i.name), ['single'], 'a stack of one frame is its own root');
  });

  it('hover: the frame under the cursor, its share, its span; nothing on the count', () => {
    const totals: FunctionTotals = { total: 6, unit: 'samples', byName: new Map([['a', [3, 0] as [number, number]]]) };
    const h = editor.hover!(doc(text), 0, 5, totals)!;
    assert.equal(h.title, 'a');
    assert.deepEqual(h.span, { start: 5, end: 6 });
    assert.deepEqual(h.paragraphs, ['On the stack in 50.00% of samples, leaf in 0.00%.']);
    assert.equal(editor.hover!(doc(text), 0, 7, totals)!.title, 'b', 'the leaf, up to the count');
    assert.equal(editor.hover!(doc(text), 0, 0, totals)!.title, 'java');
    assert.equal(editor.hover!(doc(text), 0, 8, totals), undefined, 'on the space before the count');
    assert.equal(editor.hover!(doc(text), 0, 9, totals), undefined, 'on the count');
    assert.deepEqual(editor.hover!(doc(text), 2, 5, totals)!.paragraphs, [], 'no totals for c: no share');
  });
});
