import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DerivedMetricError, metricKey, parseDerivedMetric } from '../../src/analysis/derivedMetric';
import { runMatrix } from '../../src/analysis/runMatrix';
import { scalingSeries, topFunctionsByTime } from '../../src/analysis/ebpfCharts';
import { parseRunLog } from '../../src/parsers/run-log';
import { FIXTURES } from '../helpers/golden';

const SEED = parseRunLog(readFileSync(resolve(FIXTURES, 'run-log/iommu-runs.md'), 'utf8'));
const metrics = (o: Record<string, number>) => new Map(Object.entries(o));

describe('derived metrics (jsep parse, own evaluator)', () => {
  it('evaluates seed 001\'s ROI: Throughput^2 / CPU, with ^ above / and right-associative', () => {
    const roi = parseDerivedMetric('ROI', 'Throughput^2 / CPU');
    assert.deepEqual(roi.evaluate(metrics({ Throughput: 221.323, 'CPU Util': 99.9435 })), { value: (221.323 * 221.323) / 99.9435 });
    assert.deepEqual(parseDerivedMetric('p', '2^3^2').evaluate(new Map()), { value: 512 });
    assert.deepEqual(parseDerivedMetric('p', '-2 ** 2 + (1 + 2) * 3').evaluate(new Map()), { value: 13 });
    assert.deepEqual(parseDerivedMetric('f', 'max(a, b) - sqrt(16)').evaluate(metrics({ a: 1, b: 7 })), { value: 3 });
  });

  it('names: case and punctuation insensitive, nested metrics by leaf or full name, unique leading word', () => {
    const m = metrics({ 'Per page stats/IOTLB Miss': 2, 'CPU Util': 4, 'Acks per page': 8 });
    assert.deepEqual(parseDerivedMetric('x', 'IOTLB_Miss * per_page_stats_iotlb_miss').evaluate(m), { value: 4 });
    assert.deepEqual(parseDerivedMetric('x', 'cpu_util + Acks').evaluate(m), { value: 12 });
    assert.equal(metricKey('Per page stats/IOTLB Miss'), 'per_page_stats_iotlb_miss');
  });

  it('clear errors: unknown and ambiguous names, syntax, unsupported constructs, division by zero', () => {
    const m = metrics({ 'IOTLB Miss': 1, 'IOTLB Inv': 2, Throughput: 0 });
    assert.deepEqual(parseDerivedMetric('x', 'Throughputt * 2').evaluate(m), { error: "unknown metric 'Throughputt' (metrics: IOTLB Miss, IOTLB Inv, Throughput)" });
    assert.match((parseDerivedMetric('x', 'IOTLB').evaluate(m) as { error: string }).error, /'IOTLB' is ambiguous: iotlb_miss, iotlb_inv/);
    assert.match((parseDerivedMetric('x', '1 / Throughput').evaluate(m) as { error: string }).error, /not a finite number \(Infinity\)/);
    assert.throws(() => parseDerivedMetric('bad', 'Throughput *'), DerivedMetricError);
    assert.throws(() => parseDerivedMetric('bad', 'a.b'), /MemberExpression is not supported/);
    assert.throws(() => parseDerivedMetric('bad', 'constructor("x")'), /unknown function 'constructor'/);
    assert.throws(() => parseDerivedMetric('bad', '"x" + 1'), /only numbers are allowed as constants/);
    assert.throws(() => parseDerivedMetric('bad', 'a & b'), /operator '&' is not supported/);
    assert.throws(() => parseDerivedMetric('bad', 'sqrt(1, 2)'), /sqrt takes 1 argument/);
  });
});

describe('run matrix', () => {
  it('seed 000: two variants (the headings), runs ordered by cores, metrics, a function and a derived metric', () => {
    const m = runMatrix(SEED, { metrics: ['Throughput', 'CPU Util'], functions: ['qi_submit_sync'], derived: [{ name: 'ROI', expression: 'Throughput^2 / CPU' }] });
    assert.deepEqual(m.columns.map((c) => c.id), ['Throughput', 'CPU Util', 'fn:qi_submit_sync', 'derived:ROI']);
    assert.deepEqual(m.groups.map((g) => g.name), ['Skip writel inside qi_submit_sync', 'Skip writel by completely skipping adding inv desc to the queue']);
    assert.deepEqual(m.groups.map((g) => g.rows.map((r) => r.cores)), [[8, 16, 20], [8, 16, 20]]);
    // Group 2 is printed 8, 16, 20 too, group 1 likewise; the row's banner line is kept for reveal.
    assert.deepEqual(m.groups[1].rows.map((r) => r.line), [99, 129, 157]);
    const [g1r8, g1r16] = m.groups[0].rows;
    assert.deepEqual(g1r8.values, [221.323, 99.9435, 11541.37, (221.323 * 221.323) / 99.9435]);
    assert.deepEqual(g1r16.values.slice(0, 3), [344.445, 88.65359375, 2656.17]);
    // No qi_submit_sync row in group 2's tables.
    assert.deepEqual(m.groups[1].rows.map((r) => r.values[2]), [null, null, null]);
    assert.deepEqual(m.errors, []);
  });

  it('every metric by default; a derived metric that fails is null with its reason, a bad one is reported', () => {
    const m = runMatrix(SEED, { derived: [{ name: 'bad', expression: 'Nope + 1' }, { name: 'broken', expression: '(' }] });
    assert.equal(m.columns.length, 10 + 1);
    const row = m.groups[0].rows[0];
    assert.equal(row.values[10], null);
    assert.match(row.errors!['derived:bad'], /unknown metric 'Nope'/);
    assert.equal(m.errors.length, 1);
    assert.match(m.errors[0], /derived metric 'broken'/);
    assert.equal(row.values[9], 1327972808.688);
    assert.deepEqual([m.columns[9].id, m.columns[9].label], ['Per page stats/PWT Occupancy', 'PWT Occupancy (Per page stats)']);
  });

  it('function figures: share of the run time and count', () => {
    const share = runMatrix(SEED, { metrics: [], functions: ['iommu_map'], functionFigure: 'share' });
    const run1 = SEED.runs[0].tables[0];
    assert.equal(share.groups[0].rows[0].values[0], (23282950277 / run1.totalNs!) * 100);
    assert.equal(share.columns[0].unit, 'percent');
  });
});

describe('eBPF chart data', () => {
  it('throughput against cores per variant (seed 000), and a function figure', () => {
    const s = scalingSeries(SEED, { metric: 'Throughput' });
    assert.deepEqual(s.map((x) => [x.variant, x.points.map((p) => [p.cores, p.value])]), [
      ['Skip writel inside qi_submit_sync', [[8, 221.323], [16, 344.445], [20, 273.807]]],
      ['Skip writel by completely skipping adding inv desc to the queue', [[8, 205.745], [16, 278.491], [20, 336.996]]],
    ]);
    const qi = scalingSeries(SEED, { function: 'qi_submit_sync', figure: 'meanNs' });
    assert.deepEqual(qi[0].points.map((p) => p.value), [11541.37, 2656.17, 3284.21]);
    assert.deepEqual(qi[1].points, []);
  });

  it('top functions by total time, with their share', () => {
    const top = topFunctionsByTime(SEED.runs[0].tables[0], 3);
    assert.deepEqual(top.map((t) => [t.key, t.totalNs]), [['page_pool_put_unrefed_page', 2273501167146], ['page_pool_put_unrefed_netmem', 42919767274], ['intel_iommu_tlb_sync', 29404222953]]);
    assert.ok(Math.abs(top[0].share - 2273501167146 / SEED.runs[0].tables[0].totalNs!) < 1e-15);
  });
});
