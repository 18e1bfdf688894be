/**
 * What every PerfLens webview panel shares: the strict-CSP page for its bundle, typed messages both
 * ways, re-sending the current view when the webview (re)loads, and the requests any panel makes
 * (copy text, save a file, report an error). Generic over the panel's protocol, so a panel only
 * receives and sends its own messages.
 */
import * as vscode from 'vscode';
import { COMMON_FROM_WEBVIEW_TYPES, type CommonFromWebview, type PanelProtocol } from '../protocol/common';
import { makeNonce, renderWebviewHtml } from '../page/webviewHtml';

/** The messages of protocol P that the panel handles itself (the host answers the common ones). */
export type PanelMessage<P extends PanelProtocol> = Exclude<P['fromWebview'], CommonFromWebview>;

export class WebviewPanelHost<P extends PanelProtocol> implements vscode.Disposable {
  /** The message that describes what the panel shows now; re-sent when the webview (re)loads. */
  private current: P['toWebview'] | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Webview options for `bundle`s: scripts on, resources only from the extension's dist/webview. */
  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    };
  }

  constructor(
    /** A panel or a custom editor's webview panel. */
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    /** The webview bundle, dist/webview/<bundle>.js (one esbuild entry per panel). */
    bundle: string,
    private readonly onPanelMessage: (m: PanelMessage<P>) => void | Promise<void>,
    /** Folder proposed when the webview asks to save a file. */
    private readonly saveFolder: () => vscode.Uri | undefined = () => undefined,
  ) {
    panel.webview.options = WebviewPanelHost.options(extensionUri);
    const dist = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    panel.webview.html = renderWebviewHtml({
      title: panel.title,
      nonce: makeNonce(),
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, `${bundle}.js`)).toString(),
    });
    this.subscriptions.push(panel.webview.onDidReceiveMessage((m: P['fromWebview']) => this.onMessage(m)));
  }

  /** Shows `msg` and remembers it as the panel's current view. */
  show(msg: P['toWebview']): void {
    this.current = msg;
    void this.panel.webview.postMessage(msg);
  }

  /** Sends a transient message (progress) that a reloaded webview does not need again. */
  send(msg: P['toWebview']): void {
    void this.panel.webview.postMessage(msg);
  }

  private async onMessage(m: P['fromWebview']): Promise<void> {
    if (!(COMMON_FROM_WEBVIEW_TYPES as readonly string[]).includes(m.type)) {
      await this.onPanelMessage(m as PanelMessage<P>);
      return;
    }
    const c = m as CommonFromWebview;
    switch (c.type) {
      case 'ready':
        if (this.current) void this.panel.webview.postMessage(this.current);
        return;
      case 'copyText':
        await vscode.env.clipboard.writeText(c.text);
        void vscode.window.setStatusBarMessage('PerfLens: copied', 3000);
        return;
      case 'saveFile': {
        const folder = this.saveFolder();
        const ext = /\.([A-Za-z0-9]+)$/.exec(c.fileName)?.[1];
        const target = await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, c.fileName) : undefined,
          filters: c.filters ?? (ext ? { [ext.toUpperCase()]: [ext] } : undefined),
        });
        if (!target) return;
        const bytes = c.encoding === 'base64' ? Buffer.from(c.content, 'base64') : new TextEncoder().encode(c.content);
        await vscode.workspace.fs.writeFile(target, bytes);
        return;
      }
      case 'error':
        void vscode.window.showErrorMessage(`PerfLens (${this.panel.title}): ${c.message}`);
        return;
      case 'openLocation': {
        // Only the location of the error this panel shows: a webview cannot make us open other files.
        const shown = this.current?.type === 'panel/error' ? (this.current as { location?: { file: string; line: number } }).location : undefined;
        if (!shown || shown.file !== c.location.file || shown.line !== c.location.line) return;
        const uri = /^[a-z][a-z0-9+.-]+:/i.test(shown.file) && !/^[a-z]:\\/i.test(shown.file) ? vscode.Uri.parse(shown.file) : vscode.Uri.file(shown.file);
        const line = Math.max(0, shown.line - 1);
        await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0), preview: true });
        return;
      }
    }
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }
}
