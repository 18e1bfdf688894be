/** `perf trace -s` / `-S` / `--summary` syscall summaries (thread, total, cgroup and BPF blocks). */
import type { SyscallSummary } from '../../model/syscallSummary';
import { isRuleLine, stripQuote } from '../shared/columns';
import type { Applicability, FormatDefinition, FormatHead } from '../formatDefinition';
import { syscallSummaryEditor } from '../shared/syscallEditor';
import { perfTraceOutline } from './editor';
import { SUMMARY_TITLE, tableHeader, unitsLine } from './lines';
import { PerfTraceSummaryParser } from './parser';

export { PerfTraceSummaryParser, parsePerfTraceSummary } from './parser';

/**
 * ` Summary of events:`, or (excerpts that start at a thread block) a `syscall  calls …` header
 * with perf's `(msec)` units line or dashes rule under it.
 */
export function perfTraceSummaryApplies({ lines }: FormatHead): Applicability {
  for (let i = 0; i < lines.length; i++) {
    const line = stripQuote(lines[i]).trimEnd();
    if (SUMMARY_TITLE.test(line)) return { verdict: 'yes', reason: 'perf trace -s summary' };
    const next = lines[i + 1] === undefined ? undefined : stripQuote(lines[i + 1]);
    if (next !== undefined && tableHeader(line) && (unitsLine(next) || isRuleLine(next, '-'))) return { verdict: 'yes', reason: 'perf trace -s syscall table' };
  }
  return { verdict: 'no', reason: 'no perf trace summary header' };
}

export const perfTraceSummaryFormat: FormatDefinition<Record<string, never>, SyscallSummary> = {
  id: 'perf-trace-summary',
  displayName: 'perf trace -s summary',
  languageId: 'perf-trace-summary',
  expected: 'a perf trace -s table (` comm (tid), N events, P%`, then `syscall  calls  errors  total  min  avg  max  stddev`)',
  applies: perfTraceSummaryApplies,
  parser: { defaults: {}, create: () => new PerfTraceSummaryParser() },
  views: ['syscallCosts', 'tables'],
  editor: syscallSummaryEditor(perfTraceOutline),
};
