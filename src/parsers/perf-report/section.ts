/** One event section of a report as the parser grows it: its model part and what reading it needs. */
import type { CallTree } from '../../model/callTree';
import type { CallGraphMode, CallGraphWeightBasis, PerfReportEvent } from '../../model/perfReport';
import type { WeightUnit } from '../../model/units';
import type { ResolvedChains } from './entryChains';
import type { EventCallGraph } from './eventCallGraph';
import type { Layout } from './layout';
import type { SamplesLine } from './preamble';

export interface Section {
  event: PerfReportEvent;
  samplesLine?: SamplesLine;
  layout?: Layout;
  alignWarned: boolean;
  /** Index of the column whose percentage a row's chains are shares of. */
  shareColumn: number;
  symbolColumn: number;
  graph?: EventCallGraph;
  /** The call tree, built when the input ends. */
  tree?: CallTree;
  mode?: CallGraphMode;
  value?: 'percent' | 'period' | 'count';
  order?: 'caller' | 'callee';
  orderFrom?: 'chains' | 'default';
  /** `--hierarchy`: where the first level's numbers end. */
  hierarchyBase?: number;
  /** Rows whose chains wait until the chain order is known. */
  pending: Array<{ chains: ResolvedChains; symbol: string }>;
  entries: number;
  /**
   * Rows printed without chains (all below the threshold), without --children: percent of the
   * event per symbol, added under `[...]` when the event has call graphs (units known by then).
   */
  hidden?: Map<string, number>;
  /** A reason for not building the call tree was given already. */
  treeWarned: boolean;
}

/** The current row, whose call graph lines follow it. */
export interface RowEntry {
  section: Section;
  line: number;
  /** Its share (Children with --children, else Overhead), NaN when not printed. */
  percent: number;
  symbol: string;
}

export function newSection(title: string, line: number): Section {
  return {
    event: { name: '', line, table: { title, columns: [], keys: [], rows: [] } },
    alignWarned: false,
    shareColumn: -1,
    symbolColumn: -1,
    pending: [],
    entries: 0,
    treeWarned: false,
  };
}

/** What the event's call-tree weights count, and 100% of the event in that unit. */
export function weightBasis(s: Section): { unit: WeightUnit; total: number; basis: CallGraphWeightBasis } {
  const { eventCount, samples } = s.event;
  if (s.value === 'period') return { unit: 'period', total: eventCount ?? NaN, basis: 'printed' };
  if (s.value === 'count') return { unit: 'samples', total: samples ?? NaN, basis: 'printed' };
  if (eventCount !== undefined && eventCount > 0) return { unit: 'period', total: eventCount, basis: 'event-count' };
  if (samples !== undefined && samples > 0) return { unit: 'samples', total: samples, basis: 'samples' };
  return { unit: 'count', total: 100, basis: 'percent' };
}
