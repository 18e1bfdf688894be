import { strict as assert } from 'node:assert';
import { parseFolded } from '../../../src/parsers/folded';
import { mergeCallTrees } from '../../../src/analysis/compare/mergeProfiles';
import { partialStacksTable } from '../../../src/analysis/compare/partialStacks';
import { numberCell } from '../../../src/model/table';

const run = (label: string, text: string) => ({ label, tree: parseFolded(text, label).tree });
const on = { stripHex: true, stripSuffixes: true };

describe('stacks in only some of the runs', () => {
  // base: 10 samples; new: 20. m;f in both, m;f;x only in base, m;k (and below it) only in new, m;g in base and third.
  const tree = mergeCallTrees([run('base', 'm;f 4\nm;f;x 2\nm;g 4\n'), run('new', 'm;f 10\nm;k;z 10\n'), run('third', 'm;g 6\nm;f 4\n')], on, 0);
  const t = partialStacksTable(tree, 0);
  const row = (stack: string) => t.rows.find((r) => r.cells[0] === stack);

  it('lists each frame where runs drop out, once (not the frames below it), with its share of every run', () => {
    assert.deepEqual(t.rows.map((r) => r.cells[0]).sort(), ['m;f;x', 'm;g', 'm;k'].sort());
    assert.equal(row('m;k')!.cells.at(-1), 'only in new');
    assert.equal(row('m;f;x')!.cells.at(-1), 'only in base');
    assert.equal(row('m;g')!.cells.at(-1), 'only in base, third');
    assert.equal(numberCell(t, row('m;k')!, 'total1'), 50);
    assert.equal(numberCell(t, row('m;k')!, 'total0'), 0);
    assert.equal(numberCell(t, row('m;f;x')!, 'total0'), 20);
    assert.equal(numberCell(t, row('m;g')!, 'total2'), 60);
    assert.equal(row('m;f'), undefined, 'in every run');
  });

  it('largest share in any run first, the baseline named, a limit that says how many there were', () => {
    assert.deepEqual(t.rows.map((r) => r.cells[0]), ['m;g', 'm;k', 'm;f;x']);
    assert.equal(t.columns[1].label, 'Total % base (baseline)');
    const one = partialStacksTable(tree, 0, 1);
    assert.equal(one.rows.length, 1);
    assert.match(one.title, /the 1 largest of 3/);
  });

  it('identical runs: nothing to list', () => {
    assert.equal(partialStacksTable(mergeCallTrees([run('a', 'm;f 1\n'), run('b', 'm;f 3\n')], on, 0), 0).rows.length, 0);
  });
});
