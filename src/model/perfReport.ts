/**
 * The model of `perf report --stdio` output: one section per event (or event group), each with
 * the header's counts, its rows as a Table (numbers as numbers) and, when the report printed call
 * graphs, the call graph rebuilt as a call tree rooted at the outermost callers (the flame graph's
 * orientation, whatever order perf printed the chains in).
 */
import type { CallTree } from './callTree';
import type { StackProfile } from './profile';
import type { ReportBase } from './reportBase';
import type { Table } from './table';
import type { WeightUnit } from './units';

/** How perf printed the chains (`-g graph|fractal|flat|folded`), or `tui` for text copied from the TUI. */
export type CallGraphMode = 'graph' | 'fractal' | 'flat' | 'folded' | 'tui';

/**
 * Where the call tree's absolute weights come from:
 * - `event-count`: percentages × the event's `# Event count (approx.)` (weights are periods);
 * - `samples`: percentages × the `# Samples:` count, which perf rounds (`5K`), so approximate;
 * - `percent`: neither count was printed; weights are percentages of the event's total;
 * - `printed`: the chains print periods (`-g …,period`) or sample counts (`-g …,count`) themselves.
 */
export type CallGraphWeightBasis = 'event-count' | 'samples' | 'percent' | 'printed';

export interface PerfReportCallGraph {
  mode: CallGraphMode;
  /**
   * The order the chains were printed in: `callee` (sampled function first, perf's default without
   * `--children`) or `caller` (outermost caller first). `inferred` says whether it was read from
   * the chains (a chain of an entry starts or ends with the entry's own symbol, or with a thread
   * entry point such as `_start`), or is perf's default for the report's mode.
   */
  order: 'caller' | 'callee';
  orderFrom: 'chains' | 'default';
  /** The values the chains print: percent (`-g …,percent`, the default), period or count. */
  value: 'percent' | 'period' | 'count';
  /** The call tree: root, outermost callers, …, sampled functions. */
  tree: CallTree;
  /** What the tree's weights count. */
  weight: WeightUnit;
  basis: CallGraphWeightBasis;
  /** Rows that carried a call graph. */
  entries: number;
  /**
   * `rows`: every row's chains (without `--children` each sample is under one row). `self chains`:
   * with `--children` a row's graph also repeats the chains below its function (other rows'
   * samples), so only the chains of the row's own samples (those not starting at its function) are used.
   */
  fromRows: 'rows' | 'self chains';
}

export interface PerfReportEvent {
  /** The event as the `# Samples:` line names it (`cpu-clock:pppH`, `anon group { cycles, instructions }`). */
  name: string;
  /** Members of an event group (`--group`): the numeric columns hold one value per member. */
  members?: string[];
  /** `# Samples: 5K` as a number (5000): perf rounds it down to K/M/G. */
  samples?: number;
  /** `# Samples:` as printed (`5K`, `382`). */
  samplesText?: string;
  /** `# Event count (approx.):` (the sum of the samples' periods). */
  eventCount?: number;
  /** `perf mem report`'s `# Total weight :`. */
  totalWeight?: number;
  /** `# Sort order :` (perf mem report). */
  sortOrder?: string;
  /** 1-based line of the section's first line (its `# Samples:` line, or its column header). */
  line: number;
  /** The rows: percentages in `percent`, `Samples` in samples, `Period` in period. */
  table: Table;
  callGraph?: PerfReportCallGraph;
}

export interface PerfReport extends ReportBase<'perf-report'> {
  kind: 'perf-report';
  /** `# Total Lost Samples:`. */
  lostSamples?: number;
  /** Columns perf left out because a filter kept one value (`# dso: t` after `-d t`). */
  elided: Array<{ key: string; value: string }>;
  /** Whether the rows have Children and Self percentages (`--children`). */
  children: boolean;
  /** The trailer's `(Tip: …)` text. */
  tip?: string;
  events: PerfReportEvent[];
  /** The event whose call tree a flame graph shows (the parser's `event` option); default: the first with one. */
  flameGraphEvent?: string;
}

export function isPerfReport(model: { kind: string }): model is PerfReport {
  return model.kind === 'perf-report';
}

/**
 * An event's call tree as a stack profile (what flame graphs and collapse read): the event named
 * `event` (or the report's `flameGraphEvent`), else the first event with a call graph; undefined
 * when the report printed no call graphs.
 */
export function perfReportStackProfile(report: PerfReport, event = report.flameGraphEvent): StackProfile | undefined {
  const withGraph = report.events.filter((e) => e.callGraph);
  const chosen = withGraph.find((e) => e.name === event) ?? withGraph[0];
  if (!chosen?.callGraph) return undefined;
  const { tree, weight } = chosen.callGraph;
  return {
    format: report.format,
    source: report.source,
    facts: report.facts,
    lines: report.lines,
    warnings: report.warnings,
    droppedWarnings: report.droppedWarnings,
    kind: 'stacks',
    events: withGraph.map((e) => e.name || e.table.title),
    event: chosen.name || chosen.table.title,
    tree,
    samples: chosen.samples ?? 0,
    weight,
  };
}
