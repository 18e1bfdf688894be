import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportTables, tablesView } from '../../src/analysis/reportTables';
import { checkTable, numberCell } from '../../src/model/table';
import { parseEbpf } from '../../src/parsers/ebpf-csv';
import { parseRunLog } from '../../src/parsers/run-log';
import { VIEW_PAYLOADS } from '../../src/worker/viewPayloads';
import { chartsView } from '../../src/analysis/chartsView';
import { cellText } from '../../src/analysis/tableText';
import { FIXTURES } from '../helpers/golden';
import { readCorpus } from '../helpers/corpus';

const SEED = readFileSync(resolve(FIXTURES, 'run-log/iommu-runs.md'), 'utf8');

describe('tables view of run logs and eBPF output', () => {
  it('run log: the run matrix first (a row per run, linked to its banner), then each run\'s table marked with its data-quality problems', () => {
    const tables = reportTables(parseRunLog(SEED));
    // The run matrix, the 6 runs' eBPF tables, then the 6 runs' metrics (keyed by metric, for comparisons).
    assert.equal(tables.length, 13);
    assert.equal(tables[12].title, `metrics of ${parseRunLog(SEED).runs[5].name}`);
    for (const t of tables) assert.equal(checkTable(t), undefined, t.title);
    const runs = tables[0];
    assert.equal(runs.title, 'runs');
    assert.deepEqual(runs.rows.map((r) => r.line), [5, 35, 65, 99, 129, 157]);
    assert.deepEqual(runs.rows.map((r) => numberCell(runs, r, 'cores')), [8, 16, 20, 8, 16, 20]);
    assert.deepEqual(runs.rows.map((r) => numberCell(runs, r, 'metric:Throughput')), [221.323, 344.445, 273.807, 205.745, 278.491, 336.996]);
    const first = tables[1];
    assert.equal(first.group, 'eBPF tables by run');
    assert.equal(first.sortBy, 'total_duration_ns');
    assert.deepEqual(first.bars, ['share_of_time']);
    const q = first.columns.findIndex((c) => c.id === 'quality');
    // Row 1 (__iommu_map, variance -0.52) and row 12 (page_pool_put_unrefed_page: 38 ms mean, variance 2.2e13).
    assert.equal(first.rows[1].cells[q], 'negative variance');
    assert.equal(first.rows[12].cells[q], 'outlier, extreme spread');
    assert.equal(first.rows[0].cells[q], null);
    // count_per_page 0.007757 keeps its digits on screen (two decimals would print 0.01).
    const perPage = first.columns.find((c) => c.id === 'count_per_page')!;
    assert.equal(cellText(perPage, 0.007757), '0.00776');
    assert.equal(cellText(perPage, 5.983777e-8), '5.98e-8');
    assert.equal(cellText(perPage, 0.352610), '0.35');
  });

  it('eBPF: histograms as bucket tables with percentiles in the title, maps as key/value tables', () => {
    const hist = reportTables(parseEbpf(readCorpus('bpftrace/tools/runqlat_example.txt')));
    assert.equal(hist.length, 4);
    assert.match(hist[0].title, /^@usecs: p50 25.16 µs, p90 104.99 µs, p99 6.53 ms \(estimated\)$/);
    const last = hist[0].rows.at(-1)!;
    assert.ok(Math.abs(numberCell(hist[0], last, 'cumulative')! - 100) < 1e-9);
    const maps = reportTables(parseEbpf('@c[read]: 3\n@c[write]: 4\n'));
    assert.deepEqual(maps.map((t) => [t.title, t.rows.length]), [['@c', 2]]);
  });

  it('the worker builds the tables payload for both formats', () => {
    assert.equal(VIEW_PAYLOADS.tables(parseRunLog(SEED), 'seed')?.tables.length, 13);
    const v = tablesView(parseEbpf(readFileSync(resolve(FIXTURES, 'ebpf-csv/ebpf_guest_stats.csv'), 'utf8')), 'csv');
    assert.equal(v?.meta.format, 'ebpf-csv');
    assert.equal(v?.tables[0].rows.length, 13);
  });
});

describe('derived metrics from settings in the run matrix and charts', () => {
  it('the parser carries well-formed definitions; the run matrix and the charts evaluate them', () => {
    const log = parseRunLog(SEED, 'seed', {
      derivedMetrics: [{ name: 'ROI', expression: 'Throughput^2 / CPU' }, { name: '', expression: 'x' }, { name: 'broken', expression: 'Throughput *' }, null as unknown as { name: string; expression: string }],
    });
    assert.deepEqual(log.derivedMetrics?.map((d) => d.name), ['ROI', 'broken']);
    const runs = reportTables(log)[0];
    assert.match(runs.title, /^runs \(derived metric 'broken': /);
    const roi = runs.rows.map((r) => numberCell(runs, r, 'metric:derived:ROI'));
    assert.deepEqual(roi, [[221.323, 99.9435], [344.445, 88.65359375], [273.807, 88.6303], [205.745, 18.4179375], [278.491, 99.8200625], [336.996, 99.9726]].map(([t, c]) => (t * t) / c));
    const charts = chartsView(log, 'seed')!.charts.filter((c) => c.group === 'scaling');
    const roiChart = charts.find((c) => c.title === 'ROI against cores')!;
    assert.deepEqual(roiChart.series[1].points.map((p) => p.x), [8, 16, 20]);
    assert.equal(roiChart.series[1].points[0].y, (205.745 * 205.745) / 18.4179375);
  });
});
