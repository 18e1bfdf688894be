/**
 * The comparison panel's view model for stack profiles: the runs merged into one N-column call
 * tree (the differential flame graph and the side-by-side graphs read it), the function diff table,
 * and what the runs' headers say differently.
 */
import type { CallTree } from '../../model/callTree';
import type { ParseWarning } from '../../model/diagnostics';
import type { HeaderFacts } from '../../model/reportBase';
import type { Table } from '../../model/table';
import type { WeightUnit } from '../../model/units';
import type { FormatId } from '../../model/format';
import type { DiffMeta } from '../flameGraphView';
import { compareFacts } from './facts';
import { diffProfiles, profileDiffTable, type ProfileDiff } from './profileDiff';
import { DEFAULT_SYMBOL_MATCHING, type SymbolMatching } from './symbols';
import { chosenGroups, groupRuns, repeatedRunsTable } from './repeats';
import { partialStacksTable } from './partialStacks';
import type { ChangeChoice } from './changeMethod';

/** Statistics when the runs are repeats of two or more configurations (at least one repeated). */
function repeatStatistics(runs: readonly ComparedRun[], baselineRun: number, options: Pick<CompareOptions, 'test' | 'trim' | 'matching' | 'groups'>): Table | undefined {
  const groups = chosenGroups(runs, options.groups) ?? groupRuns(runs);
  if (groups.length < 2 || groups.every((g) => g.runs.length < 2)) return undefined;
  const baseline = groups.findIndex((g) => g.runs.includes(runs[baselineRun]));
  return repeatedRunsTable(groups, { baseline: Math.max(0, baseline), test: options.test, trim: options.trim, matching: options.matching });
}

export interface ComparedRun {
  label: string;
  format: FormatId;
  tree: CallTree;
  facts: HeaderFacts;
  samples: number;
  unit: WeightUnit;
  event?: string;
  warnings: ParseWarning[];
}

export interface CompareMeta {
  title: string;
  runs: Array<{ label: string; format: FormatId; samples: number; unit: WeightUnit; event?: string; facts: HeaderFacts; warnings: number }>;
  diff: DiffMeta;
  /** Differences between the runs' headers that make the comparison doubtful. */
  factWarnings: string[];
  /** Units or events differ: shares still compare, absolute numbers do not. */
  unitWarning?: string;
}

export interface CompareView {
  meta: CompareMeta;
  /** The runs merged, one weight column per run, siblings ordered by the shape run. */
  tree: CallTree;
  /** Each run's own tree (ordered by its own weights), for the side-by-side flame graphs. */
  runTrees: CallTree[];
  table: Table;
  /** Stacks present in only some of the runs (the frames where runs drop out). */
  stacks: Table;
  /** The function-level comparison the table was made from (hovers read it). */
  diff: ProfileDiff;
  /** Repeated runs (names like X-RUN-1 … grouped into two or more configurations): statistics per function. */
  stats?: Table;
}

export interface CompareOptions {
  baseline: number;
  matching: SymbolMatching;
  /** Noise threshold in points of share. */
  threshold: number;
  /** The run compared with the baseline (of three or more); the first other run by default. */
  compared: number;
  /** Repeated-run statistics: the test, and whether the first and last run of each configuration are dropped. */
  test: 'mann-whitney' | 'welch';
  trim: boolean;
  /** The run that gives the differential flame graph its shape; the compared run by default, as in FlameGraph. */
  shape: number;
  /** Repeats grouped by the user (run positions per configuration) instead of by their names. */
  groups?: number[][];
  /** The function table's change column (perf diff's delta, ratio or weighted diff); delta by default. */
  change?: ChangeChoice;
}

export function compareProfiles(runs: readonly ComparedRun[], title: string, options: Partial<CompareOptions> = {}): CompareView {
  const baseline = options.baseline ?? 0;
  const compared = options.compared !== undefined && options.compared !== baseline ? options.compared : baseline === 0 ? 1 : 0;
  const shape = options.shape ?? compared;
  const diff = diffProfiles(
    runs.map((r) => ({ label: r.label, tree: r.tree })),
    { baseline, shape, matching: options.matching ?? DEFAULT_SYMBOL_MATCHING },
  );
  const units = new Set(runs.map((r) => `${r.unit}${r.event ? ` of ${r.event}` : ''}`));
  return {
    diff,
    stats: repeatStatistics(runs, baseline, { test: options.test ?? 'mann-whitney', trim: options.trim ?? false, matching: options.matching ?? DEFAULT_SYMBOL_MATCHING, groups: options.groups }),
    tree: diff.tree,
    runTrees: runs.map((r) => r.tree),
    table: profileDiffTable(diff, options.change?.weights, options.change?.method ?? 'delta'),
    stacks: partialStacksTable(diff.tree, baseline),
    meta: {
      title,
      runs: runs.map((r) => ({ label: r.label, format: r.format, samples: r.samples, unit: r.unit, event: r.event, facts: r.facts, warnings: r.warnings.length })),
      diff: { labels: diff.labels, baseline, compared, shape, threshold: options.threshold ?? 0.5, totals: diff.totals },
      factWarnings: compareFacts(runs),
      unitWarning: units.size > 1 ? `The runs count different things (${[...units].join(', ')}): compare their shares, not their absolute numbers.` : undefined,
    },
  };
}
