/** The Syscall Costs panel's messages, besides the common ones. */
import type { SyscallCostGroup, SyscallCostsMeta } from '../analysis/syscallCostsView';
import type { CommonFromWebview, CommonToWebview } from './common';

export type { SyscallCostGroup, SyscallCostRow, SyscallCostsMeta } from '../analysis/syscallCostsView';

/** What the chart plots per syscall. */
export type SyscallCostMetric = 'total' | 'calls' | 'avg' | 'max' | 'errors';

/** What the webview saves with setState, so a reloaded panel comes back as it was. */
export interface SyscallCostsViewState {
  /** The file shown (a URI string). */
  source?: string;
  /** Index of the group shown; -1: all groups merged. */
  group: number;
  metric: SyscallCostMetric;
  /** Bars drawn before the rest is summed into "other". */
  top: number;
  log: boolean;
  /** Compare mode: the files compared (URI strings), each side's choice, the baseline side. */
  sources?: string[];
  sides?: SyscallCompareSide[];
  baseline?: number;
}

/** One side of a comparison: a source file and its group (-1: all its groups merged). */
export interface SyscallCompareSide {
  source: number;
  group: number;
}

/** A file of a comparison, with everything the panel can pick from it. */
export interface SyscallCompareSource {
  label: string;
  meta: SyscallCostsMeta;
  groups: SyscallCostGroup[];
  merged?: SyscallCostGroup;
}

export type SyscallCostsToWebview =
  | CommonToWebview
  | { type: 'syscallCosts/show'; meta: SyscallCostsMeta; groups: SyscallCostGroup[]; merged?: SyscallCostGroup; state?: Partial<SyscallCostsViewState> }
  /** Compare mode: two or more files (or groups of one file), sides and baseline chosen in the panel. */
  | { type: 'syscallCosts/compare'; sources: SyscallCompareSource[]; sides: SyscallCompareSide[]; baseline: number; state?: Partial<SyscallCostsViewState> };

export type SyscallCostsFromWebview =
  | CommonFromWebview
  /** A bar or row was clicked: show its line (1-based) of the source in the editor. */
  | { type: 'revealLine'; line: number };

export interface SyscallCostsProtocol {
  toWebview: SyscallCostsToWebview;
  fromWebview: SyscallCostsFromWebview;
}
