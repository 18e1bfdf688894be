import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRunLog } from '../../src/parsers/run-log';
import { reportTables } from '../../src/analysis/reportTables';
import { compareTableRuns, runsWithinOneLog } from '../../src/analysis/compare/compareTables';
import { diffTables } from '../../src/analysis/compare/tableDiff';
import type { Table } from '../../src/model/table';
import { chartColumns, defaultChartColumn, tableChartData } from '../../webview/compare/tableChart';
import { FIXTURES } from '../helpers/golden';

const model = parseRunLog(readFileSync(resolve(FIXTURES, 'run-log/iommu-runs.md'), 'utf8'));
const runs = runsWithinOneLog(reportTables(model), model.facts);

function table(rows: Array<[string, number]>): Table {
  return { title: 't', columns: [{ kind: 'text', id: 'k', label: 'key' }, { kind: 'number', id: 'v', label: 'calls', unit: 'count' }], keys: ['k'], rows: rows.map(([k, v]) => ({ line: 0, cells: [k, v] })) };
}

describe('grouped bars of a table comparison', () => {
  it('a run log\'s metrics (values 1e-6 to 1e9 apart) chart their change in percent, compared runs only, largest change first', () => {
    const c = compareTableRuns([runs[0], runs[3], runs[1]], 1);
    const t = c.tables[0];
    const cols = chartColumns(t);
    assert.deepEqual(cols.map((x) => x.id), ['value', 'value:pct']);
    const chosen = defaultChartColumn(t, cols, undefined, undefined)!;
    assert.equal(chosen.id, 'value:pct');
    const data = tableChartData(t, c.labels, c.baseline, chosen);
    assert.deepEqual(data.series.map((s) => s.label), [c.labels[0], c.labels[2]]);
    // Each bar is the run's change against the baseline run's value of that metric.
    const metric = (name: string, run: number) => runs[run].tables[0].rows.find((r) => r.cells[0] === name)!.cells[1] as number;
    const i = data.categories.indexOf('Throughput');
    assert.ok(i >= 0);
    assert.ok(Math.abs(data.series[0].values[i]! - (100 * (metric('Throughput', 0) - metric('Throughput', 3))) / metric('Throughput', 3)) < 1e-9);
    const firstRun = data.series[0].values.map((v) => Math.abs(v ?? 0));
    assert.deepEqual(firstRun, [...firstRun].sort((a, b) => b - a), 'sorted by the first compared run\'s |change|');
    assert.ok(data.categories.length <= 15);
  });

  it('rows of one scale chart the values of every run side by side, the largest change first; the column asked for wins', () => {
    const d = diffTables([{ label: 'a', table: table([['read', 100], ['write', 50], ['open', 10]]) }, { label: 'b', table: table([['read', 110], ['write', 90], ['open', 9]]) }], { baseline: 0 });
    const cols = chartColumns(d);
    assert.equal(defaultChartColumn(d, cols, undefined, undefined)!.id, 'v');
    const data = tableChartData(d, ['a', 'b'], 0, cols[0]);
    assert.deepEqual(data.categories, ['write', 'read', 'open']);
    assert.deepEqual(data.series, [{ label: 'a (baseline)', values: [50, 100, 10] }, { label: 'b', values: [90, 110, 9] }]);
    assert.equal(data.axis, 'calls (count)');
    assert.equal(defaultChartColumn(d, cols, 'v:pct', undefined)!.id, 'v:pct');
    assert.deepEqual(tableChartData(d, ['a', 'b'], 0, cols[1]).series, [{ label: 'b', values: [80, 10, -10] }]);
  });
});
