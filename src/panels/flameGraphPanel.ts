/**
 * The flame graph panel: wires a webview to the parse worker. It only moves typed messages; parsing
 * happens in the worker, rendering in webview/flamegraph.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { CollapseOptionsState, FlameGraphProtocol, FlameGraphViewState } from '../protocol/flameGraph';
import { parseInWorker } from '../worker/parseInWorker';
import { WebviewPanelHost, type PanelMessage } from './webviewPanelHost';
import type { ParseRequest } from '../worker/messages';
import { formatByLanguage } from '../parsers/formats';
import { abortSignal, parseWorkerPath } from './workerGlue';

export const FLAME_GRAPH_VIEW_TYPE = 'perflens.flameGraph';

const DEFAULT_OPTIONS: CollapseOptionsState = { pid: false, tid: false, kernel: false, jit: false, addrs: false };

export class FlameGraphPanel {
  private readonly host: WebviewPanelHost<FlameGraphProtocol>;
  private options: CollapseOptionsState = { ...DEFAULT_OPTIONS };
  private cancel: vscode.CancellationTokenSource | undefined;

  static open(extensionUri: vscode.Uri, source: vscode.Uri): FlameGraphPanel {
    const panel = vscode.window.createWebviewPanel(
      FLAME_GRAPH_VIEW_TYPE,
      `Flame Graph: ${basename(source.path)}`,
      vscode.ViewColumn.Active,
      WebviewPanelHost.options(extensionUri),
    );
    const p = new FlameGraphPanel(panel, extensionUri, source);
    void p.load();
    return p;
  }

  /** Brings a panel back after a reload, from the state the webview saved. */
  static revive(extensionUri: vscode.Uri, panel: vscode.WebviewPanel, state: FlameGraphViewState | undefined): void {
    if (!state?.source) {
      const p = new FlameGraphPanel(panel, extensionUri, undefined);
      p.host.show({ type: 'panel/error', title: panel.title, message: 'This flame graph cannot be restored: its source file is unknown. Open it again with "PerfLens: Open Flame Graph".' });
      return;
    }
    const p = new FlameGraphPanel(panel, extensionUri, vscode.Uri.parse(state.source));
    if (state.options) p.options = { ...DEFAULT_OPTIONS, ...state.options };
    void p.load();
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly source: vscode.Uri | undefined,
  ) {
    this.host = new WebviewPanelHost<FlameGraphProtocol>(panel, extensionUri, 'flamegraph', (m) => this.onMessage(m), () =>
      this.source ? vscode.Uri.joinPath(this.source, '..') : undefined,
    );
    // `perf script > out.txt` again: the panel follows its file.
    const watcher = this.source?.scheme === 'file' ? watchFile(this.source, () => void this.load()) : undefined;
    panel.onDidDispose(() => {
      this.cancel?.cancel();
      watcher?.dispose();
      this.host.dispose();
    });
  }

  private async onMessage(m: PanelMessage<FlameGraphProtocol>): Promise<void> {
    switch (m.type) {
      case 'selectEvent':
        this.options = { ...this.options, event: m.event };
        await this.load();
        return;
      case 'setOptions':
        this.options = { ...DEFAULT_OPTIONS, ...m.options };
        await this.load();
        return;
    }
  }

  /** Parses the source in the worker, with a cancellable progress notification. */
  async load(): Promise<void> {
    if (!this.source) return;
    const source = this.source;
    const name = source.scheme === 'file' ? source.fsPath : source.toString();
    const title = basename(source.path);
    this.cancel?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.cancel = cts;
    this.host.show({ type: 'panel/loading', title });

    const req: ParseRequest = { name, title, parserOptions: { 'perf-script': this.options }, view: 'flameGraph' };
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
    if (open && (open.isDirty || source.scheme !== 'file')) req.text = open.getText();
    else if (source.scheme === 'file') req.path = source.fsPath;
    else req.text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    // The document's language is the format the user chose (or detection did); keep it.
    const def = open && formatByLanguage(open.languageId);
    if (def?.views.includes('flameGraph')) req.format = def.id;

    let size = 0;
    try {
      size = (await vscode.workspace.fs.stat(source)).size;
    } catch {
      /* unsaved documents have no size */
    }
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `PerfLens: parsing ${title}`, cancellable: true },
      (progress, token) => {
        token.onCancellationRequested(() => cts.cancel());
        let reported = 0;
        return parseInWorker(parseWorkerPath(this.extensionUri), req, (bytes) => {
          if (size > 0) {
            const pct = Math.min(100, (bytes / size) * 100);
            progress.report({ increment: pct - reported, message: `${Math.round(pct)}%` });
            reported = pct;
            this.host.send({ type: 'panel/loading', title, percent: Math.round(pct) });
          }
        }, abortSignal(cts.token));
      },
    );
    if (cts.token.isCancellationRequested && this.cancel !== cts) return; // superseded by a newer load
    if (outcome.type === 'result' && outcome.payload.view === 'flameGraph') {
      const { meta: m, tree } = outcome.payload;
      // The collapse options are perf script's (stackcollapse-perf.pl flags); other formats have none.
      const meta = m.format === 'perf-script' ? { ...m, options: { ...this.options, event: m.event } } : m;
      this.host.show({ type: 'flameGraph/show', meta, tree, state: { source: source.toString(), options: this.options } });
    } else if (outcome.type === 'error') {
      const location = outcome.line !== undefined ? { file: name, line: outcome.line } : undefined;
      this.host.show({ type: 'panel/error', title, message: outcome.message, location });
    }
  }
}

/** Calls `onChange` (debounced) when the file is written or replaced on disk. */
function watchFile(file: vscode.Uri, onChange: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(
    new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), basename(file.path)),
    false,
    false,
    true,
  );
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 500);
  };
  const subs = [watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed)];
  return {
    dispose: () => {
      clearTimeout(timer);
      subs.forEach((d) => d.dispose());
    },
  };
}
