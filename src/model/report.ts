/**
 * Every parsed report model, told apart by its `kind` field (several formats share a kind), inside one envelope (`ReportBase`).
 * A new format adds its model to the `ReportModel` union and a definition to parsers/registry.ts.
 */
import type { ParseWarning } from './diagnostics';
import type { FormatId } from './format';
import type { StackProfile } from './profile';

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

export type ReportModel = StackProfile;

/** Models that hold stack samples, i.e. can be drawn as a flame graph. */
export function isStackProfile(model: ReportModel): model is StackProfile {
  return model.kind === 'stacks';
}
