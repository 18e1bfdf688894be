/** `perf report --stdio` output. Recognised (so it is named, never misread); its parser comes with issue 14. */
import type { FormatDefinition } from '../formatDefinition';

const COLUMN_HEADER = /^#\s+(Overhead|Children)\s/m;
// `perf report --quiet`: rows only, `  59.11%  comm  dso  [.] symbol`.
const ROW = /^\s+\d+\.\d+%\s.*\s\[[.kguH]\]\s/;
/** Longer lines are not classified: ROW is not linear-time. */
const MAX_CLASSIFIED = 2048;

export const perfReportFormat: FormatDefinition = {
  id: 'perf-report',
  displayName: 'perf report output',
  languageId: 'perf-report',
  expected: 'a perf report row (`  12.34%  comm  dso  [.] symbol`)',
  applies({ text, lines }) {
    if (COLUMN_HEADER.test(text)) return { verdict: 'yes', reason: /^# (Event count \(approx\.\)|Samples: )/m.test(text) ? 'perf report header' : 'perf report column header' };
    const rows = lines.filter((l) => l.length <= MAX_CLASSIFIED && ROW.test(l)).length;
    const content = lines.filter((l) => l.trim() && !l.startsWith('#')).length;
    if (rows >= 3 && rows * 2 >= content) return { verdict: 'yes', reason: 'perf report rows' };
    return { verdict: 'no', reason: 'no perf report header or rows' };
  },
  views: [],
};
