/**
 * The one message protocol between the extension and its webviews. Both sides import these types;
 * no untyped postMessage anywhere.
 */
import type { CallTree } from './model/callTree';
import type { CollapseOptionsState, FlameGraphMeta } from './analysis/flameGraphView';

export type { CollapseOptionsState, FlameGraphMeta } from './analysis/flameGraphView';

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

export type ToWebview =
  | { type: 'flameGraph/loading'; title: string; percent?: number }
  | { type: 'flameGraph/show'; meta: FlameGraphMeta; tree: CallTree; state?: Partial<FlameGraphViewState> }
  | { type: 'flameGraph/error'; title: string; message: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'copyText'; text: string }
  | { type: 'exportSvg'; svg: string; fileName: string }
  | { type: 'selectEvent'; event: string }
  | { type: 'setOptions'; options: CollapseOptionsState }
  | { type: 'error'; message: string };
