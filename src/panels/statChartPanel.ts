/**
 * The perf stat chart panel ("PerfLens: Show Counter Chart"): each block's counters as bars with
 * their noise as error bars, drawn in webview/statChart. Clicking a bar shows its line in the editor.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { StatChartProtocol, StatChartViewState } from '../protocol/statChart';
import { WebviewPanelHost, type PanelMessage } from './webviewPanelHost';
import type { PanelContext } from './panelContext';
import { loadReportView, LoadSequence, revealSourceLine, watchFile } from './reportLoader';

export const STAT_CHART_VIEW_TYPE = 'perflens.statChart';

export class StatChartPanel {
  private readonly host: WebviewPanelHost<StatChartProtocol>;
  private readonly loads = new LoadSequence();

  static open(ctx: PanelContext, source: vscode.Uri): StatChartPanel {
    const panel = vscode.window.createWebviewPanel(STAT_CHART_VIEW_TYPE, `Counters: ${basename(source.path)}`, vscode.ViewColumn.Beside, WebviewPanelHost.options(ctx.extensionUri));
    const p = new StatChartPanel(panel, ctx, source);
    void p.load();
    return p;
  }

  static revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: StatChartViewState | undefined): void {
    if (!state?.source) {
      const p = new StatChartPanel(panel, ctx, undefined);
      p.host.show({ type: 'panel/error', title: panel.title, message: 'This chart cannot be restored: its source file is unknown. Open it again with "PerfLens: Show Counter Chart".' });
      return;
    }
    void new StatChartPanel(panel, ctx, vscode.Uri.parse(state.source)).load();
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly ctx: PanelContext,
    private readonly source: vscode.Uri | undefined,
  ) {
    this.host = new WebviewPanelHost<StatChartProtocol>(panel, ctx.extensionUri, 'statChart', (m) => this.onMessage(m), () =>
      this.source ? vscode.Uri.joinPath(this.source, '..') : undefined,
    );
    const subs: vscode.Disposable[] = [];
    if (this.source?.scheme === 'file') subs.push(watchFile(this.source, () => void this.load()));
    panel.onDidDispose(() => {
      this.loads.dispose();
      subs.forEach((d) => d.dispose());
      this.host.dispose();
    });
  }

  private async onMessage(m: PanelMessage<StatChartProtocol>): Promise<void> {
    if (m.type !== 'revealLine' || !this.source) return;
    await revealSourceLine(this.source, m.line);
  }

  async load(): Promise<void> {
    if (!this.source) return;
    const load = this.loads.next();
    const payload = await loadReportView(this.ctx, this.host, this.source, 'statChart', load);
    if (!payload) return;
    const { meta, blocks } = payload;
    this.host.show({ type: 'statChart/show', meta, blocks, state: { source: this.source.toString() } });
    this.ctx.log.info(`counter chart of ${basename(this.source.path)}: ${blocks.length} blocks, ${blocks.reduce((n, b) => n + b.counters.length, 0)} counters`);
  }
}
