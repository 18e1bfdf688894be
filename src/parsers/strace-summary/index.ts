/** `strace -c` (also -C, -w, -S, -U, -f) syscall summaries. */
import type { SyscallSummary } from '../../model/syscallSummary';
import type { FormatDefinition, FormatHead } from '../formatDefinition';
import { syscallSummaryEditor } from '../shared/syscallEditor';
import { straceOutline } from './editor';
import { isStraceHeader, isStraceRule } from './lines';
import { stripQuote } from '../shared/columns';
import { StraceSummaryParser } from './parser';

export { StraceSummaryParser, parseStraceSummary } from './parser';

/** An strace -c header (any -U column choice) with the dashes rule right under it. */
export function straceSummaryApplies({ lines }: FormatHead) {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (isStraceHeader(stripQuote(lines[i]).trimEnd()) && isStraceRule(stripQuote(lines[i + 1]))) return { verdict: 'yes' as const, reason: 'strace -c table' };
  }
  return { verdict: 'no' as const, reason: 'no strace -c table header' };
}

export const straceSummaryFormat: FormatDefinition<Record<string, never>, SyscallSummary> = {
  id: 'strace-summary',
  displayName: 'strace -c summary',
  languageId: 'strace-summary',
  expected: 'an strace -c table (`% time  seconds  usecs/call  calls  errors  syscall` and the dashes rule under it)',
  applies: straceSummaryApplies,
  parser: { defaults: {}, create: () => new StraceSummaryParser() },
  views: ['syscallCosts', 'tables'],
  editor: syscallSummaryEditor(straceOutline),
};
