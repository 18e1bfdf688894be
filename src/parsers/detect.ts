/**
 * Guesses the format of a report from its first lines (a few KiB is enough). Pure, so the CLI, the
 * worker and the language features share it. Formats without a parser yet are still recognised, so
 * users get "this is a perf report" instead of a confusing parse error.
 */
import type { FormatId } from '../model/format';
import { matchFrame } from './perfScriptLines';

export interface Detection {
  format: FormatId | undefined;
  /** Why, for messages. */
  reason: string;
}

const PERF_DATA_MAGIC = 'PERFILE2';
// comm pid[/tid] [cpu] [time:] [period] event:  (old perf printed no time)
const SCRIPT_HEADER = /^\s*\S.*?\s+-?\d+(?:\/-?\d+)?\s+(?:\[-?\d+\]\s+)?(?:\d+\.\d+:\s+)?(?:\d+\s+)?\S+:(?:\s|$)/;
const REPORT_ROW = /^\s+\d+\.\d+%\s.*\s\[[.kguH]\]\s/;
const COUNT = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
/** Lines longer than this are not classified: the patterns above are not linear-time. */
const MAX_CLASSIFIED = 2048;

/** `  ffffffff8103ce3b native_safe_halt ([kernel.kallsyms])`: indented, hex address, `(dso)`. */
function isScriptFrame(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c === 9 || c === 32) && /^\s+[0-9a-f]+\s/.test(line) && line.trimEnd().endsWith(')') && matchFrame(line) !== undefined;
}

/** `frame;frame;leaf 12` (or a single frame with a count; space or tab before it). */
function isFoldedLine(line: string): boolean {
  const t = line.trimEnd();
  const sp = Math.max(t.lastIndexOf(' '), t.lastIndexOf('\t'));
  return sp > 0 && !/^\s/.test(t) && COUNT.test(t.slice(sp + 1));
}

export function detectFormat(head: string): Detection {
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  if (head.startsWith(PERF_DATA_MAGIC)) {
    return { format: undefined, reason: 'this is a binary perf.data file; convert it first with `perf script -i FILE > out.txt`' };
  }
  if (head.slice(0, 8192).includes('\0')) return { format: undefined, reason: 'binary data (NUL bytes), not a text report' };
  const lines = head.split('\n', 400).map((l) => l.replace(/\r$/, ''));
  const text = lines.join('\n');
  if (/^# (Event count \(approx\.\)|Samples: )/m.test(text) && /^#\s+(Overhead|Children|Baseline)/m.test(text)) {
    return /^# Baseline/m.test(text) ? { format: 'perf-diff', reason: 'perf diff header' } : { format: 'perf-report', reason: 'perf report header' };
  }
  if (/^# Baseline\s/m.test(text) || /^# Event '.+'$/m.test(text)) return { format: 'perf-diff', reason: 'perf diff header' };
  if (/^#\s+(Overhead|Children)\s/m.test(text)) return { format: 'perf-report', reason: 'perf report column header' };
  if (/^ Performance counter stats for /m.test(text)) return { format: 'perf-stat', reason: 'perf stat header' };
  if (/^ Summary of events:/m.test(text)) return { format: 'perf-trace-summary', reason: 'perf trace -s summary' };
  if (/^% time\s+seconds\s+usecs\/call\s+calls/m.test(text)) return { format: 'strace-summary', reason: 'strace -c table' };

  // `perf report --quiet`: rows only, `  59.11%  comm  dso  [.] symbol`.
  const reportRows = lines.filter((l) => l.length <= MAX_CLASSIFIED && REPORT_ROW.test(l)).length;
  if (reportRows >= 3 && reportRows * 2 >= lines.filter((l) => l.trim() && !l.startsWith('#')).length) {
    return { format: 'perf-report', reason: 'perf report rows' };
  }

  let scriptHeaders = 0;
  let scriptFrames = 0;
  let folded = 0;
  let other = 0;
  for (const line of lines) {
    if (line.length === 0 || line.startsWith('#')) continue;
    if (isScriptFrame(line)) scriptFrames++;
    else if (line.length <= MAX_CLASSIFIED && SCRIPT_HEADER.test(line)) scriptHeaders++;
    else if (isFoldedLine(line)) folded++;
    else other++;
  }
  if (scriptHeaders > 0 && scriptHeaders + scriptFrames >= folded) return { format: 'perf-script', reason: 'perf script sample lines' };
  if (folded > 0 && folded >= other) return { format: 'folded', reason: 'folded stack lines' };
  if ((lines[0] ?? '').length <= MAX_CLASSIFIED && /^[A-Za-z_][\w ]*(,[A-Za-z_%][\w ()%/]*){2,}$/.test(lines[0] ?? '')) return { format: 'ebpf-csv', reason: 'CSV header' };
  return { format: undefined, reason: 'no known report format recognised in the first lines' };
}
