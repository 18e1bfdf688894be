/**
 * Every parsed report model, told apart by its `kind` field (several formats share a kind), inside one envelope (`ReportBase`).
 * A new format adds its model to the `ReportModel` union and a definition to parsers/registry.ts.
 */
import type { EbpfReport } from './ebpfTable';
import type { PerfDiffModel } from './perfDiff';
import type { PerfStatModel } from './perfStat';
import type { StackProfile } from './profile';
import type { PerfReport } from './perfReport';
import type { RunLog } from './runLog';
import type { SyscallSummary } from './syscallSummary';

export type { HeaderFacts, ReportBase } from './reportBase';

export type ReportModel = StackProfile | PerfReport | PerfDiffModel | PerfStatModel | SyscallSummary | EbpfReport | RunLog;

/** Models that hold stack samples, i.e. can be drawn as a flame graph. */
export function isStackProfile(model: ReportModel): model is StackProfile {
  return model.kind === 'stacks';
}
