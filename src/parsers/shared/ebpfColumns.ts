/**
 * Column roles of eBPF tables, told by header name and unit suffix: `total_duration_ns` is a total
 * in ns, `variance_us` a variance in µs², `count_per_page` a rate per page, `function`/`comm`/`syscall`
 * the row's key. bcc's CSV headers (`LATENCY_us`, `OFFSET_b`, `TIMESTAMP_ns`) and aligned headers
 * with the unit in parentheses (`TIME (us)`) read the same way.
 */
import type { EbpfColumnRole } from '../../model/ebpfTable';
import type { Unit } from '../../model/units';

export interface HeaderRole {
  role: EbpfColumnRole;
  unit: Unit;
  /** For `per_<work>` columns. */
  per?: string;
  /** A suffix that looks like a unit but is not one we know (`latency_xs`): the column gets no unit. */
  unknownUnit?: string;
}

const UNITS: Record<string, Unit> = {
  ns: 'ns', nsec: 'ns', nsecs: 'ns', nanoseconds: 'ns',
  us: 'us', usec: 'us', usecs: 'us', µs: 'us', microseconds: 'us',
  ms: 'ms', msec: 'ms', msecs: 'ms', milliseconds: 'ms',
  s: 's', sec: 's', secs: 's', seconds: 's',
  b: 'bytes', bytes: 'bytes',
};

const KEYS = new Set(['function', 'func', 'fn', 'name', 'comm', 'task', 'process', 'syscall', 'probe', 'symbol', 'sym', 'kfunc', 'event']);
const COUNTS = new Set(['count', 'calls', 'cnt', 'hits', 'n', 'num', 'events', 'ncalls']);
const MEANS = new Set(['mean', 'avg', 'average']);
const VARIANCES = new Set(['variance', 'var']);
const STDDEVS = new Set(['stddev', 'std', 'stdev', 'sd']);
/** Bases that carry a time: a short suffix after one of these that is not a unit is an unknown unit. */
const TIMED = /^(?:total|sum|mean|avg|average|variance|var|stddev|std|stdev|duration|latency|lat|time|min|max|total_duration|total_time)$/;

/** Lower-case, words joined by `_`, the unit in parentheses kept as a last word (`TIME (us)` -> `time_us`). */
export function normalizeHeader(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[()[\]]/g, ' ')
    .replace(/[^a-z0-9µ%]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** What a column is, from its header alone. */
export function headerRole(label: string): HeaderRole {
  const name = normalizeHeader(label);
  const words = name.split('_').filter((w) => w.length > 0);
  // The unit is the rightmost unit word after the first (`offset_ns_cpu0` -> ns; `s` alone is no unit).
  let unit: Unit = 'none';
  let unitAt = -1;
  for (let i = words.length - 1; i >= 1; i--) {
    const u = UNITS[words[i]];
    if (u) {
      unit = u;
      unitAt = i;
      break;
    }
  }
  if (unitAt < 0 && words.length === 1 && (words[0] === 'bytes' || words[0] === 'size')) unit = 'bytes';
  const baseWords = unitAt < 0 ? words : words.filter((_, i) => i !== unitAt);
  const base = baseWords.join('_');
  const per = /(?:^|_)per_([a-z][a-z0-9]*)$/.exec(base);
  if (per) return { role: 'perUnit', unit: 'none', per: per[1] };
  let unknownUnit: string | undefined;
  if (unitAt < 0 && words.length >= 2) {
    const last = words[words.length - 1];
    const head = words.slice(0, -1).join('_');
    if (TIMED.test(head) && /^[a-zµ]{1,3}$/.test(last) && !COUNTS.has(last)) unknownUnit = last;
  }
  const withUnknown = (r: HeaderRole): HeaderRole => (unknownUnit ? { ...r, unknownUnit } : r);
  if (KEYS.has(base)) return { role: 'key', unit: 'none' };
  const first = baseWords[0] ?? '';
  const last = baseWords[baseWords.length - 1] ?? '';
  const has = (set: Set<string>) => set.has(base) || set.has(first) || set.has(last);
  if (COUNTS.has(base) || last === 'count') return { role: 'count', unit: 'count' };
  if (has(VARIANCES)) return withUnknown({ role: 'variance', unit });
  if (has(STDDEVS)) return withUnknown({ role: 'stddev', unit });
  if (has(MEANS)) return withUnknown({ role: 'mean', unit });
  if (first === 'min' || last === 'min') return withUnknown({ role: 'min', unit });
  if (first === 'max' || last === 'max') return withUnknown({ role: 'max', unit });
  if ((first === 'total' || first === 'sum' || last === 'total') && unit !== 'bytes') return withUnknown({ role: 'total', unit });
  if (/^(?:timestamp|ts|endtime|starttime|end_time|start_time|time_end|time_start)$/.test(base)) return { role: 'timestamp', unit };
  if (unit === 'bytes') return { role: 'bytes', unit };
  if (unit !== 'none') return { role: 'time', unit };
  return withUnknown({ role: 'number', unit });
}

/** Column ids from labels: normalised, unique (`count`, `count_2`). */
export function columnIds(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label, i) => {
    // An empty first label is pandas' index (`to_csv()`).
    const id = normalizeHeader(label) || (i === 0 ? 'index' : `column_${i + 1}`);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}_${n}`;
  });
}

/** Whether labels look like an eBPF table's header: a key column and a count or timed column. */
export function isEbpfHeader(labels: readonly string[]): boolean {
  if (labels.length < 2) return false;
  let key = false;
  let measure = false;
  for (const l of labels) {
    // pandas' `...` stands for elided columns; an empty label is its index (`to_csv()`) or a trailing delimiter.
    if (l.trim() === '...' || l.trim() === '') continue;
    if (!/^[A-Za-z_%][\w %()/.µ-]*$/.test(l.trim())) return false;
    const r = headerRole(l);
    if (r.role === 'key') key = true;
    else if (r.role === 'count' || r.role === 'total' || r.role === 'mean' || (r.unit !== 'none' && r.unit !== 'count')) measure = true;
  }
  return key && measure;
}
