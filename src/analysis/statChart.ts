/**
 * The perf stat chart's view model: each block's counters as bars with their noise as error bars
 * (perf stat -r's `( +- x% )`: the relative standard deviation of the mean over the runs), blocks
 * side by side so pasted runs compare counter by counter, and the derived metrics as perf printed
 * them. With -I, a counter's bar is its mean over the intervals and its error bar their standard
 * deviation (said so in the view).
 */
import type { PerfStatModel, StatBlock } from '../model/perfStat';
import type { TablesMeta } from './reportTables';

export interface StatChartCounter {
  /** `cycles`, or `cycles (CPU0)` with an aggregation. */
  label: string;
  event: string;
  unit: string;
  /** null: <not counted> / <not supported> (no bar). */
  value: number | null;
  status: string;
  /** Half the error bar, in the value's unit (value × noise %). */
  error?: number;
  /** The relative noise in percent, as perf printed it (or the intervals' spread). */
  noisePct?: number;
  runningPct?: number;
  /** The metrics as perf printed them: `5.19 insn per cycle`. */
  metrics: string[];
  /** 1-based line in the file (first interval's with -I). */
  line: number;
}

/** -I: each counter's value per interval (null where an interval lacks it). */
export interface StatChartSeries {
  /** Interval ends, seconds since the start. */
  times: number[];
  lines: { label: string; unit: string; values: (number | null)[] }[];
}

export interface StatChartBlock {
  title: string;
  runs: number;
  /** With -I: how many intervals the bars average. */
  intervals: number;
  /** What the error bars are: 'runs' (perf's noise over -r runs), 'intervals' (spread), 'none'. */
  errors: 'runs' | 'intervals' | 'none';
  counters: StatChartCounter[];
  /** With -I: the counters over time. */
  series?: StatChartSeries;
}

export interface StatChartView {
  meta: TablesMeta;
  blocks: StatChartBlock[];
}

function label(event: string, aggregate: string | undefined): string {
  return aggregate ? `${event} (${aggregate})` : event;
}

function metricText(m: { text: string }): string {
  return m.text;
}

/** A block without -I: one bar per counter line. */
function plainBlock(b: StatBlock): StatChartCounter[] {
  return b.counters.map((c) => ({
    label: label(c.event, c.aggregate?.id),
    event: c.event,
    unit: c.unit,
    value: c.value,
    status: c.status,
    noisePct: c.noisePct,
    error: c.value !== null && c.noisePct !== undefined ? (c.value * c.noisePct) / 100 : undefined,
    runningPct: c.runningPct,
    metrics: c.metrics.map(metricText),
    line: c.line,
  }));
}

/** A -I block: per counter (and CPU/thread), the mean over the intervals and their standard deviation. */
function intervalBlock(b: StatBlock): StatChartCounter[] {
  const byKey = new Map<string, { first: StatBlock['counters'][number]; values: number[] }>();
  for (const c of b.counters) {
    const key = label(c.event, c.aggregate?.id);
    const e = byKey.get(key) ?? { first: c, values: [] };
    if (c.value !== null) e.values.push(c.value);
    byKey.set(key, e);
  }
  return [...byKey].map(([key, { first, values }]) => {
    const n = values.length;
    const mean = n > 0 ? values.reduce((a, v) => a + v, 0) / n : null;
    const sd = mean !== null && n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : undefined;
    return {
      label: key,
      event: first.event,
      unit: first.unit,
      value: mean,
      status: mean === null ? first.status : 'counted',
      error: sd,
      noisePct: sd !== undefined && mean ? (100 * sd) / mean : undefined,
      metrics: [],
      line: first.line,
    };
  });
}

/** -I: one line per counter (and CPU/thread) over the intervals. */
function intervalSeries(b: StatBlock): StatChartSeries {
  const index = new Map(b.intervals.map((t, i) => [t, i]));
  const lines = new Map<string, { label: string; unit: string; values: (number | null)[] }>();
  for (const c of b.counters) {
    const i = c.time === undefined ? undefined : index.get(c.time);
    if (i === undefined) continue;
    const key = label(c.event, c.aggregate?.id);
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { label: key, unit: c.unit, values: b.intervals.map(() => null) }));
    line.values[i] = c.value;
  }
  return { times: b.intervals, lines: [...lines.values()] };
}

/**
 * Metric groups (TopdownL1's `21.9 %  tma_backend_bound`, --metric-only rows) as bars: a `%` metric
 * is charted in percent named by what follows the `%`, others in their own unit named by the group.
 * With -I, the first interval's (the lines over time carry the counters).
 */
function groupBars(b: StatBlock): StatChartCounter[] {
  const first = b.metricGroups[0]?.time;
  const out: StatChartCounter[] = [];
  for (const g of b.metricGroups) {
    if (g.time !== first) continue;
    for (const m of g.metrics) {
      if (m.value === null) continue;
      const pct = /^%\s*(.*)$/.exec(m.unit);
      const name = pct ? pct[1] || g.name : m.unit;
      const where = g.name === 'metric-only' ? '' : ` (${g.name})`;
      out.push({ label: `${name}${where}`, event: name, unit: pct ? '%' : m.unit, value: m.value, status: 'counted', metrics: [m.text], line: m.line });
    }
  }
  return out;
}

function blockTitle(b: StatBlock, i: number, n: number): string {
  const what = b.command ?? b.target ?? (b.intervals.length > 0 ? 'intervals' : 'counters');
  return n > 1 ? `${i + 1}. ${what}` : what;
}

export function statChartView(model: PerfStatModel, title: string): StatChartView | undefined {
  const blocks = model.blocks
    .filter((b) => b.counters.length > 0 || b.metricGroups.length > 0)
    .map((b, i, all): StatChartBlock => {
      const interval = b.intervals.length > 0 && b.counters.length > 0;
      const counters = [...(interval ? intervalBlock(b) : plainBlock(b)), ...groupBars(b)];
      const errors = interval ? (b.intervals.length > 1 ? 'intervals' : 'none') : counters.some((c) => c.noisePct !== undefined) ? 'runs' : 'none';
      const block: StatChartBlock = { title: blockTitle(b, i, all.length), runs: b.runs, intervals: b.intervals.length, errors, counters };
      if (interval && b.intervals.length > 1) block.series = intervalSeries(b);
      return block;
    });
  if (blocks.length === 0) return undefined;
  return { meta: { title, format: model.format, facts: model.facts, warnings: model.warnings, droppedWarnings: model.droppedWarnings }, blocks };
}
