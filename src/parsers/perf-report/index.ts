/** `perf report --stdio` output: rows per event, call graphs rebuilt into call trees. */
import type { PerfReport } from '../../model/perfReport';
import type { FormatDefinition } from '../formatDefinition';
import { perfReportEditor, type PerfReportHoverIndex } from './editor';
import { PerfReportParser, type PerfReportOptions } from './parser';

export { PerfReportParser, parsePerfReport } from './parser';

// `-t ,` prints `# Overhead,Command,…`.
const COLUMN_HEADER = /^#\s+(Overhead|Children)(?:\s|[,;:|])/m;
/** The event line only perf report prints (perf diff names events `# Event 'x'`). */
const SAMPLES_LINE = /^# Samples: \d+[KMG]? +of events? '/m;
// `perf report --quiet`: rows only, `  59.11%  comm  dso  [.] symbol`; copied from the TUI with a
// `+`/`-` fold marker in front.
const ROW = /^(?:\s+|[+-]\s+)\d+\.\d+%\s.*\s\[[.kguH]\]\s/;
/** A call-graph line copied from the TUI: `   - 34.86% Writer::run`. */
const TUI_CHAIN = /^\s+[+-]?\s*\d+\.\d+% \S/;
/** Longer lines are not classified: ROW is not linear-time. */
const MAX_CLASSIFIED = 2048;

export const perfReportFormat: FormatDefinition<PerfReportOptions, PerfReport, PerfReportHoverIndex> = {
  id: 'perf-report',
  displayName: 'perf report output',
  languageId: 'perf-report',
  expected: 'a perf report row (`  12.34%  comm  dso  [.] symbol`)',
  applies({ text, lines }) {
    if (SAMPLES_LINE.test(text)) return { verdict: 'yes', reason: 'perf report header' };
    if (COLUMN_HEADER.test(text)) return { verdict: 'yes', reason: /^# (Event count \(approx\.\)|Samples: )/m.test(text) ? 'perf report header' : 'perf report column header' };
    const rows = lines.filter((l) => l.length <= MAX_CLASSIFIED && ROW.test(l)).length;
    const chains = lines.filter((l) => l.length <= MAX_CLASSIFIED && TUI_CHAIN.test(l)).length;
    const content = lines.filter((l) => l.trim() && !l.startsWith('#')).length;
    if (rows >= 3 && (rows + chains) * 2 >= content) return { verdict: 'yes', reason: 'perf report rows' };
    return { verdict: 'no', reason: 'no perf report header or rows' };
  },
  parser: { defaults: { maxRows: 0 }, create: (options) => new PerfReportParser({ maxRows: 0, ...options }) },
  views: ['flameGraph', 'tables'],
  editor: perfReportEditor,
};
