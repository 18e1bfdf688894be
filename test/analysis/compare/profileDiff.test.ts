import { strict as assert } from 'node:assert';
import { parseFolded } from '../../../src/parsers/folded';
import { mergeCallTrees } from '../../../src/analysis/compare/mergeProfiles';
import { diffProfiles, profileDiffTable } from '../../../src/analysis/compare/profileDiff';
import { checkTable, numberCell } from '../../../src/model/table';
import { foldedStacks } from '../../../src/analysis/folded';

const run = (label: string, text: string) => ({ label, tree: parseFolded(text, label).tree });
const on = { stripHex: true, stripSuffixes: true };

describe('mergeCallTrees', () => {
  it('one column per run, frames matched by path and by matched name, absent frames weigh 0', () => {
    const t = mergeCallTrees([run('a', 'm;f.isra.0 3\nm;g 1\n'), run('b', 'm;f 2\nm;h 6\n')], on, 1);
    assert.deepEqual(t.columns.map((c) => c.label), ['a', 'b']);
    assert.deepEqual(Object.fromEntries(foldedStacks(t, 0)), { 'm;f': 3, 'm;g': 1 });
    assert.deepEqual(Object.fromEntries(foldedStacks(t, 1)), { 'm;f': 2, 'm;h': 6 });
    // Shape from run b: its widest child first.
    assert.equal(t.names[t.nodeName[2]], 'h');
    assert.equal(t.columns[0].total[0], 4);
    assert.equal(t.columns[1].total[0], 8);
  });
});

describe('diffProfiles', () => {
  // Baseline: 10 samples, f self 5 (50%), g self 5. New: 20 samples, f self 5 (25%), g 10, k 5 (new).
  const diff = diffProfiles([run('base', 'm;f 5\nm;g 5\n'), run('new', 'm;f 5\nm;g 10\nm;k 5\n')]);

  it('gives self and total shares per run, sorted by the largest change of self share', () => {
    assert.deepEqual(diff.totals, [10, 20]);
    assert.deepEqual(diff.functions.map((f) => f.name), ['f', 'k', 'g', 'm']);
    const f = diff.functions[0];
    assert.deepEqual(f.self, [50, 25]);
    assert.deepEqual(f.total, [50, 25]);
  });

  it('as a table: deltas in points, ratio, weighted diff and presence', () => {
    const t = profileDiffTable(diff, [1, 1]);
    assert.equal(checkTable(t), undefined);
    const row = (name: string) => t.rows.find((r) => r.cells[0] === name)!;
    assert.equal(numberCell(t, row('f'), 'deltaSelf1'), -25);
    assert.equal(numberCell(t, row('f'), 'ratio1'), 0.5);
    assert.equal(numberCell(t, row('g'), 'wdiff1'), 5);
    assert.equal(numberCell(t, row('k'), 'ratio1'), undefined, 'no ratio without a baseline share');
    assert.equal(row('k').cells.at(-1), 'only in new');
    assert.equal(row('m').cells.at(-1), 'all runs');
    assert.equal(numberCell(t, row('m'), 'deltaTotal1'), 0);
  });

  it('rejects fewer than two runs and a baseline that is not a run', () => {
    assert.throws(() => diffProfiles([run('a', 'x 1\n')]), /at least two runs/);
    assert.throws(() => diffProfiles([run('a', 'x 1\n'), run('b', 'x 1\n')], { baseline: 2 }), /baseline 2/);
  });
});
