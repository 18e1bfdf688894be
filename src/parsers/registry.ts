/**
 * The formats PerfLens knows, in the order detection asks them (signatures before shapes). This
 * list is the only one: detection, parse errors, the CLI, the worker, the language features and the
 * panels all read it. A new format adds its folder and one line here.
 */
import type { FormatDefinition } from './formatDefinition';
import { perfDiffFormat } from './perf-diff';
import { perfReportFormat } from './perf-report';
import { perfStatFormat } from './perf-stat';
import { perfTraceSummaryFormat } from './perf-trace-summary';
import { straceSummaryFormat } from './strace-summary';
import { runLogFormat } from './run-log';
import { perfScriptFormat } from './perf-script';
import { foldedFormat } from './folded';
import { ebpfCsvFormat } from './ebpf-csv';

export const FORMATS: readonly FormatDefinition[] = [
  perfDiffFormat,
  perfReportFormat as FormatDefinition,
  perfStatFormat,
  perfTraceSummaryFormat,
  straceSummaryFormat,
  runLogFormat,
  perfScriptFormat as FormatDefinition,
  foldedFormat as FormatDefinition,
  ebpfCsvFormat,
];
