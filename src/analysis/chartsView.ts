/**
 * The charts view model of eBPF output and run logs: the top functions of each table by total
 * time (bars), each histogram's buckets with the buckets holding its estimated p50/p90/p99 marked,
 * and for a run log every metric against core count, one line per variant. Plain data; the Charts
 * panel (webview/charts) draws it with chart.js.
 */
import type { EbpfHistogram, EbpfReport, EbpfTable } from '../model/ebpfTable';
import type { ReportModel } from '../model/report';
import { runTableLabel, type RunLog } from '../model/runLog';
import { formatValue, type Unit } from '../model/units';
import { topFunctionsByTime } from './ebpfCharts';
import type { TablesMeta } from './reportTables';
import { runMatrix } from './runMatrix';

export interface ChartPoint {
  /** Category (a function, a bucket) or a number (cores). */
  x: string | number;
  y: number;
  /** 1-based source line the point comes from (0: none), for reveal on click. */
  line: number;
  /** Marks the point (`p50`, `p90 p99`): percentiles in a histogram's bucket. */
  mark?: string;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

export interface ChartSpec {
  title: string;
  /** Groups charts in the panel (`top functions`, `histograms`, `scaling`). */
  group: string;
  kind: 'bar' | 'line';
  xLabel: string;
  yLabel: string;
  yUnit: Unit;
  series: ChartSeries[];
  /** A sentence under the chart (the percentiles, what was left out). */
  note?: string;
}

export interface ChartsView {
  meta: TablesMeta;
  charts: ChartSpec[];
}

/** Functions per top-functions chart. */
const TOP = 15;

function topChart(title: string, table: EbpfTable): ChartSpec | undefined {
  const top = topFunctionsByTime(table, TOP);
  if (top.length === 0) return undefined;
  return {
    title,
    group: 'top functions by total time',
    kind: 'bar',
    xLabel: 'function',
    yLabel: 'total time',
    yUnit: 'ns',
    series: [{ name: 'total time', points: top.map((t) => ({ x: t.key, y: t.totalNs, line: t.line })) }],
    note: table.table.rowCount > TOP ? `${TOP} of ${table.table.rowCount} functions` : undefined,
  };
}

function histogramChart(h: EbpfHistogram): ChartSpec {
  const p = h.percentiles;
  const label = (x: number) => (Number.isFinite(x) ? formatValue(x, h.unit) : x < 0 ? '−∞' : '∞');
  const marks = (low: number, high: number) =>
    p
      ? (['p50', 'p90', 'p99'] as const)
          .filter((k) => p[k] >= low && (p[k] < high || (!Number.isFinite(high) && p[k] === low)))
          .join(' ')
      : '';
  return {
    title: h.title,
    group: 'histograms',
    kind: 'bar',
    xLabel: `bucket (${h.scale})`,
    yLabel: 'count',
    yUnit: 'count',
    series: [
      {
        name: 'count',
        points: h.buckets.map((b) => {
          const mark = marks(b.low, b.high);
          return { x: `[${label(b.low)}, ${label(b.high)})`, y: b.count, line: b.line, ...(mark ? { mark } : {}) };
        }),
      },
    ],
    note: p ? `estimated from the buckets: p50 ${label(p.p50)}, p90 ${label(p.p90)}, p99 ${label(p.p99)} (${h.total} events)` : `${h.total} events`,
  };
}

function ebpfCharts(model: EbpfReport): ChartSpec[] {
  const charts: ChartSpec[] = [];
  model.tables.forEach((t, i) => {
    const c = topChart(model.tables.length > 1 ? `${t.title} (table ${i + 1})` : t.title, t);
    if (c) charts.push(c);
  });
  charts.push(...model.histograms.map(histogramChart));
  return charts;
}

function runLogCharts(log: RunLog): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const matrix = runMatrix(log, { derived: log.derivedMetrics ?? [] });
  matrix.columns.forEach((column, i) => {
    const series = matrix.groups
      .map((g) => ({ name: g.name, points: g.rows.flatMap((r) => (r.cores !== undefined && r.values[i] !== null ? [{ x: r.cores, y: r.values[i]!, line: r.line }] : [])) }))
      .filter((s) => s.points.length > 0);
    if (series.length === 0) return;
    charts.push({ title: `${column.label} against cores`, group: 'scaling', kind: 'line', xLabel: 'cores', yLabel: column.label, yUnit: column.unit, series });
  });
  for (const run of log.runs) {
    for (const t of run.tables) {
      const c = topChart(runTableLabel(run, t), t);
      if (c) charts.push(c);
    }
  }
  return charts;
}

export function chartsView(model: ReportModel, title: string): ChartsView | undefined {
  const charts = model.kind === 'ebpf' ? ebpfCharts(model) : model.kind === 'run-log' ? runLogCharts(model) : [];
  if (charts.length === 0) return undefined;
  return { meta: { title, format: model.format, facts: model.facts, warnings: model.warnings, droppedWarnings: model.droppedWarnings }, charts };
}
