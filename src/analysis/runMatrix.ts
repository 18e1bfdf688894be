/**
 * The run matrix of a run-metric log: one row per run, grouped by variant (the Markdown heading,
 * and the variant the run names encode when they differ) and ordered by core count; columns are
 * the metrics, chosen eBPF functions (one figure each) and user-defined derived metrics. The seed's
 * scaling question (8 vs 16 vs 20 cores, per variant) reads straight off it.
 */
import type { EbpfRowStats } from '../model/ebpfTable';
import { ebpfRowKey, ebpfRowStats } from '../model/ebpfRows';
import { runLabel, type Run, type RunLog } from '../model/runLog';
import type { Unit } from '../model/units';
import { parseDerivedMetric, type DerivedMetric } from './derivedMetric';

/** Which figure of a function a column shows. */
export type FunctionFigure = 'meanNs' | 'totalNs' | 'share' | 'count' | 'stddevNs' | 'timePerUnitNs' | 'perUnit';

export interface RunMatrixOptions {
  /** Metric ids (`Throughput`, `Per page stats/IOTLB Miss`); default: every metric, in file order. */
  metrics?: string[];
  /** eBPF functions to add as columns. */
  functions?: string[];
  /** The figure each function column shows (default: mean). */
  functionFigure?: FunctionFigure;
  /** User-defined metrics (`{ name: 'ROI', expression: 'Throughput^2 / CPU' }`). */
  derived?: { name: string; expression: string }[];
}

export interface RunMatrixColumn {
  id: string;
  label: string;
  unit: Unit;
  kind: 'metric' | 'function' | 'derived';
}

export interface RunMatrixRow {
  /** Index of the run in the log. */
  run: number;
  label: string;
  /** 1-based banner line. */
  line: number;
  cores?: number;
  flows?: number;
  /** One per column; null where the run has no such metric or function, or a derived metric fails. */
  values: (number | null)[];
  /** Why a derived cell is null, by column id. */
  errors?: Record<string, string>;
}

export interface RunMatrix {
  columns: RunMatrixColumn[];
  groups: { name: string; rows: RunMatrixRow[] }[];
  /** Derived metrics that did not parse (the others still evaluate). */
  errors: string[];
}

const FIGURE_UNIT: Record<FunctionFigure, Unit> = { meanNs: 'ns', totalNs: 'ns', stddevNs: 'ns', timePerUnitNs: 'ns', share: 'percent', count: 'count', perUnit: 'none' };

/** Variant key of each run: its heading, plus the encoded variant when the file has several. */
function variantNames(log: RunLog): string[] {
  const variants = new Set(log.runs.map((r) => r.facts.variant ?? ''));
  return log.runs.map((r) => [r.group, variants.size > 1 ? r.facts.variant : undefined].filter((x) => x).join(' · ') || (r.facts.variant ?? 'runs'));
}

function metricIds(log: RunLog): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const r of log.runs) {
    for (const m of r.metrics) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      ids.push(m.id);
    }
  }
  return ids;
}

function figure(s: EbpfRowStats | undefined, f: FunctionFigure): number | null {
  if (!s) return null;
  const v = f === 'share' ? (s.share === undefined ? undefined : s.share * 100) : s[f];
  return v === undefined ? null : v;
}

export function runMatrix(log: RunLog, options: RunMatrixOptions = {}): RunMatrix {
  const metrics = options.metrics ?? metricIds(log);
  const functions = options.functions ?? [];
  const fig = options.functionFigure ?? 'meanNs';
  const errors: string[] = [];
  const derived: DerivedMetric[] = [];
  for (const d of options.derived ?? []) {
    try {
      derived.push(parseDerivedMetric(d.name, d.expression));
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  const columns: RunMatrixColumn[] = [
    ...metrics.map((id): RunMatrixColumn => ({ id, label: metricLabel(log, id), unit: printedUnit(log, id), kind: 'metric' })),
    ...functions.map((f): RunMatrixColumn => ({ id: `fn:${f}`, label: `${f} (${fig})`, unit: FIGURE_UNIT[fig], kind: 'function' })),
    ...derived.map((d): RunMatrixColumn => ({ id: `derived:${d.name}`, label: d.name, unit: 'none', kind: 'derived' })),
  ];
  const variants = variantNames(log);
  const groups = new Map<string, RunMatrixRow[]>();
  log.runs.forEach((run, i) => {
    const row = matrixRow(run, i, metrics, functions, fig, derived);
    const list = groups.get(variants[i]) ?? [];
    list.push(row);
    groups.set(variants[i], list);
  });
  const byCores = (a: RunMatrixRow, b: RunMatrixRow) => (a.cores ?? Infinity) - (b.cores ?? Infinity) || a.run - b.run;
  return { columns, groups: [...groups].map(([name, rows]) => ({ name, rows: rows.sort(byCores) })), errors };
}

function matrixRow(run: Run, index: number, metrics: string[], functions: string[], fig: FunctionFigure, derived: DerivedMetric[]): RunMatrixRow {
  const byId = new Map(run.metrics.map((m) => [m.id, m.value]));
  const values: (number | null)[] = metrics.map((id) => byId.get(id) ?? null);
  // A function is looked up in the run's tables in order (the first table that has it).
  for (const f of functions) values.push(figure(findFunction(run, f), fig));
  const errors: Record<string, string> = {};
  for (const d of derived) {
    const r = d.evaluate(byId);
    if ('value' in r) values.push(r.value);
    else {
      values.push(null);
      errors[`derived:${d.name}`] = r.error;
    }
  }
  const row: RunMatrixRow = { run: index, label: runLabel(run), line: run.line, values };
  if (run.facts.cores !== undefined) row.cores = run.facts.cores;
  if (run.facts.flows !== undefined) row.flows = run.facts.flows;
  if (Object.keys(errors).length > 0) row.errors = errors;
  return row;
}

const PRINTED_UNITS: Record<string, Unit> = { '%': 'percent', ns: 'ns', us: 'us', 'µs': 'us', ms: 'ms', s: 's', B: 'bytes', bytes: 'bytes' };

/** The unit a metric prints after its value (`%`, `ms`), when it is one we know; else none. */
function printedUnit(log: RunLog, id: string): Unit {
  for (const r of log.runs) {
    const m = r.metrics.find((x) => x.id === id);
    if (m?.unit) return PRINTED_UNITS[m.unit] ?? 'none';
  }
  return 'none';
}

function findFunction(run: Run, key: string): EbpfRowStats | undefined {
  for (const t of run.tables) {
    for (let r = 0; r < t.table.rowCount; r++) if (ebpfRowKey(t, r) === key) return ebpfRowStats(t, r);
  }
  return undefined;
}

/** `Per page stats/IOTLB Miss` -> `IOTLB Miss (Per page stats)`: the metric first, so narrow columns still say which. */
/** `IOTLB Miss (Per page stats)` for a nested metric; the name as printed otherwise (`Total throughput (KB/s)`). */
function metricLabel(log: RunLog, id: string): string {
  for (const r of log.runs) {
    const m = r.metrics.find((x) => x.id === id);
    if (!m) continue;
    // A nested metric's id is `section/name`; a name may hold a slash itself (KB/s).
    return m.id !== m.name && m.id.endsWith(`/${m.name}`) ? `${m.name} (${m.id.slice(0, -m.name.length - 1)})` : m.name;
  }
  return id;
}
