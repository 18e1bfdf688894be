import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from '../../../src/io/parseFile';
import { diffText } from '../../../src/cli/diff';
import { parseRunLog } from '../../../src/parsers/run-log';
import { reportTables } from '../../../src/analysis/reportTables';
import { compareTableRuns, runsWithinOneLog } from '../../../src/analysis/compare/compareTables';
import { repeatedMetricsTable, withMetricStatistics } from '../../../src/analysis/compare/metricRepeats';
import { numberCell, checkTable, type Table } from '../../../src/model/table';

// Seed 001's method typed as a run log: each configuration repeated 5 times.
const BASE = { Throughput: [100, 102, 98, 101, 99], 'CPU Util': [50, 50, 51, 49, 50], 'Drop rate': [1, 1, 1, 1, 9] };
const ZC = { Throughput: [120, 118, 125, 119, 121], 'CPU Util': [50, 49, 51, 50, 52], 'Drop rate': [1, 1, 1, 1, 1] };
function log(): string {
  const block = (name: string, m: Record<string, number[]>, i: number, extra = '') =>
    `------- ${name}-RUN-${i + 1} Run Metrics -------\n${Object.entries(m).map(([k, v]) => `${k}: ${v[i]}\n`).join('')}${extra}\n`;
  return [0, 1, 2, 3, 4].map((i) => block('base', BASE, i, 'Power: 230\n')).join('') + [0, 1, 2, 3, 4].map((i) => block('zc', ZC, i)).join('');
}
const model = parseRunLog(log());
const runs = runsWithinOneLog(reportTables(model), model.facts);
const cell = (t: Table, metric: string, id: string) => t.rows.find((r) => r.cells[0] === metric)!.cells[t.columns.findIndex((c) => c.id === id)];

describe('statistics over repeated runs of a run log (per metric)', () => {
  it('groups base-RUN-N and zc-RUN-N, and gives n, mean, median, sd, min, max per metric', () => {
    assert.equal(model.warnings.length, 0, JSON.stringify(model.warnings));
    assert.equal(runs.length, 10);
    const t = repeatedMetricsTable(runs, 0)!;
    assert.equal(checkTable(t), undefined);
    assert.match(t.title, /^A = base \(n=5\) baseline, B = zc \(n=5\): value per metric, Mann-Whitney U/);
    const row = t.rows.find((r) => r.cells[0] === 'Throughput')!;
    assert.equal(numberCell(t, row, 'n0'), 5);
    assert.equal(numberCell(t, row, 'mean0'), 100);
    assert.equal(numberCell(t, row, 'median1'), 120);
    // sd of 100,102,98,101,99: sqrt((0+4+4+1+1)/4).
    assert.equal(numberCell(t, row, 'sd0'), Math.round(Math.sqrt(10 / 4) * 1e4) / 1e4);
    assert.equal(numberCell(t, row, 'min1'), 118);
    assert.equal(numberCell(t, row, 'max1'), 125);
  });

  it('benchstat verdicts: fully separated 5+5 is significant (exact p = 2/252), overlapping is ~, outliers named', () => {
    const t = repeatedMetricsTable(runs, 0)!;
    assert.equal(cell(t, 'Throughput', 'p1'), Math.round((2 / 252) * 1e4) / 1e4);
    assert.equal(cell(t, 'Throughput', 'verdict1'), '+20.00%');
    assert.equal(cell(t, 'CPU Util', 'verdict1'), '~');
    assert.equal(cell(t, 'Drop rate', 'outliers0'), 'base-RUN-5 (9)');
    assert.equal(t.rows[0].cells[0], 'Throughput', 'the significant change first');
    // A metric only the baseline printed: no samples in zc, nothing to tell.
    assert.equal(cell(t, 'Power', 'n1'), 0);
    assert.equal(cell(t, 'Power', 'verdict1'), '?');
  });

  it('the baseline is the configuration of the baseline run; trimming keeps 3 of 5, too few to tell', () => {
    const swapped = repeatedMetricsTable(runs, 7)!;
    assert.match(swapped.title, /B = zc \(n=5\) baseline/);
    assert.equal(cell(swapped, 'Throughput', 'verdict0'), '-16.67%');
    const trimmed = repeatedMetricsTable(runs, 0, { trim: true })!;
    assert.match(trimmed.title, /\(n=3\) baseline, .*\(n=3\).*first and last run dropped/);
    assert.equal(cell(trimmed, 'Throughput', 'verdict1'), '?');
    assert.equal(cell(trimmed, 'Throughput', 'mean0'), Math.round(((102 + 98 + 101) / 3) * 1e4) / 1e4);
  });

  it('no statistics for runs that are no repeats (seed 000-like single runs)', () => {
    assert.equal(repeatedMetricsTable([runs[0], runs[5]], 0), undefined);
    assert.equal(repeatedMetricsTable(runs.map((r, i) => ({ ...r, name: `run${String.fromCharCode(97 + i)}` })), 0), undefined);
  });
});

describe('a table comparison with repeated runs', () => {
  it('gets the statistics as its first table, flagged; without repeats it is unchanged', () => {
    const c = compareTableRuns(runs, 0);
    const withStats = withMetricStatistics(c, runs, { trim: true });
    assert.equal(withStats.statistics, true);
    assert.equal(withStats.tables.length, c.tables.length + 1);
    assert.match(withStats.tables[0].title, /first and last run dropped/);
    assert.deepEqual(withStats.tables.slice(1), c.tables);
    const two = compareTableRuns([runs[0], runs[5]], 0);
    assert.equal(withMetricStatistics(two, [runs[0], runs[5]]), two);
  });
});

describe('perflens diff --repeats over a run log', () => {
  it('prints the per-metric statistics, the baseline named by configuration; says when the runs are no repeats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perflens-repeats-'));
    const file = join(dir, 'zc-repeats.run-log');
    writeFileSync(file, log());
    const parsed = [await parseFile(file, file)];
    const args = { files: [file], parsed, output: 'json' as const, folded: false, normalize: false, stripHex: false, matchSymbols: true, limit: 30, repeats: { trim: false, test: 'mann-whitney' as const, share: 'total' as const } };
    const rows = (JSON.parse(diffText({ ...args, baseline: 'zc' })) as { rows: Array<Record<string, unknown>> }).rows;
    const throughput = rows.find((r) => r.metric === 'Throughput')!;
    assert.equal(throughput.mean0, 100);
    assert.equal(throughput.verdict0, '-16.67%');
    const text = diffText({ ...args, output: 'text', runs: ['1', '2', '6'] });
    assert.match(text, /^A = base \(n=2\) baseline, B = zc \(n=1\): value per metric/);
    assert.throws(() => diffText({ ...args, runs: ['1', '6'] }), /--repeats needs runs with metrics repeated in at least two configurations, named like NAME-RUN-1 \(found base x1, zc x1\)/);
  });
});
