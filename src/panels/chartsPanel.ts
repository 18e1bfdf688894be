/**
 * The Charts panel ("PerfLens: Show Charts"): top functions by total time, histograms with their
 * percentiles, and for run logs each metric against core count per variant (webview/charts, chart.js).
 * Clicking a bar or a point shows its line in the editor.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { ChartsProtocol, ChartsViewState } from '../protocol/charts';
import { WebviewPanelHost, type PanelMessage } from './webviewPanelHost';
import type { PanelContext } from './panelContext';
import { loadReportView, LoadSequence, revealSourceLine, watchFile } from './reportLoader';
import { onRunLogSettingsChange, runLogParserOptions } from './runLogSettings';

export const CHARTS_VIEW_TYPE = 'perflens.charts';

export class ChartsPanel {
  private readonly host: WebviewPanelHost<ChartsProtocol>;
  private readonly loads = new LoadSequence();

  static open(ctx: PanelContext, source: vscode.Uri): ChartsPanel {
    const panel = vscode.window.createWebviewPanel(CHARTS_VIEW_TYPE, `Charts: ${basename(source.path)}`, vscode.ViewColumn.Beside, WebviewPanelHost.options(ctx.extensionUri));
    const p = new ChartsPanel(panel, ctx, source);
    void p.load();
    return p;
  }

  static revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: ChartsViewState | undefined): void {
    if (!state?.source) {
      const p = new ChartsPanel(panel, ctx, undefined);
      p.host.show({ type: 'panel/error', title: panel.title, message: 'These charts cannot be restored: their source file is unknown. Open them again with "PerfLens: Show Charts".' });
      return;
    }
    void new ChartsPanel(panel, ctx, vscode.Uri.parse(state.source)).load();
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly ctx: PanelContext,
    private readonly source: vscode.Uri | undefined,
  ) {
    this.host = new WebviewPanelHost<ChartsProtocol>(panel, ctx.extensionUri, 'charts', (m) => this.onMessage(m), () =>
      this.source ? vscode.Uri.joinPath(this.source, '..') : undefined,
    );
    const subs: vscode.Disposable[] = [];
    if (this.source?.scheme === 'file') subs.push(watchFile(this.source, () => void this.load()));
    // Derived metrics and the run name pattern (run logs) change what the view shows.
    subs.push(onRunLogSettingsChange(() => void this.load()));
    panel.onDidDispose(() => {
      this.loads.dispose();
      subs.forEach((d) => d.dispose());
      this.host.dispose();
    });
  }

  private async onMessage(m: PanelMessage<ChartsProtocol>): Promise<void> {
    if (m.type !== 'revealLine' || !this.source) return;
    await revealSourceLine(this.source, m.line);
  }

  async load(): Promise<void> {
    if (!this.source) return;
    const load = this.loads.next();
    const payload = await loadReportView(this.ctx, this.host, this.source, 'charts', { ...load, parserOptions: runLogParserOptions(this.source) });
    if (!payload) return;
    this.host.show({ type: 'charts/show', meta: payload.meta, charts: payload.charts, state: { source: this.source.toString() } });
    this.ctx.log.info(`charts of ${basename(this.source.path)}: ${payload.charts.length} charts sent to the webview`);
  }
}
