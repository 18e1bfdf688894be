/**
 * `perf stat -x SEP` lines (print_counter_value_csv and friends), consumed from the front
 * (`[time] [summary] [aggr [ctrs]] value unit`) and from the back (`[noise%] run pct metric unit`),
 * the middle re-joined with SEP being the event (`cpu/event=0x3c,umask=0/` holds commas).
 */
import type { StatAggregate, StatValueStatus } from '../../model/perfStat';
import { parseNumber } from '../shared/columns';
import { aggregateAt } from './aggregate';

export interface CsvCounter {
  time?: number;
  aggregate?: StatAggregate;
  value: number | null;
  status: StatValueStatus;
  unit: string;
  event: string;
  cgroup?: string;
  noisePct?: number;
  runTimeNs: number;
  runningPct: number;
  metric?: { value: number | null; unit: string; text: string };
}

export type CsvLine = { kind: 'counter'; counter: CsvCounter } | { kind: 'metric'; time?: number; metric: { value: number | null; unit: string; text: string } };

/** Separators tried on a line when the block has none yet (any string may follow -x; these are what people use). */
export const CSV_SEPARATORS = [',', ';', '\t', '|', ':'];

/** `-I` timestamps: `%6lu.%09lu` (≤ 6.x, space-padded) or `%lu.%09lu`: always 9 decimals. */
const TIME = /^\s*\d+\.\d{9}$/;
function statusOf(text: string): { value: number | null; status: StatValueStatus } | undefined {
  if (text === '<not counted>') return { value: null, status: 'not counted' };
  if (text === '<not supported>') return { value: null, status: 'not supported' };
  // parseNumber: a 400-digit count is no number (Infinity), not a value.
  const v = /^\d+(?:\.\d+)?$/.test(text) ? parseNumber(text) : undefined;
  return v === undefined ? undefined : { value: v, status: 'counted' };
}

/** One `-x SEP` line, or undefined when it is not one. */
export function matchCsv(line: string, sep: string): CsvLine | undefined {
  const f = line.split(sep);
  if (f.length < 3) return undefined;
  let i = 0;
  let time: number | undefined;
  if (TIME.test(f[0])) {
    time = parseNumber(f[0]);
    if (time === undefined) return undefined;
    i++;
  }
  if (f[i] === 'summary') i++;
  let aggregate: StatAggregate | undefined;
  const aggr = aggregateAt(f, i, !/^CPU/.test(f[i]));
  if (aggr) {
    aggregate = aggr.aggregate;
    i += aggr.used;
  } else if (!statusOf(f[i]) && /-\d+$/.test(f[i]) && (statusOf(f[i + 1] ?? '') || f[i + 1] === '')) aggregate = { kind: 'thread', id: f[i++].trim() };
  // Metric continuation: empty value, unit, event … fields, the metric in the last two.
  const middle = f.slice(i, -2);
  if (middle.length >= 3 && middle.every((x) => x === '')) {
    const metric = metricOf(f[f.length - 2], f[f.length - 1]);
    return metric ? { kind: 'metric', time, metric } : undefined;
  }
  const v = statusOf(f[i]);
  if (!v || f.length - i < 7) return undefined;
  const unit = f[i + 1];
  let end = f.length;
  const munit = f[--end];
  const mval = f[--end];
  const pct = f[--end];
  const run = f[--end];
  // Run time in ns, and the running share printed "%.2f" (of an integer percentage).
  if (!/^\d+$/.test(run) || !/^\d{1,3}\.\d\d$/.test(pct) || Number(pct) > 100) return undefined;
  if (unit !== '' && !/^[A-Za-z%][\w/%.-]*$/.test(unit)) return undefined;
  const metric = metricOf(mval, munit);
  if (!metric && !(mval === '' && munit === '')) return undefined;
  let noisePct: number | undefined;
  if (end - 1 > i + 2 && /^\d+(?:\.\d+)?%$/.test(f[end - 1])) noisePct = parseNumber(f[--end]);
  const runTimeNs = parseNumber(run);
  if (runTimeNs === undefined) return undefined;
  const event = f.slice(i + 2, end).join(sep);
  if (!/^[A-Za-z_{]/.test(event) || /\s/.test(event)) return undefined;
  return {
    kind: 'counter',
    counter: { time, aggregate, value: v.value, status: v.status, unit, event, noisePct, runTimeNs, runningPct: Number(pct), metric: metric ?? undefined },
  };
}

/** The metric fields: both empty (no metric), or a value (empty when negative or NaN) and its unit. */
function metricOf(value: string, unit: string): { value: number | null; unit: string; text: string } | undefined | null {
  if (value === '' && unit === '') return null;
  const u = unit.trim();
  if (value === '') return { value: null, unit: u, text: u };
  const n = parseNumber(value);
  return n === undefined ? undefined : { value: n, unit: u, text: `${value.trim()} ${u}`.trim() };
}

/** The separator of a `-x` line, trying the usual ones; undefined when no one fits. */
export function detectCsvSeparator(line: string): string | undefined {
  for (const sep of CSV_SEPARATORS) if (line.includes(sep) && matchCsv(line, sep)?.kind === 'counter') return sep;
  return undefined;
}
