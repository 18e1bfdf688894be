/** The comparison panel's messages, besides the common ones. */
import type { CallTree } from '../model/callTree';
import type { Table } from '../model/table';
import type { CompareMeta } from '../analysis/compare/compareView';
import type { ChangeChoice } from '../analysis/compare/changeMethod';
import type { TableComparison } from '../analysis/compare/compareTables';
import type { CommonFromWebview, CommonToWebview } from './common';

export type { CompareMeta } from '../analysis/compare/compareView';
export type { TableComparison } from '../analysis/compare/compareTables';
export type { ChangeChoice, ChangeMethod } from '../analysis/compare/changeMethod';

export type CompareMode = 'differential' | 'sideBySide' | 'table' | 'stacks' | 'statistics';

/** What the webview saves so a reloaded panel comes back as it was. */
export interface CompareViewState {
  /** The files compared (URI strings), baseline first as chosen. */
  sources?: string[];
  baseline: number;
  compared: number;
  shape: number;
  threshold: number;
  /** The threshold's unit: points of share, or the runs' own weight (samples, period …). */
  thresholdUnit?: 'points' | 'weight';
  mode: CompareMode;
  /** Repeats grouped by the user: the positions of the sources per configuration. */
  groups?: number[][];
  /** One run log: the positions of its runs compared (among those with metrics, in file order). */
  logRuns?: number[];
  /** Table comparisons: the table shown. */
  table?: number;
  /** Match symbols across addresses, offsets and compiler clones (on by default). */
  matchSymbols?: boolean;
  /** Repeated-run statistics: Welch's t-test instead of Mann-Whitney U; drop each configuration's first and last run. */
  welch?: boolean;
  trim?: boolean;
  /** The function table's change column: perf diff's delta, ratio or weighted diff (with its weights). */
  change?: ChangeChoice;
}

export type CompareToWebview =
  | CommonToWebview
  | { type: 'compare/show'; meta: CompareMeta; tree: CallTree; runTrees: CallTree[]; table: Table; stacks: Table; stats?: Table; state?: Partial<CompareViewState> }
  /** Table reports (syscall summaries, eBPF tables …): each table of the baseline compared with its counterparts. */
  | { type: 'compare/showTables'; comparison: TableComparison; state?: Partial<CompareViewState> }
  /** The function table again, with another change column (no re-merge: the host keeps the diff). */
  | { type: 'compare/functionTable'; table: Table; change: ChangeChoice };

export type CompareFromWebview =
  | CommonFromWebview
  /** Another baseline, compared run or shape: the host re-merges the runs. */
  | { type: 'setRuns'; baseline: number; compared: number; shape: number }
  /** How profiles are matched and repeats tested: the host re-compares. */
  | { type: 'setAnalysis'; matchSymbols: boolean; welch: boolean; trim: boolean }
  /** The function table's change column: the host rebuilds the table from the diff it has. */
  | { type: 'setChange'; change: ChangeChoice };

export interface CompareProtocol {
  toWebview: CompareToWebview;
  fromWebview: CompareFromWebview;
}
