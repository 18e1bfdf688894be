/** `strace -c` summary tables. Recognised (so they are named, never misread); the parser comes with issue 15. */
import type { FormatDefinition } from '../formatDefinition';

export const straceSummaryFormat: FormatDefinition = {
  id: 'strace-summary',
  displayName: 'strace -c summary',
  languageId: 'strace-summary',
  expected: 'an strace -c row (`% time  seconds  usecs/call  calls  errors  syscall`)',
  applies({ text }) {
    if (/^% time\s+(?:seconds|total)/m.test(text) && /\bcalls\b/.test(text)) return { verdict: 'yes', reason: 'strace -c table' };
    return { verdict: 'no', reason: 'no strace -c table header' };
  },
  views: [],
};
