/**
 * What every PerfLens webview panel shares: the strict-CSP page for its bundle, typed messages both
 * ways, re-sending the current view when the webview (re)loads, and the requests any panel makes
 * (copy text, save a file, report an error). A panel (flame graph today; syscall costs, run
 * comparisons next) only adds its own loading and its own messages.
 */
import * as vscode from 'vscode';
import type { FromWebview, ToWebview } from '../protocol';
import { makeNonce, renderWebviewHtml } from '../page/webviewHtml';

/** Messages a host answers itself; the panel sees the rest. */
type HostMessage = Extract<FromWebview, { type: 'ready' | 'copyText' | 'exportSvg' | 'error' }>;
export type PanelMessage = Exclude<FromWebview, HostMessage>;

export class WebviewPanelHost implements vscode.Disposable {
  /** The message that describes what the panel shows now; re-sent when the webview (re)loads. */
  private current: ToWebview | undefined;
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
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    /** The webview bundle, dist/webview/<bundle>.js (one esbuild entry per panel). */
    bundle: string,
    private readonly onPanelMessage: (m: PanelMessage) => void | Promise<void>,
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
    this.subscriptions.push(panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)));
  }

  /** Shows `msg` and remembers it as the panel's current view. */
  show(msg: ToWebview): void {
    this.current = msg;
    void this.panel.webview.postMessage(msg);
  }

  /** Sends a transient message (progress) that a reloaded webview does not need again. */
  send(msg: ToWebview): void {
    void this.panel.webview.postMessage(msg);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        if (this.current) void this.panel.webview.postMessage(this.current);
        return;
      case 'copyText':
        await vscode.env.clipboard.writeText(m.text);
        void vscode.window.setStatusBarMessage('PerfLens: copied', 3000);
        return;
      case 'exportSvg': {
        const folder = this.saveFolder();
        const target = await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, m.fileName) : undefined,
          filters: { SVG: ['svg'] },
        });
        if (target) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(m.svg));
        return;
      }
      case 'error':
        void vscode.window.showErrorMessage(`PerfLens (${this.panel.title}): ${m.message}`);
        return;
      default:
        await this.onPanelMessage(m);
    }
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }
}
