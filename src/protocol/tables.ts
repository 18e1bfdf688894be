/** The Tables panel's messages, besides the common ones. */
import type { TablesMeta, ViewTable } from '../analysis/reportTables';
import type { CommonFromWebview, CommonToWebview } from './common';

export type { TablesMeta, ViewTable } from '../analysis/reportTables';

/** What the webview saves with setState, so a reloaded panel comes back as it was. */
export interface TablesViewState {
  /** The file shown (a URI string). */
  source?: string;
  /** Index of the table shown. */
  table: number;
  filter: string;
  sort?: { column: string; descending: boolean };
}

export type TablesToWebview =
  | CommonToWebview
  | { type: 'tables/show'; meta: TablesMeta; tables: ViewTable[]; state?: Partial<TablesViewState> }
  /** The editor's cursor moved to `line` (1-based) of the source: highlight the row of that line. */
  | { type: 'tables/revealLine'; line: number };

export type TablesFromWebview =
  | CommonFromWebview
  /** A row was clicked: show its line (1-based) of the source in the editor. */
  | { type: 'revealLine'; line: number };

export interface TablesProtocol {
  toWebview: TablesToWebview;
  fromWebview: TablesFromWebview;
}
