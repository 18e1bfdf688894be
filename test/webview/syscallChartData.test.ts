import * as assert from 'node:assert/strict';
import { syscallCostsView } from '../../src/analysis/syscallCostsView';
import { parsePerfTraceSummary } from '../../src/parsers/perf-trace-summary';
import { parseStraceSummary } from '../../src/parsers/strace-summary';
import { chartData } from '../../webview/syscallCosts/chartData';
import { compareChart, sideLabel } from '../../webview/syscallCosts/compareData';
import type { SyscallCompareSource } from '../../src/protocol';
import { fixture } from '../parsers/syscallSummaryHelpers';

describe('syscall costs view and chart data', () => {
  const devmem1 = syscallCostsView(parsePerfTraceSummary(fixture('perf-trace-summary', 'seed001-syscall-costs-1cpu.txt')), 'one cpu')!;

  it('gives each thread its rows by total time, with shares, and all threads merged', () => {
    assert.deepEqual(devmem1.groups.map((g) => [g.title, g.rows.length, g.calls, g.total]), [
      ['tcpzc2 (10435)', 4, 313019 + 168459 + 334018 + 1398, 63395250 + 26726717 + 1547941 + 727045],
      ['tcpzc2 (15989)', 1, 1087324, 46435945],
    ]);
    const setsockopt = devmem1.groups[0].rows[0];
    assert.equal(setsockopt.syscall, 'setsockopt');
    assert.equal(setsockopt.line, 9);
    assert.equal(setsockopt.avg, 63395250 / 313019, 'avg = total / calls');
    assert.equal(setsockopt.share!.toFixed(2), ((100 * 63395.25) / (63395.25 + 26726.717 + 1547.941 + 727.045)).toFixed(2));
    assert.equal(devmem1.merged?.title, 'all 2 merged');
    assert.deepEqual(devmem1.merged?.rows.map((r) => [r.syscall, r.line]), [
      ['setsockopt', 0],
      ['io_uring_enter', 0],
      ['recvmsg', 0],
      ['ioctl', 0],
      ['epoll_wait', 0],
    ]);
    assert.equal(devmem1.meta.tool, 'perf-trace');
  });

  it('the top bar is the costliest syscall, in a readable time unit', () => {
    const d = chartData(devmem1.groups[0], 'total', 20);
    // 63395.250 ms on the slide: over a second, so drawn in seconds.
    assert.deepEqual(d.bars[0], { label: 'setsockopt', value: 63.39525, line: 9 });
    assert.equal(d.unit, 's');
    assert.equal(d.axis, 'total time (s)');
    assert.equal(chartData(devmem1.groups[0], 'max', 20).unit, 'ms', 'max 460.799 ms');
    assert.equal(d.bars.length, 4);
    assert.equal(d.rest, 0);
  });

  it('sums the rest into one "other" bar for additive metrics, not for per-call ones', () => {
    const strace = syscallCostsView(parseStraceSummary(fixture('strace-summary', 'termux-f-attach-detach.txt')), 't')!;
    const d = chartData(strace.groups[0], 'calls', 3);
    assert.deepEqual(d.bars.slice(0, 3).map((b) => b.label), ['futex', 'sched_yield', 'mmap']);
    assert.equal(d.bars[3].label, 'other (31 syscalls)');
    assert.equal(d.bars.reduce((s, b) => s + b.value, 0), 9921491, 'the bars add up to the total row');
    const avg = chartData(strace.groups[0], 'avg', 3);
    assert.equal(avg.bars.length, 3);
    assert.equal(avg.rest, 31);
    assert.equal(avg.unit, 'µs');
    const total = chartData(strace.groups[0], 'total', 0);
    assert.equal(total.unit, 's');
    assert.equal(total.bars[0].value, 1125.381151);
  });

  it('skips rows without the metric (a -U calls table has no times)', () => {
    const calls = syscallCostsView(parseStraceSummary(fixture('strace-summary', 'U-calls-syscall-limit.txt')), 't')!;
    assert.deepEqual(chartData(calls.groups[0], 'total', 10).bars, []);
    assert.deepEqual(chartData(calls.groups[0], 'calls', 10).bars.map((b) => [b.label, b.value]), [
      ['chdir', 2],
      ['unlinkat', 1],
    ]);
  });

  it('compare mode: grouped bars of the seed devmem 2-CPU vs 1-CPU tables, deltas and ratios to a switchable baseline', () => {
    const source = (name: string, label: string): SyscallCompareSource => {
      const v = syscallCostsView(parsePerfTraceSummary(fixture('perf-trace-summary', name)), label)!;
      return { label, meta: v.meta, groups: v.groups, ...(v.merged ? { merged: v.merged } : {}) };
    };
    const sources = [source('seed001-syscall-costs-2cpu.txt', '2cpu'), source('seed001-syscall-costs-1cpu.txt', '1cpu')];
    const sides = [
      { source: 0, group: 0 },
      { source: 1, group: 0 },
    ];
    assert.deepEqual(sides.map((s) => sideLabel(sources, s)), ['2cpu: tcpzc2 (14342)', '1cpu: tcpzc2 (10435)']);
    const c = compareChart(sources, sides, 0, 'total', 10);
    assert.deepEqual(c.labels, ['recvmsg', 'setsockopt', 'ioctl', 'epoll_wait']);
    assert.equal(c.unit, 's');
    assert.deepEqual(c.datasets.map((d) => d.values[0]), [68.831493, 26.726717]);
    // The table: A (baseline), B, Δ B, B / A — in µs.
    assert.deepEqual(c.table.columns.map((col) => col.label), ['syscall', 'A (baseline)', 'B', 'Δ B', 'B / A']);
    assert.deepEqual(c.table.rows[1].cells, ['setsockopt', 22841143, 63395250, 63395250 - 22841143, 63395250 / 22841143]);
    const flipped = compareChart(sources, sides, 1, 'calls', 2);
    assert.deepEqual(flipped.labels, ['ioctl', 'setsockopt'], 'ordered by the new baseline (1 CPU) calls');
    assert.deepEqual(flipped.table.columns.map((col) => col.label), ['syscall', 'A', 'Δ A', 'A / B', 'B (baseline)']);
    assert.equal(flipped.table.rows.length, 4, 'the table keeps every syscall');
    const merged = compareChart(sources, [{ source: 1, group: -1 }, sides[0]], 0, 'total', 0);
    // Baseline: the 1-CPU file with devmem and io_uring merged, sorted by its total time.
    assert.deepEqual(merged.labels, ['setsockopt', 'io_uring_enter', 'recvmsg', 'ioctl', 'epoll_wait']);
    assert.deepEqual(merged.datasets[1].values[1], null, 'the 2-CPU devmem run has no io_uring_enter');
  });
});
