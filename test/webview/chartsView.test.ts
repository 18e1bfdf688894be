import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chartsView } from '../../src/analysis/chartsView';
import { parseEbpf } from '../../src/parsers/ebpf-csv';
import { parseRunLog } from '../../src/parsers/run-log';
import { VIEW_PAYLOADS } from '../../src/worker/viewPayloads';
import { chartConfig, chartValueText } from '../../webview/charts/chartConfig';
import { FIXTURES } from '../helpers/golden';
import { readCorpus } from '../helpers/corpus';

const SEED = parseRunLog(readFileSync(resolve(FIXTURES, 'run-log/iommu-runs.md'), 'utf8'));
const COLORS = { foreground: 'fg', grid: 'grid', accent: 'accent', palette: ['c0', 'c1'] };

describe('charts view of run logs and eBPF output', () => {
  it('run log: each metric against cores per variant, then each run\'s top functions', () => {
    const v = chartsView(SEED, 'seed')!;
    const scaling = v.charts.filter((c) => c.group === 'scaling');
    assert.equal(scaling.length, 10);
    const tp = scaling[0];
    assert.equal(tp.title, 'Throughput against cores');
    assert.deepEqual(tp.series.map((s) => s.points.map((p) => [p.x, p.y, p.line])), [
      [[8, 221.323, 5], [16, 344.445, 35], [20, 273.807, 65]],
      [[8, 205.745, 99], [16, 278.491, 129], [20, 336.996, 157]],
    ]);
    const tops = v.charts.filter((c) => c.group === 'top functions by total time');
    assert.equal(tops.length, 6);
    assert.deepEqual(tops[0].series[0].points[0], { x: 'page_pool_put_unrefed_page', y: 2273501167146, line: 31 });
    assert.equal(VIEW_PAYLOADS.charts(SEED, 'seed')?.charts.length, 16);
  });

  it('histograms: buckets with the percentile buckets marked', () => {
    const v = chartsView(parseEbpf(readCorpus('bcc/tools/funclatency_example.txt')), 'f')!;
    const h = v.charts.find((c) => c.group === 'histograms')!;
    const marked = h.series[0].points.filter((p) => p.mark);
    // 476 events, cumulative 124, 415, 451, 467, 475, 476: rank 238 (p50) lies in [4096, 8192), 428.4 (p90) in [8192, 16384), 471.24 (p99) in [32768, 65536).
    assert.deepEqual(marked.map((p) => [p.x, p.mark]), [['[4.10 µs, 8.19 µs)', 'p50'], ['[8.19 µs, 16.38 µs)', 'p90'], ['[32.77 µs, 65.54 µs)', 'p99']]);
    assert.match(h.note!, /^estimated from the buckets: p50 5.70 µs/);
    assert.equal(chartsView(parseEbpf('function,count\na,1\n'), 'x'), undefined);
  });

  it('chart.js configs: bars coloured by mark, lines per variant on a linear cores axis, values in the chart unit', () => {
    const v = chartsView(SEED, 'seed')!;
    const line = chartConfig(v.charts[0], COLORS);
    assert.equal(line.type, 'line');
    assert.deepEqual(line.data.datasets.map((d) => [d.label, (d as { borderColor: string }).borderColor, d.data.length]), [
      ['Skip writel inside qi_submit_sync', 'c0', 3],
      ['Skip writel by completely skipping adding inv desc to the queue', 'c1', 3],
    ]);
    const h = chartsView(parseEbpf(readCorpus('bcc/tools/funclatency_example.txt')), 'f')!.charts.find((c) => c.group === 'histograms')!;
    const bar = chartConfig(h, COLORS);
    const bg = bar.data.datasets[0].backgroundColor as string[];
    assert.equal(bg.filter((c) => c === 'accent').length, 3);
    assert.equal(chartValueText(1500, { yUnit: 'ns' }), '1.50 µs');
    assert.equal(chartValueText(1500, { yUnit: 'count' }), '1,500');
    assert.equal(chartValueText(0.0008421404, { yUnit: 'none' }), '0.000842');
    assert.equal(chartValueText(2.16e-6, { yUnit: 'none' }), '0.00000216');
  });
});
