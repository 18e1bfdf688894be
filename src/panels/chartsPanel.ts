/**
 * The Charts panel ("PerfLens: Show Charts"): top functions by total time, histograms with their
 * percentiles, and for run logs each metric against core count per variant (webview/charts, chart.js).
 * Clicking a bar or a point shows its line in the editor.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { ChartsProtocol, ChartsViewState } from '../protocol/charts';
import { openReportView, ReportViewPanel, reviveReportView } from './reportViewPanel';
import type { FormatId } from '../model/format';
import type { WorkerPayload } from '../worker/messages';
import type { PanelContext } from './panelContext';
import { onRunLogSettingsChange, runLogParserOptions } from './runLogSettings';

export const CHARTS_VIEW_TYPE = 'perflens.charts';

export class ChartsPanel extends ReportViewPanel<ChartsProtocol, 'charts'> {
  static open(ctx: PanelContext, source: vscode.Uri): ChartsPanel {
    return openReportView(ctx, CHARTS_VIEW_TYPE, `Charts: ${basename(source.path)}`, (panel) => new ChartsPanel(panel, ctx, source));
  }

  static revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: ChartsViewState | undefined): void {
    reviveReportView(panel, state, 'These charts cannot be restored: their source file is unknown. Open them again with "PerfLens: Show Charts".', (source) => new ChartsPanel(panel, ctx, source));
  }

  private constructor(panel: vscode.WebviewPanel, ctx: PanelContext, source: vscode.Uri | undefined) {
    super(panel, ctx, source, 'charts', 'charts');
    // Derived metrics and the run name pattern (run logs) change what the view shows.
    this.subscriptions.push(onRunLogSettingsChange(() => void this.load()));
  }

  protected override parserOptions(): Partial<Record<FormatId, unknown>> | undefined {
    return this.source ? runLogParserOptions(this.source) : undefined;
  }

  protected present(payload: Extract<WorkerPayload, { view: 'charts' }>, source: vscode.Uri): void {
    this.host.show({ type: 'charts/show', meta: payload.meta, charts: payload.charts, state: { source: source.toString() } });
    this.ctx.log.info(`charts of ${basename(source.path)}: ${payload.charts.length} charts sent to the webview`);
  }
}
