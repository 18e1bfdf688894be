/**
 * The counter chart's data, as pure functions (unit-tested without a browser): one chart per unit
 * (counts, msec, Joules … never mixed on one axis), one bar per counter and one dataset per block
 * (pasted runs side by side), the error bar ± value × noise %.
 */
import type { StatChartBlock, StatChartCounter } from '../../src/protocol';

/** A bar; yMin/yMax only with an error bar. NaN: no bar (chart.js skips it; null would break the error-bar controller). */
export interface ErrorBarPoint {
  y: number;
  yMin?: number;
  yMax?: number;
}

export interface ChartDataset {
  /** The block's title. */
  label: string;
  /** One point per label; y NaN: the block has no value there (not counted, or no such counter). */
  data: ErrorBarPoint[];
  /** The counter behind each point (for tooltips and clicks). */
  counters: (StatChartCounter | null)[];
}

export interface UnitChart {
  /** '' for plain counts. */
  unit: string;
  labels: string[];
  datasets: ChartDataset[];
  /** Whether any bar has an error bar. */
  hasErrors: boolean;
  /** Largest / smallest positive value: a log axis helps when they are far apart. */
  spread: number;
  /** Whether this chart uses a log axis. */
  log: boolean;
}

/** Smallest value a bar or whisker may reach on a log axis (log 0 is -∞). */
const LOG_FLOOR = 1e-3;

const NO_BAR: ErrorBarPoint = { y: NaN };

function point(c: StatChartCounter | null, log: boolean): ErrorBarPoint {
  if (!c || c.value === null) return NO_BAR;
  if (c.error === undefined) return { y: c.value };
  const lo = c.value - c.error;
  return { y: c.value, yMin: log ? Math.max(lo, Math.min(c.value, LOG_FLOOR)) : lo, yMax: c.value + c.error };
}

/**
 * The charts, one per unit. `logScale` undefined: each chart decides (log when its values span
 * more than two orders of magnitude). Counters with no value in any block get no bar (listed apart).
 */
export function unitCharts(blocks: readonly StatChartBlock[], logScale: boolean | undefined): UnitChart[] {
  const units: string[] = [];
  for (const b of blocks) for (const c of b.counters) if (!units.includes(c.unit)) units.push(c.unit);
  return units.map((unit) => {
    const labels: string[] = [];
    for (const b of blocks) for (const c of b.counters) if (c.unit === unit && c.value !== null && !labels.includes(c.label)) labels.push(c.label);
    const byBlock = blocks.map((b) => new Map(b.counters.filter((c) => c.unit === unit).map((c) => [c.label, c])));
    const values = byBlock.flatMap((m) => [...m.values()]).flatMap((c) => (c.value !== null && c.value > 0 ? [c.value] : []));
    const spread = values.length > 0 ? Math.max(...values) / Math.min(...values) : 1;
    const log = logScale ?? spread > 100;
    const datasets = blocks.map((b, i) => {
      const counters = labels.map((l) => byBlock[i].get(l) ?? null);
      return { label: b.title, counters, data: counters.map((c) => point(c, log)) };
    });
    return { unit, labels, datasets, hasErrors: blocks.some((b) => b.counters.some((c) => c.unit === unit && c.error !== undefined)), spread, log };
  }).filter((c) => c.labels.length > 0);
}

/** Counters with no value anywhere (`<not supported>` …): no bar, named under the charts. */
export function missingCounters(blocks: readonly StatChartBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks) for (const c of b.counters) if (c.value === null && !out.includes(`${c.label} <${c.status}>`) && !blocks.some((o) => o.counters.some((x) => x.label === c.label && x.value !== null))) out.push(`${c.label} <${c.status}>`);
  return out;
}

/** A bar's tooltip lines, as text: the value as perf counts it, its noise, multiplexing and metrics. */
export function counterTooltip(block: StatChartBlock, c: StatChartCounter): string[] {
  const lines: string[] = [];
  const unit = c.unit ? ` ${c.unit}` : '';
  if (c.value === null) lines.push(`${block.title}: <${c.status}>`);
  else lines.push(`${block.title}: ${formatValue(c.value)}${unit}${block.errors === 'intervals' ? ` (mean of ${block.intervals} intervals)` : ''}`);
  if (c.noisePct !== undefined && c.value !== null) {
    lines.push(block.errors === 'intervals' ? `± ${c.noisePct.toFixed(2)}% (standard deviation over the intervals)` : `± ${c.noisePct}% (perf stat -r ${block.runs} noise)`);
  }
  if (c.runningPct !== undefined && c.runningPct < 100) lines.push(`counted ${c.runningPct}% of the time (multiplexed, scaled)`);
  for (const m of c.metrics) lines.push(`# ${m}`);
  return lines;
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

export interface SeriesChart {
  unit: string;
  times: number[];
  lines: { label: string; values: (number | null)[] }[];
}

/** -I blocks: one line chart per block and unit, a line per counter over the interval ends. */
export function seriesCharts(block: StatChartBlock): SeriesChart[] {
  const s = block.series;
  if (!s) return [];
  const units = [...new Set(s.lines.map((l) => l.unit))];
  return units.map((unit) => ({ unit, times: s.times, lines: s.lines.filter((l) => l.unit === unit).map((l) => ({ label: l.label, values: l.values })) }));
}
