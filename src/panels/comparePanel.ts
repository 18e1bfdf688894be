/**
 * The comparison panel ("PerfLens: Compare Runs…", "Compare with Selected"): two or more stack
 * profiles (perf script, folded …) as a differential flame graph, side by side, and a function
 * diff table (webview/compare). Each file comes from the report cache (parsed in the worker); the
 * merge into one multi-run tree and the diffs run in the worker too (one request per choice of
 * baseline, shape or options; a newer choice cancels the one in flight).
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { ComparedRun } from '../analysis/compare/compareView';
import type { CompareProtocol, CompareViewState } from '../protocol/compare';
import type { FormatId } from '../model/format';
import { formatById } from '../parsers/formats';
import type { PanelContext } from './panelContext';
import { loadReportView, LoadSequence, type LoadHandle } from './reportLoader';
import { reportFormat } from './reportSource';
import { compareTableRuns, runsWithinOneLog, type TableRun } from '../analysis/compare/compareTables';
import { logRunChoices, runsAt, type LogRunChoice } from '../analysis/compare/logRuns';
import { withMetricStatistics } from '../analysis/compare/metricRepeats';
import { clearActiveComparison, setActiveProfileComparison, setActiveTableComparison } from './activeComparison';
import { documentTables } from './documentTables';
import { DEFAULT_SYMBOL_MATCHING } from '../analysis/compare/symbols';
import { DEFAULT_CHANGE, validChange, type ChangeChoice } from '../analysis/compare/changeMethod';
import { profileDiffTable, type ProfileDiff } from '../analysis/compare/profileDiff';
import { WebviewPanelHost, type PanelMessage } from './webviewPanelHost';
import { compareProfilesInWorker } from './workerGlue';

export const COMPARE_VIEW_TYPE = 'perflens.compare';

/** Asks the user which runs of one run log to compare (positions among `choices`) and the baseline among them. */
export type ChooseLogRuns = (choices: LogRunChoice[]) => Promise<{ runs: number[]; baseline: number } | undefined>;

/** Labels that tell the runs apart: file names, with their folder when two share a name. */
export function runLabels(uris: readonly vscode.Uri[]): string[] {
  const names = uris.map((u) => basename(u.path));
  return uris.map((u, i) => (names.filter((n) => n === names[i]).length > 1 ? `${basename(vscode.Uri.joinPath(u, '..').path)}/${names[i]}` : names[i]));
}

export class ComparePanel {
  private readonly host: WebviewPanelHost<CompareProtocol>;
  private runs: ComparedRun[] = [];
  private tableRuns: TableRun[] = [];
  /** The format of the table reports compared (one kind only). */
  private tableFormat: FormatId | undefined;
  private analysis = { matchSymbols: true, welch: false, trim: false };
  /** The function table's change column; a new choice rebuilds the table from `shownDiff`, no re-merge. */
  private change: ChangeChoice = DEFAULT_CHANGE;
  private shownDiff: ProfileDiff | undefined;
  /** The 'compare/show' message the host replays to a reloaded webview (kept current by setChange). */
  private shownMessage: Extract<CompareProtocol['toWebview'], { type: 'compare/show' }> | undefined;
  private choice = { baseline: 0, compared: 1, shape: 1 };
  private readonly loads = new LoadSequence();
  /** Comparisons asked of the worker: a newer choice cancels the one in flight. */
  private readonly merges = new LoadSequence();
  /** One run log: the positions of its runs compared (all when undefined and nobody is asked). */
  private logRuns: number[] | undefined;
  /** One run log opened from "Compare Runs…": who asks which of its runs to compare. */
  private chooseLogRuns: ChooseLogRuns | undefined;
  /** Repeats grouped by the user (source positions per configuration); else by their names. */
  private groups: number[][] | undefined;

  /**
   * `chooseLogRuns`: when the one source is a run log, ask which of its runs (else all compare).
   * `groups`: the sources are repeats of these configurations (positions), as the user said.
   */
  static open(ctx: PanelContext, sources: vscode.Uri[], baseline = 0, more: { chooseLogRuns?: ChooseLogRuns; groups?: number[][] } = {}): ComparePanel {
    const labels = runLabels(sources);
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, `Compare: ${labels.join(' vs ')}`, vscode.ViewColumn.Active, WebviewPanelHost.options(ctx.extensionUri));
    const p = new ComparePanel(panel, ctx, sources);
    p.chooseLogRuns = more.chooseLogRuns;
    p.groups = more.groups;
    const compared = baseline === 0 ? 1 : 0;
    p.choice = { baseline, compared, shape: compared };
    void p.load();
    return p;
  }

  static revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: CompareViewState | undefined): void {
    if (!state?.sources || state.sources.length < 1) {
      const p = new ComparePanel(panel, ctx, []);
      p.host.show({ type: 'panel/error', title: panel.title, message: 'This comparison cannot be restored: its files are unknown. Compare them again with "PerfLens: Compare Runs…".' });
      return;
    }
    const p = new ComparePanel(panel, ctx, state.sources.map((s) => vscode.Uri.parse(s)));
    p.choice = { baseline: state.baseline ?? 0, compared: state.compared ?? 1, shape: state.shape ?? 1 };
    p.analysis = { matchSymbols: state.matchSymbols ?? true, welch: !!state.welch, trim: !!state.trim };
    p.change = validChange(state.change);
    p.logRuns = state.logRuns;
    p.groups = state.groups;
    void p.load();
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly ctx: PanelContext,
    private readonly sources: vscode.Uri[],
  ) {
    this.host = new WebviewPanelHost<CompareProtocol>(panel, ctx.extensionUri, 'compare', (m) => this.onMessage(m), () =>
      sources[0] ? vscode.Uri.joinPath(sources[0], '..') : undefined,
    );
    panel.onDidDispose(() => {
      clearActiveComparison(this);
      this.loads.dispose();
      this.merges.dispose();
      this.host.dispose();
    });
  }

  private onMessage(m: PanelMessage<CompareProtocol>): void {
    if (m.type === 'setAnalysis') {
      this.analysis = { matchSymbols: !!m.matchSymbols, welch: !!m.welch, trim: !!m.trim };
      if (this.runs.length > 0) void this.show();
      else if (this.tableRuns.length > 0) this.showTables();
      return;
    }
    if (m.type === 'setChange') {
      this.change = validChange(m.change);
      if (!this.shownDiff || !this.shownMessage) return;
      const table = profileDiffTable(this.shownDiff, this.change.weights, this.change.method);
      // The host replays shownMessage (the same object) to a reloaded webview: it gets the new table too.
      this.shownMessage.table = table;
      this.shownMessage.state = { ...this.shownMessage.state, change: this.change };
      this.host.send({ type: 'compare/functionTable', table, change: this.change });
      return;
    }
    if (m.type !== 'setRuns') return;
    const n = Math.max(this.runs.length, this.tableRuns.length);
    const ok = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < n;
    if (!ok(m.baseline) || !ok(m.compared) || !ok(m.shape) || m.baseline === m.compared) return;
    this.choice = { baseline: m.baseline, compared: m.compared, shape: m.shape };
    if (this.tableRuns.length > 0) this.showTables();
    else if (this.runs.length > 0) void this.show();
  }

  private async load(): Promise<void> {
    const load = this.loads.next();
    const labels = runLabels(this.sources);
    // Stack profiles compare as flame graphs; table reports (syscalls, eBPF …) table by table.
    let formats;
    try {
      formats = await Promise.all(this.sources.map((s) => reportFormat(s)));
    } catch (err) {
      this.host.show({ type: 'panel/error', title: 'Comparison', message: (err as Error).message });
      return;
    }
    if (!formats.every((f) => f?.views.includes('flameGraph'))) {
      if (formats.every((f) => f?.views.includes('tables'))) return this.loadTables(labels, load, formats.map((f) => f!.id));
      const what = formats.map((f, i) => `${labels[i]}: ${f?.displayName ?? 'not a report PerfLens reads'}`).join('; ');
      this.host.show({ type: 'panel/error', title: 'Comparison', message: `These files cannot be compared with each other (${what}). PerfLens compares stack profiles (perf script, folded, perf report call graphs) with each other, and table reports of one kind (strace -c, perf trace -s, eBPF tables …) with each other.` });
      return;
    }
    if (this.sources.length < 2) {
      this.host.show({ type: 'panel/error', title: 'Comparison', message: `${labels[0]} is a stack profile: compare it with another (pick two or more files); one file compares on its own only when it is a run-metric log of several runs.` });
      return;
    }
    const runs: ComparedRun[] = [];
    for (let i = 0; i < this.sources.length; i++) {
      const payload = await loadReportView(this.ctx, this.host, this.sources[i], 'flameGraph', load);
      if (!payload) return; // the loader showed why (a located parse error, or a format without stacks)
      const { meta, tree } = payload;
      runs.push({ label: labels[i], format: meta.format, tree, facts: meta.facts, samples: meta.samples, unit: meta.unit, event: meta.event, warnings: meta.warnings });
      this.ctx.log.info(`compare: ${labels[i]} is ${formatById(meta.format)?.displayName ?? meta.format}, ${tree.nodeName.length} nodes`);
    }
    this.runs = runs;
    await this.show();
  }

  private async loadTables(labels: string[], load: LoadHandle, formatIds: FormatId[]): Promise<void> {
    // Reports of different kinds have no tables in common: say so before parsing them.
    const kinds = new Set(formatIds);
    if (kinds.size > 1) {
      this.host.show({ type: 'panel/error', title: 'Comparison', message: `These files are different kinds of report (${[...kinds].join(', ')}): compare reports of one kind.` });
      return;
    }
    this.tableFormat = formatIds[0];
    const runs: TableRun[] = [];
    for (let i = 0; i < this.sources.length; i++) {
      const payload = await loadReportView(this.ctx, this.host, this.sources[i], 'tables', load);
      if (!payload) return;
      runs.push({ label: labels[i], tables: payload.tables, facts: payload.meta.facts });
    }
    // One run log: its runs are what is compared (metrics x runs, deltas against the baseline run).
    if (runs.length === 1) return this.loadLogRuns(runs[0], load);
    this.tableRuns = runs;
    this.showTables();
  }

  /** The runs inside one run log: those saved or chosen by the user (asked once), else all of them. */
  private async loadLogRuns(log: TableRun, load: LoadHandle): Promise<void> {
    const inside = runsWithinOneLog(log.tables, log.facts);
    if (inside.length === 0) {
      this.host.show({ type: 'panel/error', title: 'Comparison', message: `${log.label}: one file compares only when it is a run-metric log of two or more runs; pick two or more files.` });
      return;
    }
    const choices = logRunChoices(log.tables, log.facts);
    let indices = this.logRuns && runsAt(inside, this.logRuns) ? this.logRuns : undefined;
    if (!indices && this.chooseLogRuns) {
      const chosen = await this.chooseLogRuns(choices);
      // Closed (or reloaded) while the user chose: nothing to show it in.
      if (!load.isCurrent() || load.cancel.token.isCancellationRequested) return;
      if (!chosen) return void this.panel.dispose(); // the user cancelled the command
      indices = chosen.runs;
      this.choice = { baseline: chosen.baseline, compared: chosen.baseline === 0 ? 1 : 0, shape: chosen.baseline === 0 ? 1 : 0 };
    }
    this.chooseLogRuns = undefined;
    this.logRuns = indices ?? inside.map((_, i) => i);
    // The runs as the user picked them: labelled by cores, heading and date rather than by banner name.
    this.tableRuns = this.logRuns.map((i) => ({ ...inside[i], label: choices[i].label }));
    if (this.choice.baseline >= this.tableRuns.length) this.choice = { baseline: 0, compared: 1, shape: 1 };
    this.ctx.log.info(`compare: ${log.label}: ${this.tableRuns.length} of its ${inside.length} runs`);
    this.showTables();
  }

  private showTables(): void {
    // Repeats of two or more configurations (NAME-RUN-N): per-metric statistics come first.
    const test = this.analysis.welch ? ('welch' as const) : ('mann-whitney' as const);
    const comparison = withMetricStatistics(compareTableRuns(this.tableRuns, this.choice.baseline), this.tableRuns, { test, trim: this.analysis.trim });
    this.ctx.log.info(`compare: ${comparison.labels.join(', ')}: ${comparison.tables.length} tables compared, ${comparison.unmatched.length} without a counterpart`);
    if (this.tableFormat) {
      // Hovers in reports of this format: each run's document (the runs of one log share theirs).
      const runSources = this.tableRuns.map((_, i) => (this.logRuns ? this.sources[0] : this.sources[i]).toString());
      setActiveTableComparison(this, runSources, this.tableFormat, this.tableRuns, this.choice.baseline, (uri, signal) => documentTables(this.ctx.reports, uri, signal));
    }
    const state: Partial<CompareViewState> = { sources: this.sources.map((s) => s.toString()), ...this.choice, ...this.analysis, logRuns: this.logRuns };
    this.host.show({ type: 'compare/showTables', comparison, state });
  }

  private async show(): Promise<void> {
    const merge = this.merges.next();
    const started = Date.now();
    const runs = this.runs;
    const labels = runs.map((r) => r.label);
    const matching = this.analysis.matchSymbols ? DEFAULT_SYMBOL_MATCHING : { stripHex: false, stripSuffixes: false };
    const options = { ...this.choice, matching, test: this.analysis.welch ? ('welch' as const) : ('mann-whitney' as const), trim: this.analysis.trim, groups: this.groups, change: this.change };
    const outcome = await compareProfilesInWorker(this.ctx.extensionUri, { runs, title: labels.join(' vs '), options }, merge.cancel.token);
    // A newer choice superseded this one, or the panel closed (its webview is gone).
    if (!merge.isCurrent() || merge.cancel.token.isCancellationRequested) return;
    if (outcome.type === 'error') {
      this.ctx.log.warn(`compare: ${outcome.message}`);
      this.host.show({ type: 'panel/error', title: 'Comparison', message: outcome.message });
      return;
    }
    const { view } = outcome;
    this.shownDiff = view.diff;
    setActiveProfileComparison(this, this.sources.map((s) => s.toString()), view.diff, matching);
    this.ctx.log.info(`compare: ${labels.join(', ')} merged into ${view.tree.nodeName.length} nodes in ${Date.now() - started} ms (worker: ${outcome.ms} ms)`);
    const state: Partial<CompareViewState> = { sources: this.sources.map((s) => s.toString()), ...this.choice, ...this.analysis, groups: this.groups, change: this.change };
    this.shownMessage = { type: 'compare/show', meta: view.meta, tree: view.tree, runTrees: runs.map((r) => r.tree), table: view.table, stacks: view.stacks, stats: view.stats, state };
    this.host.show(this.shownMessage);
  }
}
