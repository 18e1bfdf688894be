/**
 * The function table's change column chosen as perf diff's -c: delta, ratio, or wdiff:W1,W2
 * (new self weight × W2 − baseline's × W1, per perf's compute_wdiff), rows ordered by that change.
 */
import { strict as assert } from 'node:assert';
import { parseFolded } from '../../../src/parsers/folded';
import { diffProfiles, profileDiffTable } from '../../../src/analysis/compare/profileDiff';
import { parseWdiffWeights, validChange } from '../../../src/analysis/compare/changeMethod';
import { checkTable, numberCell, type Table } from '../../../src/model/table';

const run = (label: string, text: string) => ({ label, tree: parseFolded(text, label).tree });
// Baseline: 10 samples, f self 5, g self 5. New: 20 samples, f 5, g 10, k 5 (m is only a caller).
const diff = diffProfiles([run('base', 'm;f 5\nm;g 5\n'), run('new', 'm;f 5\nm;g 10\nm;k 5\n')]);
const ids = (t: Table): string[] => t.columns.map((c) => c.id);
const order = (t: Table): string[] => t.rows.map((r) => r.cells[0] as string);
const col = (t: Table, id: string): Record<string, number | undefined> => Object.fromEntries(t.rows.map((r) => [r.cells[0], numberCell(t, r, id)]));

describe('the function table by perf diff computation', () => {
  it('delta: the points columns only, ordered by |Δ self| (f -25, k +25, then g and m 0)', () => {
    const t = profileDiffTable(diff, undefined, 'delta');
    assert.equal(checkTable(t), undefined);
    assert.deepEqual(ids(t), ['function', 'self0', 'total0', 'self1', 'total1', 'deltaSelf1', 'deltaTotal1', 'presence']);
    assert.deepEqual(col(t, 'deltaSelf1'), { f: -25, k: 25, g: 0, m: 0 });
    assert.deepEqual(order(t), ['f', 'k', 'g', 'm']);
  });

  it('ratio: new share / base share, blank without a baseline share, ordered by |ln ratio|', () => {
    const t = profileDiffTable(diff, undefined, 'ratio');
    assert.equal(checkTable(t), undefined);
    assert.deepEqual(ids(t), ['function', 'self0', 'total0', 'self1', 'total1', 'ratio1', 'presence']);
    // f 25%/50% = 0.5, g 50%/50% = 1; k and m have no self share in the baseline.
    assert.deepEqual(col(t, 'ratio1'), { f: 0.5, g: 1, k: undefined, m: undefined });
    assert.deepEqual(order(t), ['f', 'g', 'k', 'm']);
  });

  it('wdiff:1,3: new self × 3 − base self × 1 on raw weights, ordered by its size', () => {
    const t = profileDiffTable(diff, [1, 3], 'wdiff');
    assert.equal(checkTable(t), undefined);
    assert.deepEqual(ids(t), ['function', 'self0', 'total0', 'self1', 'total1', 'wdiff1', 'presence']);
    assert.equal(t.columns[5].label, 'Weighted diff 1,3');
    // f 5×3−5 = 10, g 10×3−5 = 25, k 5×3−0 = 15, m 0.
    assert.deepEqual(col(t, 'wdiff1'), { g: 25, k: 15, f: 10, m: 0 });
    assert.deepEqual(order(t), ['g', 'k', 'f', 'm']);
  });

  it('without a method (the CLI): every column, wdiff only when weighted', () => {
    assert.deepEqual(ids(profileDiffTable(diff)), ['function', 'self0', 'total0', 'self1', 'total1', 'deltaSelf1', 'deltaTotal1', 'ratio1', 'presence']);
    assert.ok(ids(profileDiffTable(diff, [2, 1])).includes('wdiff1'));
  });

  it('weights as perf takes them: two numbers, no 0', () => {
    assert.deepEqual(parseWdiffWeights(' 2, 5'), [2, 5]);
    assert.match(parseWdiffWeights('2') as string, /two numbers/);
    assert.match(parseWdiffWeights('2,x') as string, /two numbers/);
    assert.match(parseWdiffWeights('0,1') as string, /weight of 0/);
  });

  it('a choice from a message or saved state falls back to delta 1,1 when invalid', () => {
    assert.deepEqual(validChange({ method: 'wdiff', weights: [3, 4] }), { method: 'wdiff', weights: [3, 4] });
    assert.deepEqual(validChange({ method: 'bogus' as 'delta', weights: [0, 4] }), { method: 'delta', weights: [1, 1] });
    assert.deepEqual(validChange(undefined), { method: 'delta', weights: [1, 1] });
  });
});
