/**
 * What the Syscall Costs chart draws (pure, so tests check it without a canvas): the top N
 * syscalls by the chosen metric, the rest summed into one "other" bar when the metric adds up
 * (time, calls, errors; not per-call avg/max), values scaled to a readable time unit.
 */
import type { SyscallCostGroup, SyscallCostMetric, SyscallCostRow } from '../../src/protocol';

export interface Bar {
  label: string;
  /** In the chart's unit. */
  value: number;
  /** Source line (1-based) to reveal on click; 0 for none (merged rows, "other"). */
  line: number;
}

export interface ChartData {
  bars: Bar[];
  /** `ms`, `s`, `µs` for times, `calls` / `errors` for counts. */
  unit: string;
  /** Axis title: `total time (ms)`. */
  axis: string;
  /** Syscalls not drawn as their own bar. */
  rest: number;
}

const TIME: Record<string, string> = { total: 'total time', avg: 'avg time per call', max: 'max time per call' };

export function metricValue(row: SyscallCostRow, metric: SyscallCostMetric): number | undefined {
  return row[metric];
}

/** µs as the largest unit that keeps the biggest value >= 1. */
function timeScale(maxUs: number): { unit: string; divisor: number } {
  if (maxUs >= 1e6) return { unit: 's', divisor: 1e6 };
  if (maxUs >= 1e3) return { unit: 'ms', divisor: 1e3 };
  return { unit: 'µs', divisor: 1 };
}

export function chartData(group: SyscallCostGroup, metric: SyscallCostMetric, top: number): ChartData {
  const rows = group.rows.filter((r) => metricValue(r, metric) !== undefined).sort((a, b) => metricValue(b, metric)! - metricValue(a, metric)!);
  const shown = top > 0 ? rows.slice(0, top) : rows;
  const others = rows.slice(shown.length);
  const isTime = metric in TIME;
  const { unit, divisor } = isTime ? timeScale(Math.max(0, ...rows.map((r) => metricValue(r, metric)!))) : { unit: metric, divisor: 1 };
  const bars: Bar[] = shown.map((r) => ({ label: r.syscall, value: metricValue(r, metric)! / divisor, line: r.line }));
  const additive = metric === 'total' || metric === 'calls' || metric === 'errors';
  if (additive && others.length > 0) {
    bars.push({ label: `other (${others.length} syscalls)`, value: others.reduce((s, r) => s + metricValue(r, metric)!, 0) / divisor, line: 0 });
  }
  return { bars, unit, axis: isTime ? `${TIME[metric]} (${unit})` : metric, rest: others.length };
}
