/** Format ids used across the project: CLI output, worker protocol, language ids. */
export const FORMAT_IDS = [
  'perf-script',
  'folded',
  'perf-report',
  'perf-diff',
  'perf-stat',
  'strace-summary',
  'perf-trace-summary',
  'ebpf-csv',
  'run-log',
] as const;

export type FormatId = (typeof FORMAT_IDS)[number];

/** Formats whose model is a stack-sample profile (they can feed a flame graph). */
export type StackFormatId = Extract<FormatId, 'perf-script' | 'folded'>;

export function isFormatId(s: string): s is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(s);
}
