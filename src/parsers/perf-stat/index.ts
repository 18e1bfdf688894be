/** `perf stat` output: counter blocks (human, -r, -I, -A/--per-*, -x SEP), derived metrics, footers. */
import type { PerfStatModel } from '../../model/perfStat';
import type { FormatDefinition } from '../formatDefinition';
import { perfStatApplies } from './applies';
import type { PerfStatHoverIndex } from './editor';
import { perfStatEditor } from './editor';
import { PerfStatParser } from './parser';

export { PerfStatParser, parsePerfStat } from './parser';

export const perfStatFormat: FormatDefinition<Record<string, never>, PerfStatModel, PerfStatHoverIndex> = {
  id: 'perf-stat',
  displayName: 'perf stat output',
  languageId: 'perf-stat',
  expected: 'a perf stat counter line (`  1,234,567  cycles  #  1.2 GHz`)',
  applies: perfStatApplies,
  parser: { defaults: {}, create: () => new PerfStatParser() },
  views: ['tables', 'statChart'],
  editor: perfStatEditor,
};
