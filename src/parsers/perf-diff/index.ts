/** `perf diff` output. Recognised (so it is named, never misread); its parser comes with issue 14. */
import type { FormatDefinition } from '../formatDefinition';

export const perfDiffFormat: FormatDefinition = {
  id: 'perf-diff',
  displayName: 'perf diff output',
  languageId: 'perf-diff',
  expected: 'a perf diff row (`  12.34%   +1.05%  dso  [.] symbol`)',
  applies({ text }) {
    if (/^# Baseline/m.test(text)) return { verdict: 'yes', reason: 'perf diff header' };
    if (/^# Event '.+'$/m.test(text)) return { verdict: 'yes', reason: "perf diff event header (# Event '…')" };
    return { verdict: 'no', reason: 'no perf diff header' };
  },
  views: [],
};
