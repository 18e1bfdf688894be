/**
 * The one message protocol between the extension and its webviews. Both sides import these types;
 * no untyped postMessage anywhere.
 */
import type { CallTree } from './model/callTree';
import type { FormatId } from './model/format';
import type { ParseWarning } from './model/diagnostics';

/** What a flame graph shows besides the tree: enough for the header line and tooltips. */
export interface FlameGraphMeta {
  /** File name or title shown in the panel header. */
  title: string;
  format: FormatId;
  /** Event the samples belong to, when the input names one. */
  event?: string;
  /** All events in the input (perf script can hold several; one is shown at a time). */
  events: string[];
  /** Number of samples (perf script) or stack lines (folded). */
  samples: number;
  /** Unit of the tree weights, for tooltips: see StackProfile.weight. */
  unit: 'samples' | 'period' | 'count';
  warnings: ParseWarning[];
  /** Warnings not listed because there were too many. */
  droppedWarnings: number;
  /** The collapse options the tree was made with (perf script input only). */
  options?: CollapseOptionsState;
}

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

/** perf-script collapse options as the panel shows them (stackcollapse-perf.pl's flags). */
export interface CollapseOptionsState {
  pid: boolean;
  tid: boolean;
  kernel: boolean;
  jit: boolean;
  addrs: boolean;
  event?: string;
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
