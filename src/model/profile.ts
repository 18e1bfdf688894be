import type { ReportBase } from './report';
import type { WeightUnit } from './units';

/**
 * A stack-sample profile: every distinct stack (root first, frames joined by ';') with its summed
 * weight. Memory is bounded by the number of distinct stacks, not by the input size.
 * This is the one model every stack format (perf script, folded, later bcc/bpftrace stacks) produces.
 */
export interface StackProfile extends ReportBase {
  kind: 'stacks';
  /** Events seen in the input, in order of first appearance (perf script only). */
  events: string[];
  /** The event whose samples were kept (perf script keeps one event at a time). */
  event?: string;
  /** stack -> summed count (samples, or period when weighting by period). */
  stacks: Map<string, number>;
  /** Samples kept (after the event filter). */
  samples: number;
  /**
   * What the stack weights count: samples, the samples' periods (perf script headers that show a
   * period: cpu-clock ns, cycles…), or the counts of a folded file.
   */
  weight: WeightUnit;
}

/** Sum of all stack weights. */
export function profileTotal(p: Pick<StackProfile, 'stacks'>): number {
  let total = 0;
  for (const v of p.stacks.values()) total += v;
  return total;
}

/** Per-function weights of a stack profile, for hovers: name -> [on the stack, as leaf]. */
export interface FunctionTotals {
  /** Sum of all stack weights. */
  total: number;
  unit: WeightUnit;
  event?: string;
  byName: Map<string, [number, number]>;
}
