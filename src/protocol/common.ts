/**
 * Messages every panel understands, both ways. A panel's own module (flameGraph.ts …) adds its
 * messages to these; the extension and the webview import the same types, so no message is untyped.
 */

/** Where a parse failed, so the panel can say "file:line: expected …". */
export interface ErrorLocation {
  file: string;
  line: number;
}

export type CommonToWebview =
  | { type: 'panel/loading'; title: string; percent?: number }
  | { type: 'panel/error'; title: string; message: string; location?: ErrorLocation };

export type CommonFromWebview =
  | { type: 'ready' }
  | { type: 'copyText'; text: string }
  /** Any export (SVG, PNG, CSV, Markdown …): text as is, binary as base64. */
  | { type: 'saveFile'; fileName: string; content: string; encoding: 'utf8' | 'base64'; filters?: Record<string, string[]> }
  | { type: 'error'; message: string }
  /** The user clicked the `file:line` of the error the panel shows. */
  | { type: 'openLocation'; location: ErrorLocation };

/** Types the host answers itself; the panel's handler only sees its own. */
export const COMMON_FROM_WEBVIEW_TYPES = ['ready', 'copyText', 'saveFile', 'error', 'openLocation'] as const;

/** What the extension's panel plumbing needs to know about a panel's messages. */
export interface PanelProtocol {
  toWebview: { type: string };
  fromWebview: { type: string };
}
