/**
 * The cheap line scan behind perf script folding and the outline, at its edges: white-space-only
 * separators, very long header lines, documents that are all header block or have none.
 */
import { strict as assert } from 'node:assert';
import { headerBlock, sampleBlocks } from '../../src/parsers/perf-script/layout';

const scan = (lines: string[]) => sampleBlocks(lines.length, (i) => lines[i]);
const head = (lines: string[]) => headerBlock(lines.length, (i) => lines[i]);

describe('perf script layout: sample blocks', () => {
  it('ends a sample at a line of only white space, as at an empty line', () => {
    const lines = ['perf 1 [000] 1.000001: 1 cycles:', '\t7f00 f (/x)', '   ', 'java 2 [000] 1.000002: 1 cycles:', '\t7f01 g (/x)', '\t \t'];
    assert.deepEqual(scan(lines), [
      { header: 0, last: 1, comm: 'perf' },
      { header: 3, last: 4, comm: 'java' },
    ]);
  });

  it('reads a header up to 4096 characters long; a longer line is no header', () => {
    const header = (length: number): string => {
      const start = 'perf 1 [000] 1.000001: 1 cycles:  7f00 ';
      return start + 'h'.repeat(length - start.length - ' (/x)'.length) + ' (/x)';
    };
    assert.equal(header(4096).length, 4096);
    assert.deepEqual(scan(['', header(4096), '\t7f00 f (/x)']), [{ header: 1, last: 2, comm: 'perf' }]);
    assert.deepEqual(scan(['', header(4097), '\t7f00 f (/x)']), []);
  });

  it('takes right-aligned comms (no-callchain output) as headers, one block each', () => {
    const lines = ['            perf 1 [000] 1.000001: 1 cycles:  7f00 f (/x)', '         swapper 0 [001] 1.000002: 1 cycles:  7f01 g (/x)'];
    assert.deepEqual(scan(lines), [
      { header: 0, last: 0, comm: 'perf' },
      { header: 1, last: 1, comm: 'swapper' },
    ]);
  });
});

describe('perf script layout: the --header block', () => {
  it('is the run of leading # lines, to the last line of a document that has nothing else', () => {
    assert.deepEqual(head(['# ========', '# captured on: Thu Jul  9 17:14:37 2015', '# ========']), [0, 2]);
    assert.deepEqual(head(['# ========', '# cmdline : /usr/bin/perf record -g', '# ========', '#', 'perf 1 [000] 1.0: 1 cycles:']), [0, 3]);
  });

  it('is absent when the document does not start with # lines, or has only one', () => {
    assert.equal(head(['perf 1 [000] 1.000001: 1 cycles:', '\t7f00 f (/x)']), undefined);
    assert.equal(head(['# one line', 'perf 1 [000] 1.000001: 1 cycles:']), undefined);
    assert.equal(head([]), undefined);
  });
});
