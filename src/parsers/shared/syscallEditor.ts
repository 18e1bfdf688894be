/**
 * Hovers on syscall rows of strace -c and perf trace -s documents: what the syscall does (from the
 * man pages, see syscallDescriptions.ts), its share of its group's time and rank, calls, errors
 * and error rate, avg/max per call. The index is built from the parsed model in the worker.
 */
import { syscallRows, type SyscallSummary } from '../../model/syscallSummary';
import { formatDuration, formatNumber } from '../../model/units';
import type { EditorFeatures, FoldRange, HoverText, LineReader, OutlineItem } from '../formatDefinition';
import { ERRNO_DESCRIPTIONS, SYSCALL_DESCRIPTIONS, X86_64_SYSCALL_NAMES } from './syscallDescriptions';

/** What a hover on one row shows (plain data: it crosses from the worker). */
export interface SyscallRowHover {
  syscall: string;
  group: string;
  rank: number;
  of: number;
  calls?: number;
  errors?: number;
  /** µs. */
  total?: number;
  min?: number;
  avg?: number;
  max?: number;
  stddev?: number;
  share?: number;
  errnos?: string;
  /** strace's personality of the table (`32 bit`), where syscall numbers are not x86_64's. */
  personality?: string;
}

/** A hover on a group's first line (thread line, table header) or on its total row. */
export interface SyscallGroupHover {
  title: string;
  syscalls: number;
  calls?: number;
  errors?: number;
  total?: number;
  events?: number;
  eventsPercent?: number;
  /** The costliest syscall and its share of the time. */
  top?: { syscall: string; share?: number };
}

export interface SyscallHoverIndex {
  /** By 1-based line. */
  rows: Map<number, SyscallRowHover>;
  /** By 1-based line: each group's first line and its total row. */
  groups: Map<number, SyscallGroupHover>;
  /** By 1-based line: perf trace's --errno-summary lines. */
  errnos: Map<number, { syscall: string; errno: string; count: number; errors?: number }>;
}

/** Rows by line, ranked by total time within their group (calls when there are no times). */
export function syscallHoverIndex(model: SyscallSummary): SyscallHoverIndex {
  const rows = new Map<number, SyscallRowHover>();
  const groups = new Map<number, SyscallGroupHover>();
  const errnoLines: SyscallHoverIndex['errnos'] = new Map();
  for (const g of model.groups) {
    const values = syscallRows(g);
    const weight = (v: (typeof values)[number]) => v.total ?? v.share ?? v.calls ?? 0;
    const ranked = [...values].sort((a, b) => weight(b) - weight(a));
    const sum = (k: 'calls' | 'errors' | 'total') => (values.some((v) => v[k] !== undefined) ? values.reduce((n, v) => n + (v[k] ?? 0), 0) : undefined);
    const summary: SyscallGroupHover = { title: g.title, syscalls: values.length };
    for (const k of ['calls', 'errors', 'total'] as const) {
      const v = sum(k);
      if (v !== undefined) summary[k] = v;
    }
    if (g.header.events !== undefined) summary.events = g.header.events;
    if (g.header.eventsPercent !== undefined) summary.eventsPercent = g.header.eventsPercent;
    if (ranked[0]) summary.top = { syscall: ranked[0].syscall, ...(ranked[0].share !== undefined ? { share: ranked[0].share } : {}) };
    groups.set(g.line, summary);
    if (g.totalRow) groups.set(g.totalRow.line, summary);
    const errnos = new Map<string, string[]>();
    const errorsOf = new Map(values.map((v) => [v.syscall, v.errors]));
    for (const e of g.errnos) {
      errnos.set(e.syscall, [...(errnos.get(e.syscall) ?? []), `${e.errno} ${e.count}`]);
      const errors = errorsOf.get(e.syscall);
      errnoLines.set(e.line, { syscall: e.syscall, errno: e.errno, count: e.count, ...(errors !== undefined ? { errors } : {}) });
    }
    for (const v of values) {
      const { line, ...rest } = v;
      const hover: SyscallRowHover = { ...rest, group: g.title, rank: ranked.indexOf(v) + 1, of: values.length };
      if (g.scope === 'personality') hover.personality = g.title.replace(/ mode$/, '');
      const errs = errnos.get(v.syscall);
      if (errs) hover.errnos = errs.join(', ');
      rows.set(line, hover);
    }
  }
  return { rows, groups, errnos: errnoLines };
}

/** `ENOENT` -> `errno 2: No such file or directory`. */
export function describeErrno(name: string): string | undefined {
  const e = ERRNO_DESCRIPTIONS[name];
  return e ? `errno ${e[0]}: ${e[1]}` : undefined;
}

/**
 * The man-page line for a syscall name, also for strace's `syscall_0x1c8` and perf's `syscall:456`
 * (numbers read as x86_64's unless `personality` says the table is another one, e.g. `32 bit`).
 */
export function describeSyscall(name: string, personality?: string): string | undefined {
  const own = SYSCALL_DESCRIPTIONS[name];
  if (own) return own;
  const m = /^syscall(?:_0x([0-9a-f]+)|:(\d+))$/i.exec(name);
  if (!m) return undefined;
  const nr = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
  if (personality) return `syscall number ${nr} of the ${personality} personality, unnamed by the tool (this data knows x86_64's numbers only)`;
  const known = X86_64_SYSCALL_NAMES[nr];
  return known ? `syscall number ${nr}, which is ${known} on x86_64: ${SYSCALL_DESCRIPTIONS[known] ?? ''}`.replace(/: $/, '') : `syscall number ${nr}, unnamed by the tool (not an x86_64 syscall this data knows)`;
}

/** µs as `812 µs`, `1.50 ms`, `68.83 s`. */
function duration(us: number): string {
  return formatDuration(us * 1000);
}

function hoverText(h: SyscallRowHover): HoverText {
  const paragraphs: string[] = [];
  paragraphs.push(describeSyscall(h.syscall, h.personality) ?? 'not an x86_64 syscall name in the man pages');
  const share = h.share !== undefined ? `${h.share.toFixed(2)}% of the syscall time of ${h.group}` : `in ${h.group}`;
  paragraphs.push(`${share}; rank ${h.rank} of ${h.of} by ${h.total !== undefined ? 'total time' : h.share !== undefined ? 'share' : 'calls'}.`);
  if (h.calls !== undefined) {
    const errors = h.errors !== undefined ? `, ${formatNumber(h.errors)} errors (${h.calls > 0 ? ((100 * h.errors) / h.calls).toFixed(2) : '0.00'}% of calls failed)` : '';
    paragraphs.push(`${formatNumber(h.calls)} calls${errors}${h.errnos ? `: ${h.errnos}` : ''}.`);
  }
  const times: string[] = [];
  if (h.total !== undefined) times.push(`total ${duration(h.total)}`);
  const computed = h.total !== undefined && h.calls ? h.total / h.calls : undefined;
  // strace prints usecs/call as a whole number: below 1 µs it says 0; total / calls says more.
  const printedZero = h.avg === 0 && computed !== undefined && computed > 0;
  const avg = printedZero ? computed : (h.avg ?? computed);
  if (avg !== undefined) times.push(`avg ${duration(avg)}${h.avg === undefined || printedZero ? ' (total / calls)' : ''} per call`);
  if (h.min !== undefined) times.push(`min ${duration(h.min)}`);
  if (h.max !== undefined) times.push(`max ${duration(h.max)}`);
  if (h.stddev !== undefined) times.push(`stddev ${h.stddev.toFixed(2)}% of avg`);
  if (times.length > 0) paragraphs.push(times.join(', ') + '.');
  return { title: h.syscall, paragraphs };
}

function groupHoverText(g: SyscallGroupHover): HoverText {
  const paragraphs: string[] = [];
  const counts = [`${formatNumber(g.syscalls)} syscalls`];
  if (g.calls !== undefined) counts.push(`${formatNumber(g.calls)} calls`);
  if (g.errors !== undefined) counts.push(`${formatNumber(g.errors)} errors${g.calls ? ` (${((100 * g.errors) / g.calls).toFixed(2)}% of calls failed)` : ''}`);
  if (g.total !== undefined) counts.push(`total ${duration(g.total)}`);
  paragraphs.push(counts.join(', ') + '.');
  if (g.top) paragraphs.push(`Costliest: ${g.top.syscall}${g.top.share !== undefined ? ` (${g.top.share.toFixed(2)}% of the time)` : ''}.`);
  if (g.events !== undefined) paragraphs.push(`${formatNumber(g.events)} events${g.eventsPercent !== undefined ? ` (${g.eventsPercent}% of all events)` : ''}, counting each syscall's enter and exit.`);
  return { title: g.title, paragraphs };
}

function hover(doc: LineReader, line: number, _character: number, _totals: unknown, index?: SyscallHoverIndex): HoverText | undefined {
  const errno = index?.errnos.get(line + 1);
  if (errno && doc.lineAt(line).includes(errno.errno)) {
    const start = doc.lineAt(line).indexOf(errno.errno);
    const share = errno.errors ? ` (${((100 * errno.count) / errno.errors).toFixed(2)}%)` : '';
    return {
      title: errno.errno,
      paragraphs: [describeErrno(errno.errno) ?? 'not a Linux errno name', `${formatNumber(errno.count)} of the ${errno.errors !== undefined ? formatNumber(errno.errors) + ' ' : ''}errors of ${errno.syscall}${share}.`],
      span: { start, end: start + errno.errno.length },
    };
  }
  const group = index?.groups.get(line + 1);
  if (group && doc.lineAt(line).trim().length > 0) return groupHoverText(group);
  const h = index?.rows.get(line + 1);
  if (!h) return undefined;
  const text = doc.lineAt(line);
  // The row as parsed must still be on this line (the document may have changed since).
  const start = findWord(text, h.syscall);
  if (start < 0) return undefined;
  return { ...hoverText(h), span: { start, end: start + h.syscall.length } };
}

function findWord(text: string, word: string): number {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = i === 0 || /\s/.test(text[i - 1]);
    const after = i + word.length === text.length || /\s/.test(text[i + word.length]);
    if (before && after) return i;
  }
  return -1;
}

export function syscallSummaryEditor(outline: (doc: LineReader) => OutlineItem[]): EditorFeatures<SyscallSummary, SyscallHoverIndex> {
  // Each table (thread block) folds from its first line to its last row.
  const folding = (doc: LineReader): FoldRange[] => outline(doc).filter((i) => i.end > i.start).map((i) => ({ start: i.start, end: i.end }));
  return { folding, outline, hoverIndex: syscallHoverIndex, hover };
}
