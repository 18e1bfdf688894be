/** The envelope every model carries, whatever its format: source, header facts, warnings. */
import type { ParseWarning } from './diagnostics';
import type { FormatId } from './format';

/**
 * Facts about the recording that a report's header states (perf's `--header` block: `# hostname :`,
 * `# os release :` …). Only what the file says; nothing is guessed.
 */
export interface HeaderFacts {
  perfVersion?: string;
  hostname?: string;
  /** `uname -r` of the recording machine (`# os release :`). */
  kernel?: string;
  arch?: string;
  cpu?: string;
  /** CPUs online when recording (`# nrcpus online :`). */
  cpus?: number;
  cmdline?: string;
  /** When the data was captured, as the file prints it. */
  date?: string;
  /** Events the header names (`# event : name = cycles, …`), in order. */
  events?: string[];
}

/** What every model carries, whatever its format. */
export interface ReportBase<F extends FormatId = FormatId> {
  format: F;
  /** File name (or `<stdin>`) the model was read from, for messages and titles. */
  source: string;
  facts: HeaderFacts;
  /** Lines read. */
  lines: number;
  warnings: ParseWarning[];
  /** Warnings beyond the stored ones (the log keeps the first 200). */
  droppedWarnings: number;
}
