/** `perf stat` output. Recognised (so it is named, never misread); its parser comes with issue 14. */
import type { FormatDefinition } from '../formatDefinition';

export const perfStatFormat: FormatDefinition = {
  id: 'perf-stat',
  displayName: 'perf stat output',
  languageId: 'perf-stat',
  expected: 'a perf stat counter line (`  1,234,567  cycles  #  1.2 GHz`)',
  applies({ text }) {
    if (/^ Performance counter stats for /m.test(text)) return { verdict: 'yes', reason: 'perf stat header' };
    return { verdict: 'no', reason: 'no perf stat header' };
  },
  views: [],
};
