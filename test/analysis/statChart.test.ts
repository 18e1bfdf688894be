/** The perf stat chart's view model and chart data: bars, error bars from perf's noise, units apart. */
import { strict as assert } from 'node:assert';
import { statChartView } from '../../src/analysis/statChart';
import { parsePerfStat } from '../../src/parsers/perf-stat';
import { counterTooltip, missingCounters, seriesCharts, unitCharts } from '../../webview/statChart/chartData';
import { readCorpus } from '../helpers/corpus';

describe('perf stat chart', () => {
  it('-r 3: each counter a bar, its error bar ± value × perf noise %', () => {
    const v = statChartView(parsePerfStat(readCorpus('perf-6.1-captures/stat_r.txt')), 'stat_r.txt')!;
    const [b] = v.blocks;
    assert.deepEqual([b.runs, b.errors], [3, 'runs']);
    const cs = b.counters.find((c) => c.event === 'context-switches')!;
    // 264 ( +- 4.16% ) -> ± 10.98
    assert.equal(cs.value, 264);
    assert.ok(Math.abs(cs.error! - 264 * 0.0416) < 1e-9);
    assert.deepEqual(cs.metrics, ['227.199 /sec']);
    assert.equal(cs.line, 7);
    const charts = unitCharts(v.blocks, false);
    assert.deepEqual(
      charts.map((c) => [c.unit, c.labels]),
      [
        ['msec', ['task-clock']],
        ['', ['context-switches', 'cpu-migrations', 'page-faults']],
      ],
    );
    const p = charts[1].datasets[0].data[0];
    assert.ok(Math.abs(p.yMin! - (264 - 10.9824)) < 1e-9 && Math.abs(p.yMax! - (264 + 10.9824)) < 1e-9);
    assert.deepEqual(missingCounters(v.blocks), ['cycles <not supported>', 'instructions <not supported>', 'branches <not supported>', 'branch-misses <not supported>']);
    assert.deepEqual(counterTooltip(b, cs), ['./t: 264', '± 4.16% (perf stat -r 3 noise)', '# 227.199 /sec']);
  });

  it('pasted runs: one dataset per run, side by side per counter; log axis when counts span orders of magnitude', () => {
    const v = statChartView(parsePerfStat(readCorpus('perf-stat/grahamking-two_sum/perf_stat.txt')), 'x')!;
    const counts = unitCharts(v.blocks, undefined).find((c) => c.unit === '')!;
    assert.deepEqual(
      counts.datasets.map((d) => d.label),
      ['1. ./target/release/two_sum 300 l', '2. ./target/release/two_sum 300 m', '3. ./target/release/two_sum 300 s'],
    );
    const i = counts.labels.indexOf('instructions');
    assert.deepEqual(
      counts.datasets.map((d) => d.data[i].y),
      [374205673499, 157923601609, 40803747059],
    );
    assert.equal(counts.log, true);
    assert.equal(counts.hasErrors, false);
    assert.equal(counts.datasets[0].data[i].yMin, undefined, 'no noise, no error bar');
  });

  it('-I: a bar per counter is its mean over the intervals, the error bar their standard deviation', () => {
    const v = statChartView(parsePerfStat(readCorpus('perf-6.1-captures/stat_I.txt')), 'x')!;
    const [b] = v.blocks;
    assert.deepEqual([b.errors, b.intervals], ['intervals', 4]);
    const tc = b.counters.find((c) => c.event === 'task-clock')!;
    const xs = [306.09, 303.29, 295.38, 276.86];
    const mean = xs.reduce((a, x) => a + x, 0) / 4;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / 3);
    assert.ok(Math.abs(tc.value! - mean) < 1e-9 && Math.abs(tc.error! - sd) < 1e-9);
    assert.match(counterTooltip(b, tc)[0], /mean of 4 intervals/);
    // And over time: a line per counter, a point per interval, one chart per unit.
    assert.deepEqual(b.series!.times, [0.300351117, 0.605369153, 0.905644973, 1.156643279]);
    assert.deepEqual(
      seriesCharts(b).map((c) => [c.unit, c.lines.map((l) => [l.label, l.values])]),
      [
        ['msec', [['task-clock', xs]]],
        ['', [['page-faults', [56, 0, 0, 9]]]],
      ],
    );
  });

  it('metric groups (TopdownL1, --metric-only) as percent bars named by the metric', () => {
    const text = " Performance counter stats for 'a':\n\n     1,234      cycles\n             TopdownL1 (cpu_core)                 #     43.5 %  tma_backend_bound\n                                                  #      6.7 %  tma_bad_speculation\n";
    const [b] = statChartView(parsePerfStat(text), 'x')!.blocks;
    assert.deepEqual(
      b.counters.map((c) => [c.label, c.unit, c.value]),
      [
        ['cycles', '', 1234],
        ['tma_backend_bound (TopdownL1 (cpu_core))', '%', 43.5],
        ['tma_bad_speculation (TopdownL1 (cpu_core))', '%', 6.7],
      ],
    );
    assert.deepEqual(
      unitCharts([b], undefined).map((c) => c.unit),
      ['', '%'],
    );
  });

  it('nothing to chart: no view', () => {
    assert.equal(statChartView(parsePerfStat('hello\n'), 'x'), undefined);
  });
});
