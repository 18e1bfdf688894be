/**
 * The perf stat chart panel ("PerfLens: Show Counter Chart"): each block's counters as bars with
 * their noise as error bars, drawn in webview/statChart. Clicking a bar shows its line in the editor.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { StatChartProtocol, StatChartViewState } from '../protocol/statChart';
import { openReportView, ReportViewPanel, reviveReportView } from './reportViewPanel';
import type { WorkerPayload } from '../worker/messages';
import type { PanelContext } from './panelContext';

export const STAT_CHART_VIEW_TYPE = 'perflens.statChart';

export class StatChartPanel extends ReportViewPanel<StatChartProtocol, 'statChart'> {
  static open(ctx: PanelContext, source: vscode.Uri): StatChartPanel {
    return openReportView(ctx, STAT_CHART_VIEW_TYPE, `Counters: ${basename(source.path)}`, (panel) => new StatChartPanel(panel, ctx, source));
  }

  static revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: StatChartViewState | undefined): void {
    reviveReportView(panel, state, 'This chart cannot be restored: its source file is unknown. Open it again with "PerfLens: Show Counter Chart".', (source) => new StatChartPanel(panel, ctx, source));
  }

  private constructor(panel: vscode.WebviewPanel, ctx: PanelContext, source: vscode.Uri | undefined) {
    super(panel, ctx, source, 'statChart', 'statChart');
  }

  protected present(payload: Extract<WorkerPayload, { view: 'statChart' }>, source: vscode.Uri): void {
    const { meta, blocks } = payload;
    this.host.show({ type: 'statChart/show', meta, blocks, state: { source: source.toString() } });
    this.ctx.log.info(`counter chart of ${basename(source.path)}: ${blocks.length} blocks, ${blocks.reduce((n, b) => n + b.counters.length, 0)} counters`);
  }
}
