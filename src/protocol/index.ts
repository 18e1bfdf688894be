/**
 * The message protocol between the extension and its webviews: common messages plus one module
 * per panel. `ToWebview` / `FromWebview` are the unions of every panel's messages.
 */
import type { FlameGraphFromWebview, FlameGraphToWebview } from './flameGraph';

export * from './common';
export * from './flameGraph';

export type ToWebview = FlameGraphToWebview;
export type FromWebview = FlameGraphFromWebview;
