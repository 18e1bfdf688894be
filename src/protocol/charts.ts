/** The Charts panel's messages, besides the common ones. */
import type { ChartSpec } from '../analysis/chartsView';
import type { TablesMeta } from '../analysis/reportTables';
import type { CommonFromWebview, CommonToWebview } from './common';

export type { ChartPoint, ChartSeries, ChartSpec } from '../analysis/chartsView';

/** What the webview saves with setState, so a reloaded panel comes back as it was. */
export interface ChartsViewState {
  /** The file shown (a URI string). */
  source?: string;
  /** The chart group shown. */
  group?: string;
}

export type ChartsToWebview = CommonToWebview | { type: 'charts/show'; meta: TablesMeta; charts: ChartSpec[]; state?: Partial<ChartsViewState> };

export type ChartsFromWebview =
  | CommonFromWebview
  /** A point was clicked: show its line (1-based) of the source in the editor. */
  | { type: 'revealLine'; line: number };

export interface ChartsProtocol {
  toWebview: ChartsToWebview;
  fromWebview: ChartsFromWebview;
}
