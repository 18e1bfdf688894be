/**
 * `perf script` output, collapsed into stacks with stackcollapse-perf.pl's semantics and options.
 * The format's public API: its definition, the collapser, its options and the frame-name rules.
 */
import type { StackProfile } from '../../model/profile';
import type { FormatDefinition } from '../formatDefinition';
import { perfScriptEditor } from './editor';
import { perfScriptApplies } from './applies';
import { PerfScriptCollapser } from './collapser';
import { DEFAULT_COLLAPSE_OPTIONS, type CollapseOptions } from './options';
import { perfScriptParallel } from './parallel';

export { PerfScriptCollapser, parsePerfScript, baseEvent, sameDefaultEvent } from './collapser';
export { DEFAULT_COLLAPSE_OPTIONS, PERL_COMPAT, type CollapseOptions } from './options';
export { collapsedFrameName, stripArguments, tidyRustSymbol } from './frames';

export const perfScriptFormat: FormatDefinition<CollapseOptions, StackProfile> = {
  id: 'perf-script',
  displayName: 'perf script output',
  languageId: 'perf-script',
  expected: 'a perf script sample header (`comm pid [cpu] time: [period] event:`) or a callchain frame line',
  applies: perfScriptApplies,
  parser: { defaults: DEFAULT_COLLAPSE_OPTIONS, create: (options) => new PerfScriptCollapser(options) },
  parallel: perfScriptParallel,
  views: ['flameGraph', 'tables'],
  editor: perfScriptEditor,
};
