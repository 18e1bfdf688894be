/**
 * The Tables panel ("PerfLens: Show Report (Tables)", and the PerfLens editor for table formats): every table
 * a report holds, sortable and filterable in webview/tables. A row click shows its line in the
 * editor; moving the cursor in the editor highlights the row of that line.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { TablesProtocol, TablesViewState } from '../protocol/tables';
import { WebviewPanelHost, type PanelMessage } from './webviewPanelHost';
import type { PanelContext } from './panelContext';
import { loadReportView, LoadSequence, revealSourceLine, watchFile } from './reportLoader';
import { onRunLogSettingsChange, runLogParserOptions } from './runLogSettings';

export const TABLES_VIEW_TYPE = 'perflens.tables';

export class TablesPanel {
  private readonly host: WebviewPanelHost<TablesProtocol>;
  private readonly loads = new LoadSequence();

  static open(ctx: PanelContext, source: vscode.Uri): TablesPanel {
    const panel = vscode.window.createWebviewPanel(TABLES_VIEW_TYPE, `Tables: ${basename(source.path)}`, vscode.ViewColumn.Beside, WebviewPanelHost.options(ctx.extensionUri));
    return TablesPanel.attach(ctx, panel, source);
  }

  static attach(ctx: PanelContext, panel: vscode.WebviewPanel, source: vscode.Uri): TablesPanel {
    const p = new TablesPanel(panel, ctx, source);
    void p.load();
    return p;
  }

  static revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: TablesViewState | undefined): void {
    if (!state?.source) {
      const p = new TablesPanel(panel, ctx, undefined);
      p.host.show({ type: 'panel/error', title: panel.title, message: 'These tables cannot be restored: their source file is unknown. Open them again with "PerfLens: Show Report (Tables)".' });
      return;
    }
    void new TablesPanel(panel, ctx, vscode.Uri.parse(state.source)).load();
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly ctx: PanelContext,
    private readonly source: vscode.Uri | undefined,
  ) {
    this.host = new WebviewPanelHost<TablesProtocol>(panel, ctx.extensionUri, 'tables', (m) => this.onMessage(m), () =>
      this.source ? vscode.Uri.joinPath(this.source, '..') : undefined,
    );
    const subs: vscode.Disposable[] = [];
    if (this.source?.scheme === 'file') subs.push(watchFile(this.source, () => void this.load()));
    // Derived metrics and the run name pattern (run logs) change what the view shows.
    subs.push(onRunLogSettingsChange(() => void this.load()));
    // Editor -> table: the row of the line under the cursor.
    subs.push(
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (!this.source || e.textEditor.document.uri.toString() !== this.source.toString()) return;
        this.host.send({ type: 'tables/revealLine', line: e.selections[0].active.line + 1 });
      }),
    );
    panel.onDidDispose(() => {
      this.loads.dispose();
      subs.forEach((d) => d.dispose());
      this.host.dispose();
    });
  }

  private async onMessage(m: PanelMessage<TablesProtocol>): Promise<void> {
    if (m.type !== 'revealLine' || !this.source) return;
    await revealSourceLine(this.source, m.line);
  }

  async load(): Promise<void> {
    if (!this.source) return;
    const load = this.loads.next();
    const payload = await loadReportView(this.ctx, this.host, this.source, 'tables', { ...load, parserOptions: runLogParserOptions(this.source) });
    if (!payload) return;
    const { meta, tables } = payload;
    this.host.show({ type: 'tables/show', meta, tables, state: { source: this.source.toString() } });
    this.ctx.log.info(`tables of ${basename(this.source.path)}: ${tables.length} tables, ${tables.reduce((n, t) => n + t.rows.length, 0)} rows sent to the webview`);
  }
}
