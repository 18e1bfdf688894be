/**
 * Is this `perf stat` output? Its header, the `-I` column header, or (headerless `-x SEP` and
 * pasted counter lines) most lines reading as perf stat counters.
 */
import type { Applicability, FormatHead } from '../formatDefinition';
import { detectCsvSeparator } from './csv';
import { matchJson } from './json';
import { matchCounter } from './lines';

const MAX_CLASSIFIED = 2048;

export function perfStatApplies({ text, lines }: FormatHead): Applicability {
  if (/^[ \t>]*Performance counter stats for /m.test(text)) return { verdict: 'yes', reason: 'perf stat header' };
  if (/^#\s+time\s+counts\s+unit\s+events\s*$/m.test(text)) return { verdict: 'yes', reason: 'perf stat -I interval header' };
  let csv = 0;
  let human = 0;
  let strong = 0;
  let content = 0;
  for (const l of lines) {
    if (l.trim() === '' || l.startsWith('#') || l.length > MAX_CLASSIFIED) continue;
    content++;
    if (detectCsvSeparator(l) !== undefined || matchJson(l)?.kind === 'counter') csv++;
    else {
      const c = matchCounter(l);
      if (!c) continue;
      human++;
      // `2 chdir` fits many tools; a metric, a unit, a timestamp, a share or <not counted> is perf stat's own.
      if (c.metricText !== '' || c.unit !== '' || c.time !== undefined || c.status !== 'counted' || c.runningPct !== undefined || c.noisePct !== undefined) strong++;
    }
  }
  if (csv >= Math.min(2, content) && csv > 0 && csv * 2 >= content) return { verdict: 'yes', reason: `${csv} perf stat -x / -j counter lines` };
  if (human >= 3 && strong >= 2 && human * 2 >= content) return { verdict: 'maybe', reason: `${human} perf stat counter lines`, score: human };
  return { verdict: 'no', reason: 'no perf stat header or counter lines' };
}
