/**
 * The flame graph panel (and the flame graph inside the PerfLens custom editor): wires a webview to
 * the report cache. It only moves typed messages; parsing happens in the worker, rendering in
 * webview/flamegraph.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { CollapseOptionsState, FlameGraphProtocol, FlameGraphViewState } from '../protocol/flameGraph';
import { WebviewPanelHost, type PanelMessage } from './webviewPanelHost';
import { describeFormats, formatById, formatsWithView } from '../parsers/formats';
import { abortSignal } from './workerGlue';
import type { PanelContext } from './panelContext';
import { reportRequest } from './reportSource';

export const FLAME_GRAPH_VIEW_TYPE = 'perflens.flameGraph';

const DEFAULT_OPTIONS: CollapseOptionsState = { pid: false, tid: false, kernel: false, jit: false, addrs: false };

function isDefault(o: CollapseOptionsState): boolean {
  return !o.pid && !o.tid && !o.kernel && !o.jit && !o.addrs && o.event === undefined;
}

export class FlameGraphPanel {
  private readonly host: WebviewPanelHost<FlameGraphProtocol>;
  private options: CollapseOptionsState = { ...DEFAULT_OPTIONS };
  private cancel: vscode.CancellationTokenSource | undefined;

  static open(ctx: PanelContext, source: vscode.Uri): FlameGraphPanel {
    const panel = vscode.window.createWebviewPanel(
      FLAME_GRAPH_VIEW_TYPE,
      `Flame Graph: ${basename(source.path)}`,
      vscode.ViewColumn.Active,
      WebviewPanelHost.options(ctx.extensionUri),
    );
    return FlameGraphPanel.attach(ctx, panel, source);
  }

  /** Shows the flame graph of `source` in an existing webview panel (the custom editor's). */
  static attach(ctx: PanelContext, panel: vscode.WebviewPanel, source: vscode.Uri): FlameGraphPanel {
    const p = new FlameGraphPanel(panel, ctx, source);
    void p.load();
    return p;
  }

  /** Brings a panel back after a reload, from the state the webview saved. */
  static revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: FlameGraphViewState | undefined): void {
    if (!state?.source) {
      const p = new FlameGraphPanel(panel, ctx, undefined);
      p.host.show({ type: 'panel/error', title: panel.title, message: 'This flame graph cannot be restored: its source file is unknown. Open it again with "PerfLens: Open Flame Graph".' });
      return;
    }
    const p = new FlameGraphPanel(panel, ctx, vscode.Uri.parse(state.source));
    if (state.options) p.options = { ...DEFAULT_OPTIONS, ...state.options };
    void p.load();
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly ctx: PanelContext,
    private readonly source: vscode.Uri | undefined,
  ) {
    this.host = new WebviewPanelHost<FlameGraphProtocol>(panel, ctx.extensionUri, 'flamegraph', (m) => this.onMessage(m), () =>
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

  /** Gets the report from the cache (parsed in the worker when needed), with a cancellable progress notification. */
  async load(): Promise<void> {
    if (!this.source) return;
    const source = this.source;
    const title = basename(source.path);
    this.cancel?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.cancel = cts;
    this.host.show({ type: 'panel/loading', title });
    let request;
    try {
      // A perf report's event is chosen like perf script's (its parser keeps the event's call tree).
      request = await reportRequest(source, isDefault(this.options) ? undefined : { 'perf-script': this.options, 'perf-report': { event: this.options.event } });
    } catch (err) {
      this.host.show({ type: 'panel/error', title, message: `${source.fsPath || source.toString()}: ${(err as Error).message}` });
      return;
    }
    const { key, source: text, size } = request;
    const started = Date.now();
    const parsesBefore = this.ctx.reports.parses;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `PerfLens: parsing ${title}`, cancellable: true },
      (progress, token) => {
        token.onCancellationRequested(() => cts.cancel());
        let reported = 0;
        const onProgress = (bytes: number): void => {
          if (size <= 0) return;
          const pct = Math.min(100, (bytes / size) * 100);
          progress.report({ increment: pct - reported, message: `${Math.round(pct)}%` });
          reported = pct;
          this.host.send({ type: 'panel/loading', title, percent: Math.round(pct) });
        };
        return this.ctx.reports.get(key, text, { onProgress, signal: abortSignal(cts.token) });
      },
    );
    if (cts.token.isCancellationRequested && this.cancel !== cts) return; // superseded by a newer load
    const how = this.ctx.reports.parses === parsesBefore ? 'from the report cache' : 'parsed';
    if (outcome.type === 'result') {
      const t = outcome.timings;
      this.ctx.log.info(`flame graph of ${text.name}: ${how} in ${Date.now() - started} ms` + (t ? ` (worker: ${t.bytes} bytes parsed in ${t.parseMs} ms, payloads built in ${t.payloadsMs} ms)` : ''));
    } else this.ctx.log.warn(`flame graph of ${text.name}: ${outcome.message}`);
    if (outcome.type === 'error') {
      const location = outcome.line !== undefined ? { file: text.name, line: outcome.line } : undefined;
      this.host.show({ type: 'panel/error', title, message: outcome.message, location });
      return;
    }
    const payload = outcome.payloads.find((p) => p.view === 'flameGraph');
    if (payload?.view !== 'flameGraph') {
      const what = formatById(outcome.format)?.displayName ?? outcome.format;
      this.host.show({ type: 'panel/error', title, message: `${text.name}:1: a flame graph needs ${describeFormats(formatsWithView('flameGraph'))}; this is ${what}` });
      return;
    }
    const { meta: m, tree } = payload;
    // The collapse options are perf script's (stackcollapse-perf.pl flags); other formats have none.
    const meta = m.format === 'perf-script' ? { ...m, options: { ...this.options, event: m.event } } : m;
    this.host.show({ type: 'flameGraph/show', meta, tree, state: { source: source.toString(), options: this.options } });
    this.ctx.log.info(`flame graph of ${text.name}: ${tree.nodeName.length} nodes sent to the webview`);
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
