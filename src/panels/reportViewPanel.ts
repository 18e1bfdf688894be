/**
 * What a panel showing one view of one report file does, whatever the view: the webview host, its
 * file watched (the panel follows `perf … > out.txt` written again), one load at a time through the
 * report cache, a row/bar click showing its line in the editor, and a clear message when a restored
 * panel no longer knows its file. A view's panel only says what it shows (`present`).
 */
import * as vscode from 'vscode';
import type { FormatId, ViewKind } from '../model/format';
import type { PanelProtocol } from '../protocol/common';
import type { WorkerPayload } from '../worker/messages';
import type { PanelContext } from './panelContext';
import { loadReportView, LoadSequence, revealSourceLine, watchFile } from './reportLoader';
import { WebviewPanelHost, type PanelMessage } from './webviewPanelHost';

export abstract class ReportViewPanel<P extends PanelProtocol, V extends ViewKind> {
  protected readonly host: WebviewPanelHost<P>;
  /** Disposed with the panel; a view's panel adds its own (settings, editor selection). */
  protected readonly subscriptions: vscode.Disposable[] = [];
  private readonly loads = new LoadSequence();

  protected constructor(
    panel: vscode.WebviewPanel,
    protected readonly ctx: PanelContext,
    protected readonly source: vscode.Uri | undefined,
    private readonly view: V,
    bundle: string,
  ) {
    this.host = new WebviewPanelHost<P>(panel, ctx.extensionUri, bundle, (m) => this.onMessage(m), () =>
      this.source ? vscode.Uri.joinPath(this.source, '..') : undefined,
    );
    if (this.source?.scheme === 'file') this.subscriptions.push(watchFile(this.source, () => void this.load()));
    panel.onDidDispose(() => {
      this.loads.dispose();
      this.subscriptions.forEach((d) => d.dispose());
      this.host.dispose();
    });
  }

  /** The panel of a restored webview whose file is unknown: says how to open it again. */
  showUnrestorable(title: string, message: string): void {
    this.host.show({ type: 'panel/error', title, message } as P['toWebview']);
  }

  /** Parser options for the load (run logs: the user's name pattern). */
  protected parserOptions(): Partial<Record<FormatId, unknown>> | undefined {
    return undefined;
  }

  /** Shows the view's payload in the webview. */
  protected abstract present(payload: Extract<WorkerPayload, { view: V }>, source: vscode.Uri): void;

  private async onMessage(m: PanelMessage<P>): Promise<void> {
    const message = m as { type: string; line?: unknown };
    if (message.type === 'revealLine' && this.source && typeof message.line === 'number') await revealSourceLine(this.source, message.line);
  }

  async load(): Promise<void> {
    if (!this.source) return;
    const source = this.source;
    const payload = await loadReportView(this.ctx, this.host, source, this.view, { ...this.loads.next(), parserOptions: this.parserOptions() });
    if (payload) this.present(payload, source);
  }
}

/** What the two helpers below need of a view's panel (its protocol and view kind do not matter). */
interface LoadablePanel {
  load(): Promise<void>;
  showUnrestorable(title: string, message: string): void;
}

/** A view's panel opened beside the editor (`make` builds it on the new webview), loading its file. */
export function openReportView<T extends LoadablePanel>(ctx: PanelContext, viewType: string, title: string, make: (panel: vscode.WebviewPanel) => T): T {
  const p = make(vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Beside, WebviewPanelHost.options(ctx.extensionUri)));
  void p.load();
  return p;
}

/**
 * A view's panel restored after a reload: loads its file again, or, when its state does not name
 * the file, says how to open it again (`reopen`).
 */
export function reviveReportView<T extends LoadablePanel>(
  panel: vscode.WebviewPanel,
  state: { source?: string } | undefined,
  reopen: string,
  make: (source: vscode.Uri | undefined) => T,
): void {
  if (!state?.source) return make(undefined).showUnrestorable(panel.title, reopen);
  void make(vscode.Uri.parse(state.source)).load();
}
