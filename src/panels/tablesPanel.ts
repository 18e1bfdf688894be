/**
 * The Tables panel ("PerfLens: Show Report (Tables)", and the PerfLens editor for table formats): every table
 * a report holds, sortable and filterable in webview/tables. A row click shows its line in the
 * editor; moving the cursor in the editor highlights the row of that line.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { TablesProtocol, TablesViewState } from '../protocol/tables';
import { openReportView, ReportViewPanel, reviveReportView } from './reportViewPanel';
import type { FormatId } from '../model/format';
import type { WorkerPayload } from '../worker/messages';
import type { PanelContext } from './panelContext';
import { onRunLogSettingsChange, runLogParserOptions } from './runLogSettings';

export const TABLES_VIEW_TYPE = 'perflens.tables';

export class TablesPanel extends ReportViewPanel<TablesProtocol, 'tables'> {
  static open(ctx: PanelContext, source: vscode.Uri): TablesPanel {
    return openReportView(ctx, TABLES_VIEW_TYPE, `Tables: ${basename(source.path)}`, (panel) => new TablesPanel(panel, ctx, source));
  }

  static attach(ctx: PanelContext, panel: vscode.WebviewPanel, source: vscode.Uri): TablesPanel {
    const p = new TablesPanel(panel, ctx, source);
    void p.load();
    return p;
  }

  static revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: TablesViewState | undefined): void {
    reviveReportView(panel, state, 'These tables cannot be restored: their source file is unknown. Open them again with "PerfLens: Show Report (Tables)".', (source) => new TablesPanel(panel, ctx, source));
  }

  private constructor(panel: vscode.WebviewPanel, ctx: PanelContext, source: vscode.Uri | undefined) {
    super(panel, ctx, source, 'tables', 'tables');
    // Derived metrics and the run name pattern (run logs) change what the view shows.
    this.subscriptions.push(onRunLogSettingsChange(() => void this.load()));
    // Editor -> table: the row of the line under the cursor.
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (!this.source || e.textEditor.document.uri.toString() !== this.source.toString()) return;
        this.host.send({ type: 'tables/revealLine', line: e.selections[0].active.line + 1 });
      }),
    );
  }

  protected override parserOptions(): Partial<Record<FormatId, unknown>> | undefined {
    return this.source ? runLogParserOptions(this.source) : undefined;
  }

  protected present(payload: Extract<WorkerPayload, { view: 'tables' }>, source: vscode.Uri): void {
    const { meta, tables } = payload;
    this.host.show({ type: 'tables/show', meta, tables, state: { source: source.toString() } });
    this.ctx.log.info(`tables of ${basename(source.path)}: ${tables.length} tables, ${tables.reduce((n, t) => n + t.rows.length, 0)} rows sent to the webview`);
  }
}
