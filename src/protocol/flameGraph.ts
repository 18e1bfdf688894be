/** The flame graph panel's messages, besides the common ones. */
import type { CallTree } from '../model/callTree';
import type { CollapseOptionsState, FlameGraphMeta } from '../analysis/flameGraphView';
import type { CommonFromWebview, CommonToWebview } from './common';

export type { CollapseOptionsState, DiffMeta, FlameGraphMeta } from '../analysis/flameGraphView';

/** State a webview saves with setState so it can come back after hide/reload. */
export interface FlameGraphViewState {
  /** The file the panel shows (a URI string), so a restored panel can re-read it. */
  source?: string;
  /** Names from the root to the zoomed node (root excluded); empty = not zoomed. */
  zoomPath: string[];
  search: string;
  orientation: 'flame' | 'icicle';
  options?: CollapseOptionsState;
}

export type FlameGraphToWebview =
  | CommonToWebview
  | { type: 'flameGraph/show'; meta: FlameGraphMeta; tree: CallTree; state?: Partial<FlameGraphViewState> };

export type FlameGraphFromWebview =
  | CommonFromWebview
  | { type: 'selectEvent'; event: string }
  | { type: 'setOptions'; options: CollapseOptionsState };

export interface FlameGraphProtocol {
  toWebview: FlameGraphToWebview;
  fromWebview: FlameGraphFromWebview;
}
