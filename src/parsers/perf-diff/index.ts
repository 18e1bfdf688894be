/** `perf diff` output: Baseline / Delta / Ratio … tables per event, blank cells kept as null. */
import type { PerfDiffModel } from '../../model/perfDiff';
import type { FormatDefinition } from '../formatDefinition';
import { perfDiffApplies } from './applies';
import { perfDiffEditor, type PerfDiffHoverIndex } from './editor';
import { PerfDiffParser } from './parser';

export { PerfDiffParser, parsePerfDiff } from './parser';

export const perfDiffFormat: FormatDefinition<Record<string, never>, PerfDiffModel, PerfDiffHoverIndex> = {
  id: 'perf-diff',
  displayName: 'perf diff output',
  languageId: 'perf-diff',
  expected: 'a perf diff row (`  12.34%   +1.05%  dso  [.] symbol`)',
  applies: perfDiffApplies,
  parser: { defaults: {}, create: () => new PerfDiffParser() },
  views: ['tables'],
  editor: perfDiffEditor,
};
