/**
 * Guesses the format of a report from its first lines (a few KiB is enough). Pure, so the CLI, the
 * worker and the language features share it. Formats without a parser yet are still recognised, so
 * users get "this is a perf report" instead of a confusing parse error.
 */
import type { FormatId } from '../model/format';

export interface Detection {
  format: FormatId | undefined;
  /** Why, for messages. */
  reason: string;
}

const PERF_DATA_MAGIC = 'PERFILE2';
// comm pid[/tid] [cpu] [time:] [period] event:  (old perf printed no time)
const SCRIPT_HEADER = /^\s*\S.*?\s+-?\d+(?:\/-?\d+)?\s+(?:\[-?\d+\]\s+)?(?:\d+\.\d+:\s+)?(?:\d+\s+)?\S+:(?:\s|$)/;
const SCRIPT_FRAME = /^\s+[0-9a-f]+\s+.+\(.*\)\s*$/;
const REPORT_ROW = /^\s+\d+\.\d+%\s.*\s\[[.kguH]\]\s/;
const FOLDED_LINE = /^[^\s;][^\n]*;[^\n]* [0-9.]+$|^\S[^\n]* [0-9]+(?:\.[0-9]+)?$/;

export function detectFormat(head: string): Detection {
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
  const reportRows = lines.filter((l) => REPORT_ROW.test(l)).length;
  if (reportRows >= 3 && reportRows * 2 >= lines.filter((l) => l.trim() && !l.startsWith('#')).length) {
    return { format: 'perf-report', reason: 'perf report rows' };
  }

  let scriptHeaders = 0;
  let scriptFrames = 0;
  let folded = 0;
  let other = 0;
  for (const line of lines) {
    if (line.length === 0 || line.startsWith('#')) continue;
    if (SCRIPT_FRAME.test(line)) scriptFrames++;
    else if (SCRIPT_HEADER.test(line)) scriptHeaders++;
    else if (FOLDED_LINE.test(line)) folded++;
    else other++;
  }
  if (scriptHeaders > 0 && scriptHeaders + scriptFrames >= folded) return { format: 'perf-script', reason: 'perf script sample lines' };
  if (folded > 0 && folded >= other) return { format: 'folded', reason: 'folded stack lines' };
  if (/^[A-Za-z_][\w ]*(,[A-Za-z_%][\w ()%/]*){2,}$/m.test(lines[0] ?? '')) return { format: 'ebpf-csv', reason: 'CSV header' };
  return { format: undefined, reason: 'no known report format recognised in the first lines' };
}
