/**
 * The comparison panel ("PerfLens: Compare Runs…", "Compare with Selected"): two or more stack
 * profiles (perf script, folded …) as a differential flame graph, side by side, and a function
 * diff table (webview/compare). Each file comes from the report cache (parsed in the worker); the
 * merge into one multi-run tree happens here, on trees already reduced to frames.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { compareProfiles, type ComparedRun } from '../analysis/compare/compareView';
import type { CompareProtocol, CompareViewState } from '../protocol/compare';
import { formatById } from '../parsers/formats';
import type { PanelContext } from './panelContext';
import { loadReportView } from './reportLoader';
import { WebviewPanelHost, type PanelMessage } from './webviewPanelHost';

export const COMPARE_VIEW_TYPE = 'perflens.compare';

/** Labels that tell the runs apart: file names, with their folder when two share a name. */
export function runLabels(uris: readonly vscode.Uri[]): string[] {
  const names = uris.map((u) => basename(u.path));
  return uris.map((u, i) => (names.filter((n) => n === names[i]).length > 1 ? `${basename(vscode.Uri.joinPath(u, '..').path)}/${names[i]}` : names[i]));
}

export class ComparePanel {
  private readonly host: WebviewPanelHost<CompareProtocol>;
  private runs: ComparedRun[] = [];
  private choice = { baseline: 0, compared: 1, shape: 1 };
  private cancel: vscode.CancellationTokenSource | undefined;

  static open(ctx: PanelContext, sources: vscode.Uri[], baseline = 0): ComparePanel {
    const labels = runLabels(sources);
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, `Compare: ${labels.join(' vs ')}`, vscode.ViewColumn.Active, WebviewPanelHost.options(ctx.extensionUri));
    const p = new ComparePanel(panel, ctx, sources);
    const compared = baseline === 0 ? 1 : 0;
    p.choice = { baseline, compared, shape: compared };
    void p.load();
    return p;
  }

  static revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: CompareViewState | undefined): void {
    if (!state?.sources || state.sources.length < 2) {
      const p = new ComparePanel(panel, ctx, []);
      p.host.show({ type: 'panel/error', title: panel.title, message: 'This comparison cannot be restored: its files are unknown. Compare them again with "PerfLens: Compare Runs…".' });
      return;
    }
    const p = new ComparePanel(panel, ctx, state.sources.map((s) => vscode.Uri.parse(s)));
    p.choice = { baseline: state.baseline ?? 0, compared: state.compared ?? 1, shape: state.shape ?? 1 };
    void p.load();
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly ctx: PanelContext,
    private readonly sources: vscode.Uri[],
  ) {
    this.host = new WebviewPanelHost<CompareProtocol>(panel, ctx.extensionUri, 'compare', (m) => this.onMessage(m), () =>
      sources[0] ? vscode.Uri.joinPath(sources[0], '..') : undefined,
    );
    panel.onDidDispose(() => {
      this.cancel?.cancel();
      this.host.dispose();
    });
  }

  private onMessage(m: PanelMessage<CompareProtocol>): void {
    if (m.type !== 'setRuns') return;
    const n = this.runs.length;
    const ok = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < n;
    if (!ok(m.baseline) || !ok(m.compared) || !ok(m.shape) || m.baseline === m.compared) return;
    this.choice = { baseline: m.baseline, compared: m.compared, shape: m.shape };
    this.show();
  }

  private async load(): Promise<void> {
    this.cancel?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.cancel = cts;
    const labels = runLabels(this.sources);
    const runs: ComparedRun[] = [];
    for (let i = 0; i < this.sources.length; i++) {
      const payload = await loadReportView(this.ctx, this.host, this.sources[i], 'flameGraph', { cancel: cts, isCurrent: () => this.cancel === cts });
      if (!payload) return; // the loader showed why (a located parse error, or a format without stacks)
      const { meta, tree } = payload;
      runs.push({ label: labels[i], format: meta.format, tree, facts: meta.facts, samples: meta.samples, unit: meta.unit, event: meta.event, warnings: meta.warnings });
      this.ctx.log.info(`compare: ${labels[i]} is ${formatById(meta.format)?.displayName ?? meta.format}, ${tree.nodeName.length} nodes`);
    }
    this.runs = runs;
    this.show();
  }

  private show(): void {
    const started = Date.now();
    const labels = this.runs.map((r) => r.label);
    const view = compareProfiles(this.runs, labels.join(' vs '), this.choice);
    this.ctx.log.info(`compare: ${labels.join(', ')} merged into ${view.tree.nodeName.length} nodes in ${Date.now() - started} ms`);
    const state: Partial<CompareViewState> = { sources: this.sources.map((s) => s.toString()), ...this.choice };
    this.host.show({ type: 'compare/show', meta: view.meta, tree: view.tree, runTrees: view.runTrees, table: view.table, state });
  }
}
