/** Folded stacks (`frame;frame;leaf COUNT`), as stackcollapse-* and inferno write them. */
import type { StackProfile } from '../../model/profile';
import type { FormatDefinition } from '../formatDefinition';
import { foldedEditor } from './editor';
import { foldedApplies } from './applies';
import { FoldedParser } from './parser';

export { FoldedParser, parseFolded } from './parser';

export const foldedFormat: FormatDefinition<Record<string, never>, StackProfile> = {
  id: 'folded',
  displayName: 'folded stacks',
  languageId: 'folded',
  expected: "a folded stack line 'frame;frame;… COUNT'",
  applies: foldedApplies,
  parser: { defaults: {}, create: () => new FoldedParser() },
  views: ['flameGraph', 'tables'],
  editor: foldedEditor,
};
