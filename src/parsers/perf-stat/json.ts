/**
 * `perf stat -j` lines (perf ≥ 6.0): one JSON object per counter (`counter-value` as a string,
 * also `"<not supported>"`), with `interval`, `cpu`/`core`/`die`/`socket`/`node`/`thread`,
 * `aggregate-number` (renamed `counters` in 2025), `variance`, `event-runtime`, `pcnt-running`,
 * `metric-value` (a number, or a string in the newest perf) and `metric-unit`.
 */
import type { StatAggregate, StatValueStatus } from '../../model/perfStat';
import type { CsvCounter } from './csv';

const AGGREGATES: [string, StatAggregate['kind']][] = [
  ['cpu', 'cpu'],
  ['core', 'core'],
  ['cache', 'cache'],
  ['cluster', 'cluster'],
  ['die', 'die'],
  ['socket', 'socket'],
  ['node', 'node'],
  ['thread', 'thread'],
];

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i.test(v.trim())) {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export type JsonLine = { kind: 'counter'; counter: CsvCounter } | { kind: 'metric'; time?: number; metric: { value: number | null; unit: string; text: string } };

/** One `-j` line, or undefined when the line is not a perf stat JSON object. */
export function matchJson(line: string): JsonLine | undefined {
  const t = line.trim();
  if (!t.startsWith('{') || !t.endsWith('}') || !t.includes('"')) return undefined;
  let o: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(t);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    o = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const time = num(o['interval']);
  const mval = o['metric-value'];
  const munit = typeof o['metric-unit'] === 'string' ? (o['metric-unit'] as string).trim() : undefined;
  const value0 = num(mval) ?? null;
  const metric = munit !== undefined ? { value: value0, unit: munit, text: `${typeof mval === 'string' || typeof mval === 'number' ? String(mval) : ''} ${munit}`.trim() } : undefined;
  const raw = o['counter-value'];
  const event = o['event'];
  if (typeof event !== 'string' || event === '') {
    // Extra metric lines carry only the metric.
    return metric && raw === undefined ? { kind: 'metric', time, metric } : undefined;
  }
  let value: number | null;
  let status: StatValueStatus = 'counted';
  if (raw === '<not counted>' || raw === '<not supported>') {
    value = null;
    status = raw === '<not counted>' ? 'not counted' : 'not supported';
  } else {
    const v = num(raw);
    if (v === undefined) return undefined;
    value = v;
  }
  let aggregate: StatAggregate | undefined;
  for (const [key, kind] of AGGREGATES) {
    const id = o[key];
    if (typeof id === 'string' || typeof id === 'number') {
      const cpus = num(o['aggregate-number'] ?? o['counters']);
      aggregate = { kind, id: kind === 'cpu' && /^\d+$/.test(String(id)) ? `CPU${id}` : String(id), ...(cpus !== undefined && kind !== 'cpu' && kind !== 'thread' ? { cpus } : {}) };
      break;
    }
  }
  const variance = num(o['variance']);
  const counter: CsvCounter = {
    time,
    aggregate,
    value,
    status,
    unit: typeof o['unit'] === 'string' ? (o['unit'] as string) : '',
    event,
    noisePct: variance,
    runTimeNs: num(o['event-runtime']) ?? 0,
    runningPct: num(o['pcnt-running']) ?? 100,
    metric,
  };
  if (typeof o['cgroup'] === 'string') counter.cgroup = o['cgroup'] as string;
  return { kind: 'counter', counter };
}
