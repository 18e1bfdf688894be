import { strict as assert } from 'node:assert';
import { functionStats } from '../../src/analysis/functionStats';
import { buildCallTree } from '../../src/analysis/callTree';
import { sampleBlocks, headerBlock } from '../../src/parsers/perf-script/layout';
import { readCorpus } from '../helpers/corpus';

describe('functionStats', () => {
  it('counts a function once per stack even when recursive, and leaf weight as self', () => {
    const { functions, total } = functionStats(buildCallTree([['p;a;b;a', 2], ['p;a', 3], ['p;c', 5]]));
    assert.equal(total, 10);
    const byName = Object.fromEntries(functions.map((f) => [f.name, [f.total, f.self]]));
    assert.deepEqual(byName, { p: [10, 0], a: [5, 5], b: [2, 0], c: [5, 5] });
  });

  it('adds up a function under different parents, and lists functions by total, largest first', () => {
    // x under a and under b (siblings: the walk must leave a's branch before b's); y recursive under b.
    const tree = buildCallTree([
      ['a;x', 1],
      ['a;y', 5],
      ['b;x', 3],
      ['b;y;x;y', 4],
      ['c', 20],
    ]);
    const { functions, total } = functionStats(tree);
    assert.equal(total, 33);
    assert.deepEqual(
      functions.map((f) => [f.name, f.total, f.self]),
      [
        ['c', 20, 20],
        ['y', 9, 9],
        ['x', 8, 4],
        ['b', 7, 0],
        ['a', 6, 0],
      ],
    );
  });

  it('an empty tree has no functions and a total of 0', () => {
    const empty = { names: ['all'], nodeName: new Int32Array(0), parent: new Int32Array(0), columns: [{ label: '', total: new Float64Array(0), self: new Float64Array(0) }] };
    assert.deepEqual(functionStats(empty), { functions: [], total: 0 });
  });
});


describe('sampleBlocks (folding and outline of perf script documents)', () => {
  it('finds every sample of a real capture with its comm and extent', () => {
    const lines = readCorpus('perf-6.1-captures/script_sys.txt').split('\n');
    const blocks = sampleBlocks(lines.length, (i) => lines[i]);
    assert.equal(blocks.length, 55);
    assert.equal(blocks[0].comm, 'perf-exec');
    assert.equal(blocks[0].header, 0);
    assert.ok(lines[blocks[0].last + 1] === '');
    for (const b of blocks) assert.ok(b.last >= b.header && !lines[b.header].startsWith('\t'));
  });

  it('reads right-aligned comms of samples without callchains, one line each', () => {
    const lines = readCorpus('perf-6.1-captures/script_ng.txt').split('\n');
    const blocks = sampleBlocks(lines.length, (i) => lines[i]);
    assert.equal(blocks.length, 400);
    assert.ok(blocks.every((b) => b.last === b.header && b.comm === 't'));
  });

  it('finds the # header block', () => {
    const lines = readCorpus('flamegraph/test/perf-java-stacks-01.txt').split('\n');
    assert.deepEqual(headerBlock(lines.length, (i) => lines[i]), [0, 17]);
  });
});
