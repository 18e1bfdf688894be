/**
 * diffFolded against inferno's own diff-folded expectations (tests/data/diff-folded/results in the
 * corpora): the same stacks with the same two counts, whatever the order (inferno writes a hash map).
 */
import { strict as assert } from 'node:assert';
import { parseFolded } from '../../../src/parsers/folded';
import { diffFolded } from '../../../src/analysis/compare/foldedDiff';
import { matchName, stripHexAddresses } from '../../../src/analysis/compare/symbols';
import { readCorpus, sortedLines } from '../../helpers/corpus';
import { stacksOf } from '../../helpers/golden';

const DIR = 'inferno/tests/data/diff-folded';
const stacks = (name: string): Map<string, number> => stacksOf(parseFolded(readCorpus(`${DIR}/${name}`), name));
const lines = (d: ReturnType<typeof diffFolded>): string[] => d.stacks.map(([s, a, b]) => `${s} ${a} ${b}`).sort();

describe('diffFolded (inferno diff-folded expectations)', () => {
  const cases: Array<[string, string, string, Parameters<typeof diffFolded>[2]]> = [
    ['default', 'before.txt', 'results/default.txt', {}],
    ['normalize', 'before.txt', 'results/normalize.txt', { normalize: true }],
    ['strip hex', 'before.txt', 'results/strip_hex.txt', { stripHex: true }],
    ['fractional counts truncated', 'before_fractionals.txt', 'results/fractionals.txt', {}],
  ];
  for (const [name, before, expected, options] of cases) {
    it(name, () => {
      const d = diffFolded(stacks(before), stacks('after.txt'), { integerCounts: true, ...options });
      assert.deepEqual(lines(d), sortedLines(readCorpus(`${DIR}/${expected}`)));
    });
  }

  it('keeps fractional counts unless asked to truncate (FlameGraph perl keeps them)', () => {
    const d = diffFolded(new Map([['a;b', 1.5]]), new Map([['a;b', 2]]));
    assert.deepEqual(d.stacks, [['a;b', 1.5, 2]]);
    assert.deepEqual(d.totals, [1.5, 2]);
  });

  it('normalises the first profile to the second total; an empty first profile stays empty', () => {
    assert.deepEqual(diffFolded(new Map([['a', 1], ['b', 3]]), new Map([['a', 8]]), { normalize: true }).stacks, [
      ['a', 2, 8],
      ['b', 6, 0],
    ]);
    assert.deepEqual(diffFolded(new Map(), new Map([['a', 8]]), { normalize: true }).stacks, [['a', 0, 8]]);
  });
});

describe('symbol matching across runs', () => {
  const on = { stripHex: true, stripSuffixes: true };
  it('masks addresses and drops offsets and compiler clone suffixes, keeping annotations', () => {
    assert.equal(stripHexAddresses('f 0x7fa3;0xABC g 0x'), 'f 0x...;0x... g 0x');
    assert.equal(matchName('tcp_sendmsg+0x1a', on), 'tcp_sendmsg');
    assert.equal(matchName('memcpy_erms+0x1a/0x40', on), 'memcpy_erms');
    assert.equal(matchName('ip_finish_output2.isra.0', on), 'ip_finish_output2');
    assert.equal(matchName('foo.constprop.3.cold', on), 'foo');
    assert.equal(matchName('foo.part.1_[k]', on), 'foo_[k]');
    assert.equal(matchName('[unknown] 0x7f12', on), '[unknown] 0x...');
    assert.equal(matchName('foo.isra.0', { stripHex: false, stripSuffixes: false }), 'foo.isra.0');
    assert.equal(matchName('a.b.c', on), 'a.b.c');
  });
});
