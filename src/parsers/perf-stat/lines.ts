/**
 * perf stat's lines one at a time, as pure functions (util/stat-display.c): the header, the
 * elapsed/user/sys footer, a human counter line (`[time] [aggr] value [unit] event [# metric]
 * [( +- x% )] [(run%)]`), a metric continuation line, and `-x SEP` lines consumed from both ends.
 * Numbers go through parseLocaleNumber: counts may be grouped under the user's locale.
 */
import type { StatAggregate, StatValueStatus } from '../../model/perfStat';
import { asciiFields, parseLocaleNumber, type Field } from '../shared/columns';
import { aggregateAt } from './aggregate';

export interface HeaderLine {
  target: string;
  command?: string;
  runs: number;
}

/** ` Performance counter stats for './t' (3 runs):` */
export function matchHeader(line: string): HeaderLine | undefined {
  const t = line.trim();
  const PREFIX = 'Performance counter stats for ';
  if (!t.startsWith(PREFIX) || !t.endsWith(':')) return undefined;
  let target = t.slice(PREFIX.length, -1).trimEnd();
  let runs = 1;
  const m = / \((\d+) runs\)$/.exec(target);
  if (m) {
    runs = Number.isSafeInteger(Number(m[1])) ? Number(m[1]) : 1;
    target = target.slice(0, m.index);
  }
  const quoted = target.length >= 2 && target.startsWith("'") && target.endsWith("'") ? target.slice(1, -1) : undefined;
  const command = quoted !== undefined && quoted !== 'system wide' && !quoted.startsWith('CPU(s) ') && !quoted.startsWith('BPF program(s) ') ? quoted : undefined;
  return { target, command, runs };
}

export interface SecondsLine {
  kind: 'elapsed' | 'user' | 'sys';
  seconds: number;
  stddev?: number;
  noisePct?: number;
}

/** `1.171723393 seconds time elapsed`, `1.267 +- 0.380 seconds time elapsed  ( +- 29.98% )`, `… seconds user|sys`. */
export function matchSeconds(line: string): SecondsLine | undefined {
  if (!line.includes(' seconds ')) return undefined;
  const f = asciiFields(line);
  if (f.length < 3) return undefined;
  const seconds = parseLocaleNumber(f[0].text, false);
  if (seconds === undefined) return undefined;
  let i = 1;
  let stddev: number | undefined;
  if (f[i].text === '+-' && f.length > i + 1) {
    stddev = parseLocaleNumber(f[i + 1].text, false);
    if (stddev === undefined) return undefined;
    i += 2;
  }
  if (f[i]?.text !== 'seconds') return undefined;
  const what = f
    .slice(i + 1)
    .map((x) => x.text)
    .join(' ');
  if (what === 'user' || what === 'sys') return stddev === undefined ? { kind: what, seconds } : undefined;
  if (!what.startsWith('time elapsed')) return undefined;
  const rest = what.slice('time elapsed'.length).trim();
  if (rest === '') return { kind: 'elapsed', seconds, stddev };
  const noisePct = noiseOf(rest);
  return noisePct === undefined ? undefined : { kind: 'elapsed', seconds, stddev, noisePct };
}

/** `( +- 29.98% )` (spaces vary) -> 29.98. */
function noiseOf(text: string): number | undefined {
  const t = text.replace(/\s+/g, '');
  if (!t.startsWith('(+-') || !t.endsWith('%)')) return undefined;
  return parseLocaleNumber(t.slice(3, -2), false);
}

export interface CounterLine {
  time?: number;
  aggregate?: StatAggregate;
  value: number | null;
  status: StatValueStatus;
  unit: string;
  event: string;
  cgroup?: string;
  noisePct?: number;
  runningPct?: number;
  runTimeNs?: number;
  /** The text after `#`, unparsed ('' when none). */
  metricText: string;
  /** Where the metric text starts on the line (for continuation-line alignment and hovers). */
  metricStart: number;
}

/** Units perf prints in the unit column (evsel->unit: software clocks, RAPL, memory bandwidth, …). */
const UNITS = new Set(['msec', 'ns', 'us', 'usec', 'sec', 'Joules', 'MiB', 'MiB/s', 'GiB', 'KiB', 'B', 'W', 'Watts', 'MHz', '%']);
const INTERVAL = /^\d+[.,]\d{9}$/;

/** A counter value field: a locale number or `<not counted>` / `<not supported>` (two fields). */
function valueAt(f: Field[], i: number): { value: number | null; status: StatValueStatus; next: number } | undefined {
  const t = f[i]?.text;
  if (t === undefined) return undefined;
  if (t === '<not' && (f[i + 1]?.text === 'counted>' || f[i + 1]?.text === 'supported>')) {
    return { value: null, status: f[i + 1].text === 'counted>' ? 'not counted' : 'not supported', next: i + 2 };
  }
  if (t === '<not-counted>' || t === '<not-supported>') return { value: null, status: t === '<not-counted>' ? 'not counted' : 'not supported', next: i + 1 };
  // Counts never carry a `%` (perf report rows do).
  const v = t.endsWith('%') ? undefined : parseLocaleNumber(t, true);
  return v === undefined ? undefined : { value: v, status: 'counted', next: i + 1 };
}

/** The trailing `( +- x% )` and `(y%)` groups of a human line: what they say, and where the rest ends. */
function trailingGroups(line: string): { noisePct?: number; runningPct?: number; end: number } {
  let end = line.length;
  let noisePct: number | undefined;
  let runningPct: number | undefined;
  for (let k = 0; k < 2; k++) {
    const close = line.lastIndexOf(')', end - 1);
    if (close < 0 || line.slice(close + 1, end).trim() !== '') break;
    const open = line.lastIndexOf('(', close);
    if (open < 0) break;
    const inner = line.slice(open + 1, close).trim();
    if (inner.startsWith('+-') && noisePct === undefined) {
      const n = parseLocaleNumber(inner.slice(2).replace(/%$/, ''), false);
      if (n === undefined || !inner.endsWith('%')) break;
      noisePct = n;
    } else if (inner.endsWith('%') && runningPct === undefined && noisePct === undefined) {
      const n = parseLocaleNumber(inner.slice(0, -1), false);
      if (n === undefined) break;
      runningPct = n;
    } else break;
    end = open;
  }
  return { noisePct, runningPct, end };
}

/** A human-format counter line, or undefined when the line is not one. */
export function matchCounter(raw: string): CounterLine | undefined {
  const groups = trailingGroups(raw);
  const line = raw.slice(0, groups.end);
  const hash = line.indexOf('#');
  const left = hash < 0 ? line : line.slice(0, hash);
  const f = asciiFields(left);
  let i = 0;
  let time: number | undefined;
  if (f.length > 2 && INTERVAL.test(f[0].text)) {
    time = parseLocaleNumber(f[0].text, false);
    i = 1;
  }
  let aggregate: StatAggregate | undefined;
  const aggr = aggregateAt(
    f.map((x) => x.text),
    i,
  );
  if (aggr) {
    aggregate = aggr.aggregate;
    i += aggr.used;
  }
  let v = valueAt(f, i);
  if (!v && !aggregate) {
    // `--per-thread`: `comm-tid` (a comm may hold spaces) before the value.
    for (let j = i + 1; j < f.length && j <= i + 4; j++) {
      const at = valueAt(f, j);
      const id = f
        .slice(i, j)
        .map((x) => x.text)
        .join(' ');
      if (at && /-\d+$/.test(id)) {
        aggregate = { kind: 'thread', id };
        v = at;
        break;
      }
    }
  }
  if (!v) return undefined;
  const rest = f.slice(v.next).map((x) => x.text);
  if (rest.length === 0) return undefined;
  let unit = '';
  let event: string;
  let cgroup: string | undefined;
  if (rest.length >= 2 && UNITS.has(rest[0])) {
    unit = rest[0];
    event = rest[1];
    if (rest.length > 2) cgroup = rest.slice(2).join(' ');
  } else {
    event = rest[0];
    if (rest.length === 2 && /^\(.+\)$/.test(rest[1])) unit = rest[1].slice(1, -1); // perf ≤ 4.x: `task-clock (msec)`
    else if (rest.length > 1) cgroup = rest.slice(1).join(' ');
  }
  // An event name is one word of letters, digits and perf's event punctuation, never a bare number.
  if (!/^[A-Za-z_][\w.:/=,@\-+[\]{}]*$/.test(event)) return undefined;
  return {
    time,
    aggregate,
    value: v.value,
    status: v.status,
    unit,
    event,
    cgroup,
    noisePct: groups.noisePct,
    runningPct: groups.runningPct,
    metricText: hash < 0 ? '' : line.slice(hash + 1).trim(),
    metricStart: hash < 0 ? -1 : hash + 1,
  };
}

/** A continuation metric line: `[time] [aggr]   #  0.50  stalled cycles per insn`. */
export function matchContinuation(raw: string): { metricText: string; time?: number } | undefined {
  const hash = raw.indexOf('#');
  if (hash < 0) return undefined;
  const f = asciiFields(raw.slice(0, hash));
  let time: number | undefined;
  let i = 0;
  if (f.length > 0 && INTERVAL.test(f[0].text)) {
    time = parseLocaleNumber(f[0].text, false);
    i = 1;
  }
  if (f.length > i + 2) return undefined;
  if (f.length > i && !/^(CPU\d+|S\d+\S*|N\d+|\d+)$/.test(f[i].text)) return undefined;
  return { metricText: groupsStripped(raw.slice(hash + 1)), time };
}

function groupsStripped(text: string): string {
  return text.slice(0, trailingGroups(text).end).trim();
}

/** The metric text after `#`: a leading number (locale decimal mark) and the unit text after it. */
export function parseMetric(text: string): { value: number | null; unit: string; text: string } | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return undefined;
  const m = /^([-+]?[\d.,]+) ?(.*)$/.exec(t);
  if (m) {
    const value = parseLocaleNumber(m[1], false);
    if (value !== undefined) return { value, unit: m[2], text: t };
  }
  return { value: null, unit: t, text: t };
}

/** A metric-group line (`       TopdownL1 (cpu_core)  #  21.9 %  tma_backend_bound`): name and metric text. */
export function matchMetricGroup(raw: string): { name: string; metricText: string } | undefined {
  const hash = raw.indexOf('#');
  if (hash <= 0) return undefined;
  const name = raw.slice(0, hash).trim();
  if (name === '' || /^\d/.test(name) || !/^[A-Za-z][\w.\- ()]*$/.test(name)) return undefined;
  return { name, metricText: groupsStripped(raw.slice(hash + 1)) };
}
