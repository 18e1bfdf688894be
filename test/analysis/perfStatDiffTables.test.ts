/** The Tables view of perf diff and perf stat reports (what 'PerfLens: Show Report (Tables)' shows). */
import { strict as assert } from 'node:assert';
import { reportTables, tablesView } from '../../src/analysis/reportTables';
import { checkTable, numberCell } from '../../src/model/table';
import { parsePerfDiff } from '../../src/parsers/perf-diff';
import { parsePerfStat } from '../../src/parsers/perf-stat';
import { formatById } from '../../src/parsers/formats';
import { readCorpus } from '../helpers/corpus';

describe('tables of perf diff and perf stat', () => {
  it('perf diff: one table per event in perf order, rows linked to their lines, bars on the baseline', () => {
    const text = readCorpus('perf-6.1-captures/diff3.txt');
    const [t] = reportTables(parsePerfDiff(text, 'diff3.txt'));
    assert.equal(checkTable(t), undefined);
    assert.equal(t.group, 'cpu-clock:pppH');
    assert.deepEqual(t.bars, ['baseline/0']);
    assert.equal(t.sortBy, undefined, "perf's own order (by |delta|) is kept");
    const lines = text.split('\n');
    assert.ok(lines[t.rows[0].line - 1].includes('leaf_a'));
    assert.equal(numberCell(t, t.rows[0], 'deltaAbs/2'), -0.65);
    assert.equal(tablesView(parsePerfDiff(text), 'x')?.meta.format, 'perf-diff');
  });

  it('perf stat: one table per block with noise (-r) and the first metric; -I adds the time key', () => {
    const r = reportTables(parsePerfStat(readCorpus('perf-6.1-captures/stat_r.txt')));
    assert.equal(r.length, 1);
    assert.equal(checkTable(r[0]), undefined);
    assert.equal(r[0].title, "./t");
    assert.deepEqual(
      r[0].columns.map((c) => c.id),
      ['event', 'value', 'unit', 'noise', 'metric', 'metricUnit'],
    );
    assert.deepEqual(r[0].rows[1].cells, ['context-switches', 264, '', 4.16, 227.199, '/sec']);
    assert.deepEqual(r[0].rows[4].cells, ['cycles', null, '<not supported>', null, null, null]);
    const runs = reportTables(parsePerfStat(readCorpus('perf-stat/grahamking-two_sum/perf_stat.txt')));
    assert.deepEqual(
      runs.map((t) => t.title),
      ['1. ./target/release/two_sum 300 l', '2. ./target/release/two_sum 300 m', '3. ./target/release/two_sum 300 s'],
    );
    const mux = reportTables(parsePerfStat(readCorpus('easyperf-blog/_posts_2018-12-29-Understanding-IDQ_UOPS_NOT_DELIVERED__block08.perf-stat.txt')))[0];
    assert.deepEqual(mux.bars, ['running']);
    const [iv] = reportTables(parsePerfStat(readCorpus('perf-6.1-captures/stat_I.txt')));
    assert.deepEqual(iv.keys, ['time', 'event']);
    assert.equal(iv.group, 'intervals');
  });

  it('perf stat: continuation metrics in their own column, as perf printed them', () => {
    const m = parsePerfStat(" Performance counter stats for 'x':\n\n     1,040,406      instructions   #    0.92  insn per cycle\n                                    #    0.50  stalled cycles per insn\n     1,130,432      cycles\n");
    const [t] = reportTables(m);
    assert.equal(checkTable(t), undefined);
    assert.deepEqual(t.rows.map((r) => r.cells), [
      ['instructions', 1040406, '', 0.92, 'insn per cycle', '0.50 stalled cycles per insn'],
      ['cycles', 1130432, '', null, null, null],
    ]);
  });

  it('both formats offer the Tables view', () => {
    for (const id of ['perf-diff', 'perf-stat']) assert.ok(formatById(id)!.views.includes('tables'), id);
  });
});
