/** The perf stat chart panel's messages, besides the common ones. */
import type { StatChartBlock, StatChartView } from '../analysis/statChart';
import type { CommonFromWebview, CommonToWebview } from './common';

export type { StatChartBlock, StatChartCounter, StatChartSeries, StatChartView } from '../analysis/statChart';

/** What the webview saves with setState, so a reloaded panel comes back as it was. */
export interface StatChartViewState {
  /** The file shown (a URI string). */
  source?: string;
  /** Log scale for the counts; unset: each chart decides from the spread of its values. */
  logScale?: boolean;
}

export type StatChartToWebview = CommonToWebview | { type: 'statChart/show'; meta: StatChartView['meta']; blocks: StatChartBlock[]; state?: Partial<StatChartViewState> };

export type StatChartFromWebview =
  | CommonFromWebview
  /** A counter was clicked: show its line (1-based) of the source in the editor. */
  | { type: 'revealLine'; line: number };

export interface StatChartProtocol {
  toWebview: StatChartToWebview;
  fromWebview: StatChartFromWebview;
}
