/**
 * Syscall cost summaries (`strace -c`, `perf trace -s`) in one model: one group per thread or
 * process (perf trace), per personality (strace's 64-bit table and its `32 bit mode` section), each
 * a Table whose times are all in microseconds (strace prints seconds and usecs/call, perf trace
 * msec; both convert exactly to µs at their printed precision).
 */
import type { ReportBase } from './reportBase';
import { columnIndex, type Table, type TableRow } from './table';

/** The unit of every time column of a SyscallSummary. */
export const SYSCALL_TIME_UNIT = 'us' as const;

/**
 * Column ids a group's table may hold, in this order; only the ones the file printed are there
 * (plus `share`, computed). `total`/`min`/`avg`/`max` are per syscall: total time, shortest,
 * mean and longest call; `stddev` is perf's relative standard deviation in %; `share` is the
 * syscall's % of the group's time; `wallTotal`… are strace 7.1+'s wall-clock columns.
 */
export const SYSCALL_COLUMN_IDS = ['syscall', 'calls', 'errors', 'total', 'min', 'avg', 'max', 'stddev', 'share', 'wallTotal', 'wallMin', 'wallMax', 'wallAvg'] as const;
export type SyscallColumnId = (typeof SYSCALL_COLUMN_IDS)[number];

/** `--errno-summary` sub-lines of perf trace: how often a syscall failed with one errno. */
export interface SyscallErrno {
  syscall: string;
  errno: string;
  count: number;
  /** 1-based line. */
  line: number;
}

/** What a group's header line says (perf trace's ` comm (tid), N events, P%`). */
export interface SyscallGroupHeader {
  comm?: string;
  tid?: number;
  /** Events perf counted for the thread (≈ 2 per syscall: enter and exit). */
  events?: number;
  /** This thread's share of all events, as printed. */
  eventsPercent?: number;
  majfaults?: number;
  minfaults?: number;
  /** Run time with `--sched`, in µs. */
  runtime?: number;
  cgroup?: string;
}

export interface SyscallGroup {
  /** `tcpzc2 (10500)`, `total`, `thread (42)`, `all processes`, `32 bit mode`. */
  title: string;
  /**
   * `thread`: one perf trace thread; `total`: perf trace's `--summary-mode=total` or a whole
   * strace -c run; `cgroup`: perf trace's cgroup mode; `personality`: strace's extra
   * personality section (`System call usage summary for 32 bit mode:`).
   */
  scope: 'thread' | 'total' | 'cgroup' | 'personality';
  header: SyscallGroupHeader;
  /** perf trace `--bpf-summary` blocks (`thread (tid), N events`, no comm). */
  bpf?: boolean;
  /** 1-based lines the group spans (its header line or table header to its last row). */
  line: number;
  endLine: number;
  table: Table;
  errnos: SyscallErrno[];
  /** The file's own total row (strace), in the table's columns; absent when the file has none. */
  totalRow?: TableRow;
}

export interface SyscallSummary extends ReportBase<'strace-summary' | 'perf-trace-summary'> {
  kind: 'syscalls';
  tool: 'strace' | 'perf-trace';
  timeUnit: typeof SYSCALL_TIME_UNIT;
  groups: SyscallGroup[];
  /** Lines outside the tables that belong to the tool (attach/detach notes, traced calls with -C/-S). */
  toolLines: number;
}

/** One syscall row as plain numbers (undefined where the file has no such column). */
export interface SyscallRowValues {
  syscall: string;
  line: number;
  calls?: number;
  errors?: number;
  total?: number;
  min?: number;
  avg?: number;
  max?: number;
  stddev?: number;
  share?: number;
}

/** The rows of a group's table as plain values (for hovers, charts and comparisons). */
export function syscallRows(group: Pick<SyscallGroup, 'table'>): SyscallRowValues[] {
  const t = group.table;
  const idx = (id: SyscallColumnId) => columnIndex(t, id);
  const at = { syscall: idx('syscall'), calls: idx('calls'), errors: idx('errors'), total: idx('total'), min: idx('min'), avg: idx('avg'), max: idx('max'), stddev: idx('stddev'), share: idx('share') };
  const num = (row: TableRow, i: number) => (i >= 0 && typeof row.cells[i] === 'number' ? (row.cells[i] as number) : undefined);
  return t.rows.map((row) => ({
    syscall: String(row.cells[at.syscall] ?? ''),
    line: row.line,
    calls: num(row, at.calls),
    errors: num(row, at.errors),
    total: num(row, at.total),
    min: num(row, at.min),
    avg: num(row, at.avg),
    max: num(row, at.max),
    stddev: num(row, at.stddev),
    share: num(row, at.share),
  }));
}

export function isSyscallSummary(model: { kind: string }): model is SyscallSummary {
  return model.kind === 'syscalls';
}
