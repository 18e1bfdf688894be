/**
 * The lines of strace -c / -C / -w / -S / -U output (strace's src/count.c): the header of
 * chosen columns (`% time  seconds  usecs/call  calls  errors syscall` by default; widths grow to
 * fit since 5.6), the dashes rule under it, rows, a second rule and the `total` row; extra
 * personalities' tables follow `System call usage summary for 32 bit mode:`. Lines strace itself
 * writes around the tables (attach/detach notes, traced calls with -C) are recognised too.
 */
import type { SyscallColumnId } from '../../model/syscallSummary';

/** Header label -> column id, with the scale that turns the printed value into µs. */
export const STRACE_COLUMNS: Readonly<Record<string, { id: SyscallColumnId; us?: number }>> = {
  '% time': { id: 'share' },
  seconds: { id: 'total', us: 1e6 },
  'usecs/call': { id: 'avg', us: 1 },
  calls: { id: 'calls' },
  errors: { id: 'errors' },
  syscall: { id: 'syscall' },
  shortest: { id: 'min', us: 1e6 },
  longest: { id: 'max', us: 1e6 },
  'wall-total': { id: 'wallTotal', us: 1e6 },
  'wall-min': { id: 'wallMin', us: 1e6 },
  'wall-max': { id: 'wallMax', us: 1e6 },
  'wall-avg': { id: 'wallAvg', us: 1 },
};

/** Whether a line is an strace -c header: only known column labels, `syscall` among them. */
export function isStraceHeader(line: string): boolean {
  const words = line.replace('% time', '%time').trim().split(/\s+/);
  if (words.length < 2 || !words.includes('syscall')) return false;
  return words.every((w) => w === '%time' || (w !== '% time' && Object.hasOwn(STRACE_COLUMNS, w)));
}

/** A divider: dashes and single spaces only (indented as a whole when pasted into a mail or blog). */
export function isStraceRule(line: string): boolean {
  return /^ *-+(?: -+)*\s*$/.test(line);
}

/** `System call usage summary for 32 bit mode:` -> `32 bit`. */
export function personalityOf(line: string): string | undefined {
  return /^\s*System call usage summary for (.+) mode:\s*$/.exec(line)?.[1];
}

/**
 * What strace writes besides the tables: `strace: Process N attached` (also with strace's path,
 * and the old `Process N attached - interrupt to quit`), other `strace:` messages, and traced
 * calls (-C, or -c with -o elsewhere): `[pid N] name(…`, `+++ exited with 0 +++`, `--- SIGCHLD … ---`,
 * `<... name resumed>`, optionally after a pid and a timestamp.
 */
export function isStraceToolLine(line: string): boolean {
  // `^C` is the terminal's echo of the interrupt that ended strace -p.
  if (/^\s*(?:\^C)?(?:\S*strace: |Process \d+ (?:attached|detached)|\[ Process PID=\d+ runs in .* mode\. \]$)/.test(line)) return true;
  return /^\s*(?:\[pid +\d+\] |\d+ +)?(?:\d[\d:.]* +)?(?:\+\+\+ .*\+\+\+$|--- .*---$|<\.\.\. |[A-Za-z_]\w*\(.*(?:= .+|<unfinished \.\.\.>|\) +\?)$)/.test(line);
}
