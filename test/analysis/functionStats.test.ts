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
