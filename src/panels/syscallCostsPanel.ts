/**
 * The Syscall Costs panel ("PerfLens: Show Syscall Costs", and the PerfLens editor for strace -c
 * and perf trace -s files): horizontal bars of each syscall's cost per thread / process or merged,
 * with the table under them (webview/syscallCosts). A bar or row click shows its line in the editor.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { SyscallCompareSide, SyscallCompareSource, SyscallCostsProtocol, SyscallCostsViewState } from '../protocol/syscallCosts';
import { runLabels } from './comparePanel';
import { WebviewPanelHost, type PanelMessage } from './webviewPanelHost';
import type { PanelContext } from './panelContext';
import { loadReportView, LoadSequence, type LoadHandle, revealSourceLine, watchFile } from './reportLoader';

export const SYSCALL_COSTS_VIEW_TYPE = 'perflens.syscallCosts';

export class SyscallCostsPanel {
  private readonly host: WebviewPanelHost<SyscallCostsProtocol>;
  private readonly loads = new LoadSequence();

  /**
   * Compare mode: two or more files, or one file whose groups (threads, processes) are compared.
   * Each file starts as all its groups merged (one file: each group its own side); the webview
   * switches a side's group and the baseline.
   */
  static openCompare(ctx: PanelContext, sources: vscode.Uri[], baseline = 0): SyscallCostsPanel {
    const title = `Syscall costs: ${runLabels(sources).join(' vs ')}`;
    const panel = vscode.window.createWebviewPanel(SYSCALL_COSTS_VIEW_TYPE, title, vscode.ViewColumn.Active, WebviewPanelHost.options(ctx.extensionUri));
    const p = new SyscallCostsPanel(panel, ctx, sources[0], sources, baseline);
    void p.load();
    return p;
  }

  static open(ctx: PanelContext, source: vscode.Uri): SyscallCostsPanel {
    const panel = vscode.window.createWebviewPanel(SYSCALL_COSTS_VIEW_TYPE, `Syscall costs: ${basename(source.path)}`, vscode.ViewColumn.Beside, WebviewPanelHost.options(ctx.extensionUri));
    return SyscallCostsPanel.attach(ctx, panel, source);
  }

  static attach(ctx: PanelContext, panel: vscode.WebviewPanel, source: vscode.Uri): SyscallCostsPanel {
    const p = new SyscallCostsPanel(panel, ctx, source);
    void p.load();
    return p;
  }

  static revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: SyscallCostsViewState | undefined): void {
    if (state?.sources && state.sources.length >= 1) {
      const uris = state.sources.map((s) => vscode.Uri.parse(s));
      void new SyscallCostsPanel(panel, ctx, uris[0], uris, state.baseline ?? 0).load();
      return;
    }
    if (!state?.source) {
      const p = new SyscallCostsPanel(panel, ctx, undefined);
      p.host.show({ type: 'panel/error', title: panel.title, message: 'These syscall costs cannot be restored: their source file is unknown. Open them again with "PerfLens: Show Syscall Costs".' });
      return;
    }
    void new SyscallCostsPanel(panel, ctx, vscode.Uri.parse(state.source)).load();
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly ctx: PanelContext,
    private readonly source: vscode.Uri | undefined,
    /** Compare mode: the files compared. */
    private readonly compared?: vscode.Uri[],
    private readonly baseline = 0,
  ) {
    this.host = new WebviewPanelHost<SyscallCostsProtocol>(panel, ctx.extensionUri, 'syscallCosts', (m) => this.onMessage(m), () =>
      this.source ? vscode.Uri.joinPath(this.source, '..') : undefined,
    );
    const subs: vscode.Disposable[] = [];
    for (const uri of this.compared ?? (this.source ? [this.source] : [])) if (uri.scheme === 'file') subs.push(watchFile(uri, () => void this.load()));
    panel.onDidDispose(() => {
      this.loads.dispose();
      subs.forEach((d) => d.dispose());
      this.host.dispose();
    });
  }

  private async onMessage(m: PanelMessage<SyscallCostsProtocol>): Promise<void> {
    if (m.type !== 'revealLine' || !this.source || this.compared) return;
    await revealSourceLine(this.source, m.line);
  }

  async load(): Promise<void> {
    if (!this.source) return;
    const load = this.loads.next();
    if (this.compared) return this.loadCompared(this.compared, load);
    const payload = await loadReportView(this.ctx, this.host, this.source, 'syscallCosts', load);
    if (!payload) return;
    const { meta, groups, merged } = payload;
    this.host.show({ type: 'syscallCosts/show', meta, groups, ...(merged ? { merged } : {}), state: { source: this.source.toString() } });
    this.ctx.log.info(`syscall costs of ${basename(this.source.path)}: ${groups.length} groups, ${groups.reduce((n, g) => n + g.rows.length, 0)} rows sent to the webview`);
  }

  private async loadCompared(uris: vscode.Uri[], load: LoadHandle): Promise<void> {
    const labels = runLabels(uris);
    const sources: SyscallCompareSource[] = [];
    for (let i = 0; i < uris.length; i++) {
      const payload = await loadReportView(this.ctx, this.host, uris[i], 'syscallCosts', load);
      if (!payload) return; // the loader showed why (a located parse error, or not a syscall summary)
      const { meta, groups, merged } = payload;
      sources.push({ label: labels[i], meta, groups, ...(merged ? { merged } : {}) });
    }
    const sides: SyscallCompareSide[] =
      sources.length === 1 ? sources[0].groups.map((_, g) => ({ source: 0, group: g })) : sources.map((s, i) => ({ source: i, group: s.groups.length > 1 ? -1 : 0 }));
    if (sides.length < 2) {
      this.host.show({ type: 'panel/error', title: labels[0], message: `${labels[0]} has one table only: pick two or more files to compare.` });
      return;
    }
    const baseline = this.baseline < sides.length ? this.baseline : 0;
    this.host.show({ type: 'syscallCosts/compare', sources, sides, baseline, state: { sources: uris.map((u) => u.toString()) } });
    this.ctx.log.info(`syscall costs compared: ${labels.join(', ')} (${sides.length} sides)`);
  }
}
