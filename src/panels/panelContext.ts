/** What every panel and the custom editor get from the extension: where its bundles are, and the one report cache. */
import type * as vscode from 'vscode';
import type { ReportCache } from '../worker/reportCache';

export interface PanelContext {
  extensionUri: vscode.Uri;
  reports: ReportCache;
  /** The "PerfLens" output channel: what was parsed, how long it took, what failed. */
  log: vscode.LogOutputChannel;
}
