/**
 * Every parsed report model, told apart by its `format` field. A new format (perf report, strace
 * -c, perf trace -s …) adds its model to this union and a parser to parsers/registry.ts.
 */
import type { StackProfile } from './profile';

export type ReportModel = StackProfile;

/** Models that hold stack samples, i.e. can be drawn as a flame graph. */
export function isStackProfile(model: ReportModel): model is StackProfile {
  return model.format === 'perf-script' || model.format === 'folded';
}
