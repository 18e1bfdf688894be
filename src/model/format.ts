/**
 * Format ids used across the project (CLI output, worker protocol, language ids). The list of
 * formats and everything about each one lives in parsers/registry.ts; this is only the type.
 */
export type FormatId =
  | 'perf-script'
  | 'folded'
  | 'perf-report'
  | 'perf-diff'
  | 'perf-stat'
  | 'strace-summary'
  | 'perf-trace-summary'
  | 'ebpf-csv'
  | 'run-log';

/** The views a format's model can be shown in (a panel or the custom editor picks one). */
export const VIEW_KINDS = ['flameGraph', 'tables', 'statChart', 'syscallCosts', 'charts'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];
