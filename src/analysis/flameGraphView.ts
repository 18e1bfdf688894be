/**
 * The flame graph's view model: a call tree and the facts its header and tooltips show, built
 * from a parsed stack profile. The panel protocol carries it; it does not depend on the protocol.
 */
import type { CallTree } from '../model/callTree';
import type { ParseWarning } from '../model/diagnostics';
import type { FormatId } from '../model/format';
import type { StackProfile } from '../model/profile';
import type { HeaderFacts } from '../model/report';
import type { WeightUnit } from '../model/units';

/** perf-script collapse options as the panel shows them (stackcollapse-perf.pl's flags). */
export interface CollapseOptionsState {
  pid: boolean;
  tid: boolean;
  kernel: boolean;
  jit: boolean;
  addrs: boolean;
  event?: string;
}

/** What a flame graph shows besides the tree: enough for the header line and tooltips. */
export interface FlameGraphMeta {
  /** File name or title shown in the panel header. */
  title: string;
  format: FormatId;
  /** Event the samples belong to, when the input names one. */
  event?: string;
  /** All events in the input (perf script can hold several; one is shown at a time). */
  events: string[];
  /** Number of samples (perf script) or stack lines (folded). */
  samples: number;
  /** Unit of the tree weights, for tooltips: see StackProfile.weight. */
  unit: WeightUnit;
  /** What the file's header says about the recording (host, kernel, perf version …). */
  facts: HeaderFacts;
  warnings: ParseWarning[];
  /** Warnings not listed because there were too many. */
  droppedWarnings: number;
  /** The collapse options the tree was made with (perf script input only). */
  options?: CollapseOptionsState;
  /** A differential flame graph: the tree has one weight column per run. */
  diff?: DiffMeta;
}

/**
 * How a differential flame graph reads its multi-column tree: widths from the `shape` run, colour
 * by the change of each frame's share (points of the whole profile) from `baseline` to the other
 * run, red where it grew, blue where it shrank, neutral below `threshold` points.
 */
export interface DiffMeta {
  /** Run labels, one per weight column. */
  labels: string[];
  baseline: number;
  /** The run compared with the baseline (the other column of a two-run comparison). */
  compared: number;
  shape: number;
  /** Noise threshold: smaller changes stay neutral; in points of share unless `thresholdUnit` says weight. */
  threshold: number;
  /** 'weight': the threshold is an absolute change of the runs' own weights (samples, or period/event counts). */
  thresholdUnit?: 'points' | 'weight';
  /** Sum of weights per run, for shares. */
  totals: number[];
}

export function flameGraphView(profile: StackProfile, title: string): { meta: FlameGraphMeta; tree: CallTree } {
  return {
    tree: profile.tree,
    meta: {
      title,
      format: profile.format,
      event: profile.event,
      events: profile.events,
      samples: profile.samples,
      unit: profile.weight,
      facts: profile.facts,
      warnings: profile.warnings,
      droppedWarnings: profile.droppedWarnings,
    },
  };
}
