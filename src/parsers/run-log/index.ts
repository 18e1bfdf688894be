/**
 * Run-metric logs: `------- <run name> Run Metrics -------` blocks with metrics and the eBPF table
 * each run printed, plain or inside Markdown notes (../shared/seeds/000). Recognised by that
 * banner; the parser comes with issue 16.
 */
import type { FormatDefinition } from '../formatDefinition';

const BANNER = /^-{3,}\s+\S.*\sRun Metrics\s+-{3,}\s*$/m;

export const runLogFormat: FormatDefinition = {
  id: 'run-log',
  displayName: 'run-metric log',
  languageId: 'run-log',
  expected: 'a `------- <run name> Run Metrics -------` banner followed by `Name: value` metrics',
  applies({ text }) {
    if (BANNER.test(text)) return { verdict: 'yes', reason: "'Run Metrics' banner" };
    return { verdict: 'no', reason: "no '------- … Run Metrics -------' banner" };
  },
  views: [],
};
