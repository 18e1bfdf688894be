/**
 * The flame graph panel (and the flame graph inside the PerfLens custom editor): wires a webview to
 * the report cache. It only moves typed messages; parsing happens in the worker, rendering in
 * webview/flamegraph.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { CollapseOptionsState, FlameGraphProtocol, FlameGraphViewState } from '../protocol/flameGraph';
import { WebviewPanelHost, type PanelMessage } from './webviewPanelHost';
import type { PanelContext } from './panelContext';
import { loadReportView, LoadSequence, watchFile } from './reportLoader';

export const FLAME_GRAPH_VIEW_TYPE = 'perflens.flameGraph';

const DEFAULT_OPTIONS: CollapseOptionsState = { pid: false, tid: false, kernel: false, jit: false, addrs: false };

function isDefault(o: CollapseOptionsState): boolean {
  return !o.pid && !o.tid && !o.kernel && !o.jit && !o.addrs && o.event === undefined;
}

export class FlameGraphPanel {
  private readonly host: WebviewPanelHost<FlameGraphProtocol>;
  private options: CollapseOptionsState = { ...DEFAULT_OPTIONS };
  private readonly loads = new LoadSequence();
  /** Search term for the first show only (then the webview's own state rules). */
  private initialSearch: string | undefined;

  /** `search`: a function to highlight when the graph first shows (a hover's link). */
  static open(ctx: PanelContext, source: vscode.Uri, search?: string): FlameGraphPanel {
    const panel = vscode.window.createWebviewPanel(
      FLAME_GRAPH_VIEW_TYPE,
      `Flame Graph: ${basename(source.path)}`,
      vscode.ViewColumn.Active,
      WebviewPanelHost.options(ctx.extensionUri),
    );
    return FlameGraphPanel.attach(ctx, panel, source, search);
  }

  /** Shows the flame graph of `source` in an existing webview panel (the custom editor's). */
  static attach(ctx: PanelContext, panel: vscode.WebviewPanel, source: vscode.Uri, search?: string): FlameGraphPanel {
    const p = new FlameGraphPanel(panel, ctx, source);
    p.initialSearch = search;
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
      this.loads.dispose();
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

  /** Gets the flame graph from the report cache (parsed in the worker when needed). */
  async load(): Promise<void> {
    if (!this.source) return;
    const source = this.source;
    const load = this.loads.next();
    const payload = await loadReportView(this.ctx, this.host, source, 'flameGraph', {
      // A perf report's event is chosen like perf script's (its parser keeps the event's call tree).
      parserOptions: isDefault(this.options) ? undefined : { 'perf-script': this.options, 'perf-report': { event: this.options.event } },
      ...load,
    });
    if (!payload) return;
    const { meta: m, tree } = payload;
    // The collapse options are perf script's (stackcollapse-perf.pl flags); other formats have none.
    const meta = m.format === 'perf-script' ? { ...m, options: { ...this.options, event: m.event } } : m;
    const search = this.initialSearch;
    this.initialSearch = undefined;
    this.host.show({ type: 'flameGraph/show', meta, tree, state: { source: source.toString(), options: this.options, ...(search !== undefined ? { search } : {}) } });
    this.ctx.log.info(`flame graph of ${basename(source.path)}: ${tree.nodeName.length} nodes sent to the webview`);
  }
}
