/**
 * Run-metric logs: `------- <run name> Run Metrics -------` blocks with metrics and the eBPF table
 * each run printed, plain or inside Markdown notes (../shared/seeds/000). Recognised by that banner.
 */
import type { RunLog } from '../../model/runLog';
import type { FormatDefinition } from '../formatDefinition';
import { runLogEditor, type RunLogHoverIndex } from './editor';
import { RUN_LOG_DEFAULTS, RunLogParser, runBanner, type RunLogOptions } from './parser';

export { RunLogParser, parseRunLog } from './parser';


export const runLogFormat: FormatDefinition<RunLogOptions, RunLog, RunLogHoverIndex> = {
  id: 'run-log',
  displayName: 'run-metric log',
  languageId: 'run-log',
  hostLanguages: ['markdown'],
  expected: 'a `------- <run name> Run Metrics -------` banner followed by `Name: value` metrics',
  applies({ lines }) {
    if (lines.some((l) => l.length <= 4096 && runBanner(l) !== undefined)) return { verdict: 'yes', reason: "'Run Metrics' banner" };
    return { verdict: 'no', reason: "no '------- … Run Metrics -------' banner" };
  },
  parser: { defaults: RUN_LOG_DEFAULTS, create: (o) => new RunLogParser({ ...RUN_LOG_DEFAULTS, ...o }) },
  views: ['tables', 'charts'],
  editor: runLogEditor,
};
