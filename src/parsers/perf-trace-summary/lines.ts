/**
 * The lines of `perf trace -s` / `-S` / `--summary` / `--errno-summary` / `--bpf-summary` output
 * (tools/perf/builtin-trace.c and util/bpf-trace-summary.c; docs/perf-formats.md §4): ` Summary of
 * events:`, one block per thread (` comm (tid), N events, P%`), per total (` total, N events`),
 * cgroup or BPF thread (` thread (tid), N events`), each with a 3-line table header and rows.
 * Leading white space is not counted (excerpts are often re-indented).
 */
import type { SyscallColumnId, SyscallGroupHeader } from '../../model/syscallSummary';

export const SUMMARY_TITLE = /^\s*Summary of events:$/;

export interface GroupLine {
  title: string;
  scope: 'thread' | 'total' | 'cgroup';
  bpf: boolean;
  header: SyscallGroupHeader;
}

const SUFFIX = String.raw`(?:, (\d+) majfaults)?(?:, (\d+) minfaults)?(?:, (\d+(?:[.,]\d+)?) msec)?$`;
const THREAD = new RegExp(String.raw`^\s*(\S.*) \((\d+)\), (\d+) events, (-?(?:\d+(?:[.,]\d+)?|nan|inf))%` + SUFFIX);
const TOTAL = new RegExp(String.raw`^\s*total, (\d+) events` + SUFFIX);
const BPF_THREAD = /^\s*thread \((\d+)\), (\d+) events$/;
const CGROUP = /^\s*cgroup (?:id:(\d+)|(.+)), (\d+) events$/;

/** A block's first line, or undefined. */
export function groupLine(line: string): GroupLine | undefined {
  if (!line.includes(' events')) return undefined;
  let m = BPF_THREAD.exec(line);
  if (m) return { title: `thread (${m[1]})`, scope: 'thread', bpf: true, header: { tid: Number(m[1]), events: Number(m[2]) } };
  m = TOTAL.exec(line);
  if (m) return { title: 'total', scope: 'total', bpf: false, header: { events: Number(m[1]), ...faults(m, 2) } };
  m = THREAD.exec(line);
  if (m) {
    const pct = Number(m[4].replace(',', '.'));
    const header: SyscallGroupHeader = { comm: m[1], tid: Number(m[2]), events: Number(m[3]), ...(Number.isFinite(pct) ? { eventsPercent: pct } : {}), ...faults(m, 5) };
    return { title: `${m[1]} (${m[2]})`, scope: 'thread', bpf: false, header };
  }
  m = CGROUP.exec(line);
  if (m) {
    const cgroup = m[2] ?? `id:${m[1]}`;
    return { title: `cgroup ${cgroup}`, scope: 'cgroup', bpf: true, header: { cgroup, events: Number(m[3]) } };
  }
  return undefined;
}

function faults(m: RegExpExecArray, at: number): SyscallGroupHeader {
  const h: SyscallGroupHeader = {};
  if (m[at] !== undefined) h.majfaults = Number(m[at]);
  if (m[at + 1] !== undefined) h.minfaults = Number(m[at + 1]);
  if (m[at + 2] !== undefined) h.runtime = Math.round(Number(m[at + 2].replace(',', '.')) * 1e6) / 1e3;
  return h;
}

/** Header label -> column id (`errors` is missing before perf 5.5; retyped tables may stop early). */
export const TRACE_COLUMNS: Readonly<Record<string, SyscallColumnId>> = {
  syscall: 'syscall',
  calls: 'calls',
  errors: 'errors',
  total: 'total',
  min: 'min',
  avg: 'avg',
  max: 'max',
  stddev: 'stddev',
};

/** The column labels of a table header line (`syscall  calls  errors  total …`), or undefined. */
export function tableHeader(line: string): string[] | undefined {
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'syscall' || words[1] !== 'calls') return undefined;
  return words.every((w) => Object.hasOwn(TRACE_COLUMNS, w)) && new Set(words).size === words.length ? words : undefined;
}

/** µs per printed unit of the units line's `(msec)` cells. */
export const UNIT_SCALE: Readonly<Record<string, number>> = { '(sec)': 1e6, '(msec)': 1e3, '(usec)': 1, '(nsec)': 1e-3 };

/** The units line under the header: `(msec)` per time column, `(%)` for stddev. */
export function unitsLine(line: string): string[] | undefined {
  const words = line.trim().split(/\s+/);
  return words.length > 0 && words.every((w) => w === '(%)' || Object.hasOwn(UNIT_SCALE, w)) ? words : undefined;
}

/** `\t\t\t\tENOENT: 1` under a row (--errno-summary). */
export function errnoLine(line: string): { errno: string; count: number } | undefined {
  const m = /^\s+([A-Z][A-Z0-9_]*|\d+): (\d+)$/.exec(line);
  return m ? { errno: m[1], count: Number(m[2]) } : undefined;
}

/**
 * A traced event line of `perf trace -S` / plain `perf trace`: a timestamp (or `?`), the duration
 * in parentheses unless disabled, `comm/tid` when several threads are traced, then the call
 * (`  1.210 ( 0.021 ms): sleep/15054 brk() = 0x…`); or perf's `LOST 3 events!`.
 */
export function isTraceEventLine(line: string): boolean {
  return /^\s*(?:\d+\.\d+|\?) (?:\((?:\s*\d+\.\d+ ms|\s*\?\s*|\s{9})\): )?(?:\S+\/\d+ )?(?:\s*\.\.\. \[continued\]: )?[A-Za-z_][\w:]*\(/.test(line) || /^\s*LOST \d+ events!$/.test(line);
}
