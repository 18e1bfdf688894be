/** `perf trace -s` summaries. Recognised (so they are named, never misread); the parser comes with issue 15. */
import type { FormatDefinition } from '../formatDefinition';

export const perfTraceSummaryFormat: FormatDefinition = {
  id: 'perf-trace-summary',
  displayName: 'perf trace -s summary',
  languageId: 'perf-trace-summary',
  expected: 'a perf trace -s row (`syscall  calls  errors  total  min  avg  max  stddev`)',
  applies({ text }) {
    if (/^ Summary of events:/m.test(text)) return { verdict: 'yes', reason: 'perf trace -s summary' };
    return { verdict: 'no', reason: 'no perf trace summary header' };
  },
  views: [],
};
