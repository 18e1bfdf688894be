/** What every line parser shares (shared/lineParser.ts), seen through the folded parser. */
import { strict as assert } from 'node:assert';
import { FoldedParser } from '../../src/parsers/folded';

function parseChunks(chunks: string[]): FoldedParser {
  const p = new FoldedParser();
  for (const c of chunks) p.push(c);
  p.end();
  return p;
}

describe('LineParser', () => {
  it('keeps the line of the first invalid UTF-8, not of a later chunk', () => {
    const p = parseChunks(['a;b 1\n', 'a;\uFFFD 2\n', 'c 3\n', 'd\uFFFD 4\n', 'e 5\n']);
    assert.equal(p.invalidUtf8Line, 2);
  });

  it('keeps the first 200 characters of the first unrecognized line', () => {
    const long = 'z'.repeat(300);
    const p = parseChunks([`${long}\nother bad\n`]);
    assert.deepEqual(p.firstUnrecognized, { line: 1, text: 'z'.repeat(200) });
  });

  it('quotes an unrecognized line whole up to 120 characters, cut with … beyond', () => {
    const prefix = "expected 'frame;frame;… COUNT', got: ";
    const exact = 'q'.repeat(120);
    const p = parseChunks([`${exact}\n${exact}r\n`]);
    assert.deepEqual(
      p.warnings.items.map((w) => w.message),
      [`${prefix}${exact}`, `${prefix}${exact}…`],
    );
  });
});
