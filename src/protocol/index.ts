/**
 * The message protocol between the extension and its webviews: common messages plus one module
 * per panel. `ToWebview` / `FromWebview` are the unions of every panel's messages.
 */
import type { FlameGraphFromWebview, FlameGraphToWebview } from './flameGraph';
import type { TablesFromWebview, TablesToWebview } from './tables';
import type { CompareFromWebview, CompareToWebview } from './compare';
import type { StatChartFromWebview, StatChartToWebview } from './statChart';
import type { SyscallCostsFromWebview, SyscallCostsToWebview } from './syscallCosts';

export * from './common';
export * from './flameGraph';
export * from './tables';
export * from './compare';
export * from './statChart';
export * from './syscallCosts';

export type ToWebview = FlameGraphToWebview | TablesToWebview | CompareToWebview | StatChartToWebview | SyscallCostsToWebview;
export type FromWebview = FlameGraphFromWebview | TablesFromWebview | CompareFromWebview | StatChartFromWebview | SyscallCostsFromWebview;
