/**
 * Tables view of eBPF output and run-metric logs: each eBPF table with its data-quality marks (a
 * `quality` column naming the problems the warnings on that row found), histograms as bucket
 * tables with their estimated percentiles, bpftrace maps, and for a run log the run matrix (one
 * row per run) plus each run's table, grouped by run.
 */
import type { ParseWarning } from '../model/diagnostics';
import type { EbpfHistogram, EbpfMapEntry, EbpfReport, EbpfTable } from '../model/ebpfTable';
import { ebpfTableRows } from '../model/ebpfRows';
import { runTableLabel, type RunLog } from '../model/runLog';
import { formatValue } from '../model/units';
import type { ViewTable } from './viewTable';
import { runMatrix } from './runMatrix';

const QUALITY_TAGS: [RegExp, string][] = [
  [/negative variance/, 'negative variance'],
  [/impossible mean/, 'impossible mean'],
  [/count is 0 but/, 'time without calls'],
  [/extreme outlier/, 'outlier'],
  [/extreme spread/, 'extreme spread'],
  [/not a (?:finite )?number/, 'bad cell'],
  [/cells for \d+ columns/, 'ragged row'],
];

/** Short names of the problems warned about on each line. */
function qualityByLine(warnings: readonly ParseWarning[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of warnings) {
    const tag = QUALITY_TAGS.find(([re]) => re.test(w.message))?.[1];
    if (!tag) continue;
    const list = out.get(w.line) ?? [];
    if (!list.includes(tag)) list.push(tag);
    out.set(w.line, list);
  }
  return out;
}

function ebpfViewTable(t: EbpfTable, title: string, group: string, quality: Map<number, string[]>): ViewTable {
  const rows = ebpfTableRows(t);
  const marked = rows.some((r) => quality.has(r.line));
  const columns = marked ? [...t.table.columns, { kind: 'text' as const, id: 'quality', label: 'data quality' }] : t.table.columns;
  if (marked) for (const r of rows) r.cells.push(quality.get(r.line)?.join(', ') ?? null);
  const has = (id: string) => columns.some((c) => c.id === id);
  const total = t.columns.find((c) => c.role === 'total')?.id;
  const count = t.columns.find((c) => c.role === 'count')?.id;
  const view: ViewTable = { title, columns, keys: t.table.keys, rows, group };
  if (has('share_of_time')) view.bars = ['share_of_time'];
  const sortBy = total ?? count;
  if (sortBy) view.sortBy = sortBy;
  return view;
}

function histogramTable(h: EbpfHistogram): ViewTable {
  const p = h.percentiles;
  const v = (x: number) => formatValue(x, h.unit);
  const title = p ? `${h.title}: p50 ${v(p.p50)}, p90 ${v(p.p90)}, p99 ${v(p.p99)} (estimated)` : h.title;
  let cumulative = 0;
  const share = (n: number) => (h.total > 0 ? (100 * n) / h.total : 0);
  return {
    title,
    group: 'histograms',
    columns: [
      { kind: 'number', id: 'from', label: 'from', unit: h.unit },
      { kind: 'number', id: 'to', label: 'to (excluded)', unit: h.unit },
      { kind: 'number', id: 'count', label: 'count', unit: 'count' },
      { kind: 'number', id: 'share', label: 'share', unit: 'percent' },
      { kind: 'number', id: 'cumulative', label: 'cumulative', unit: 'percent' },
    ],
    keys: ['from'],
    rows: h.buckets.map((b) => {
      cumulative += b.count;
      return { line: b.line, cells: [Number.isFinite(b.low) ? b.low : null, Number.isFinite(b.high) ? b.high : null, b.count, share(b.count), share(cumulative)] };
    }),
    bars: ['share'],
  };
}

function mapTables(maps: readonly EbpfMapEntry[]): ViewTable[] {
  const byMap = new Map<string, EbpfMapEntry[]>();
  for (const m of maps) byMap.set(m.map, [...(byMap.get(m.map) ?? []), m]);
  return [...byMap].map(([name, entries]) => ({
    title: name,
    group: 'maps',
    columns: [
      { kind: 'text', id: 'key', label: 'key' },
      { kind: 'number', id: 'value', label: 'value', unit: 'none' },
    ],
    keys: ['key'],
    rows: entries.map((e) => ({ line: e.line, cells: [e.key, e.value] })),
    sortBy: 'value',
  }));
}

export function ebpfReportTables(model: EbpfReport): ViewTable[] {
  const quality = qualityByLine(model.warnings);
  return [
    ...model.tables.map((t, i) => ebpfViewTable(t, model.tables.length > 1 ? `${t.title} (table ${i + 1})` : t.title, 'tables', quality)),
    ...model.histograms.map(histogramTable),
    ...mapTables(model.maps),
  ];
}

/** The run matrix as a table: one row per run (its banner line), variant, cores, flows, then every metric. */
function runsTable(log: RunLog): ViewTable {
  const m = runMatrix(log, { derived: log.derivedMetrics ?? [] });
  const rows = m.groups.flatMap((g) => g.rows.map((r) => ({ line: r.line, cells: [r.label, g.name, r.cores ?? null, r.flows ?? null, ...r.values] })));
  return {
    // A derived metric that does not parse is named in the title (its column is absent).
    title: m.errors.length > 0 ? `runs (${m.errors.join('; ')})` : 'runs',
    group: 'run matrix',
    columns: [
      { kind: 'text', id: 'run', label: 'run' },
      { kind: 'text', id: 'variant', label: 'variant' },
      { kind: 'number', id: 'cores', label: 'cores', unit: 'count' },
      { kind: 'number', id: 'flows', label: 'flows', unit: 'count' },
      ...m.columns.map((c) => ({ kind: 'number' as const, id: `metric:${c.id}`, label: c.label, unit: c.unit })),
    ],
    keys: ['run'],
    rows,
  };
}

export function runLogTables(log: RunLog): ViewTable[] {
  if (log.runs.length === 0) return [];
  const quality = qualityByLine(log.warnings);
  const tables = [runsTable(log)];
  for (const run of log.runs) for (const t of run.tables) tables.push(ebpfViewTable(t, runTableLabel(run, t), 'eBPF tables by run', quality));
  // Each run's metrics as rows keyed by metric: what a comparison of run logs (baseline vs patched,
  // one run per file) matches metric by metric.
  for (const run of log.runs) if (run.metrics.length > 0) tables.push(runMetricsTable(run));
  return tables;
}

/** The group of the per-run metrics tables (a comparison of the runs inside one log reads them). */
export const RUN_METRICS_GROUP = 'metrics by run';
export const RUN_METRICS_PREFIX = 'metrics of ';

function runMetricsTable(run: RunLog['runs'][number]): ViewTable {
  return {
    title: `${RUN_METRICS_PREFIX}${run.name}`,
    group: RUN_METRICS_GROUP,
    runFacts: run.facts,
    columns: [
      { kind: 'text', id: 'metric', label: 'metric' },
      { kind: 'number', id: 'value', label: 'value', unit: 'none' },
      { kind: 'text', id: 'unit', label: 'unit' },
    ],
    keys: ['metric'],
    rows: run.metrics.map((m) => ({ line: m.line, cells: [m.id, m.value, m.unit ?? ''] })),
  };
}
