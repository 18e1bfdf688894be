import type { ReportBase } from './reportBase';
import type { WeightUnit } from './units';
import type { CallTree } from './callTree';

/**
 * A stack-sample profile: the call tree of every sample, frames interned, weights in one column
 * (a comparison of runs puts several profiles' trees into one multi-column tree). Memory is
 * bounded by the number of distinct stacks, not by the input size. This is the one model every
 * stack format (perf script, folded, later bcc/bpftrace stacks) produces; folded text is an
 * exporter (analysis/folded.ts).
 */
export interface StackProfile extends ReportBase {
  kind: 'stacks';
  /** Events seen in the input, in order of first appearance (perf script only). */
  events: string[];
  /** The event whose samples were kept (perf script keeps one event at a time). */
  event?: string;
  /** The samples' call tree (weights: samples, or period when weighting by period). */
  tree: CallTree;
  /** Samples kept (after the event filter). */
  samples: number;
  /**
   * What the stack weights count: samples, the samples' periods (perf script headers that show a
   * period: cpu-clock ns, cycles…), or the counts of a folded file.
   */
  weight: WeightUnit;
}

/** Sum of all stack weights. */
export function profileTotal(p: Pick<StackProfile, 'tree'>): number {
  return p.tree.columns[0]?.total[0] ?? 0;
}

/** Per-function weights of a stack profile, for hovers: name -> [on the stack, as leaf]. */
export interface FunctionTotals {
  /** Sum of all stack weights. */
  total: number;
  unit: WeightUnit;
  event?: string;
  byName: Map<string, [number, number]>;
}
