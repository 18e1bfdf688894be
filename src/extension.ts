/** VS Code entry point: registers commands, the custom editor and the panel serializer. No parsing happens here. */
import * as vscode from 'vscode';
import { FLAME_GRAPH_VIEW_TYPE, FlameGraphPanel } from './panels/flameGraphPanel';
import type { FlameGraphViewState } from './protocol/flameGraph';
import { TABLES_VIEW_TYPE, TablesPanel } from './panels/tablesPanel';
import type { TablesViewState } from './protocol/tables';
import { STAT_CHART_VIEW_TYPE, StatChartPanel } from './panels/statChartPanel';
import type { StatChartViewState } from './protocol/statChart';
import { SYSCALL_COSTS_VIEW_TYPE, SyscallCostsPanel } from './panels/syscallCostsPanel';
import type { SyscallCostsViewState } from './protocol/syscallCosts';
import { registerSyscallCompareCommand } from './panels/syscallCompareCommand';
import { CHARTS_VIEW_TYPE, ChartsPanel } from './panels/chartsPanel';
import type { ChartsViewState } from './protocol/charts';
import type { ViewKind } from './model/format';
import { COMPARE_VIEW_TYPE, ComparePanel } from './panels/comparePanel';
import { registerCompareCommands } from './panels/compareCommands';
import type { CompareViewState } from './protocol/compare';
import { DocumentAnalyzer } from './language/documentAnalysis';
import { registerLanguageProviders } from './language/providers';
import { registerLanguageAutoDetection } from './language/autoDetect';
import { registerPerfReportHeat } from './language/perfReportHeat';
import { describeFormats, formatsWithView } from './parsers/formats';
import { createReportCache } from './panels/workerGlue';
import type { PanelContext } from './panels/panelContext';
import { REPORT_EDITOR_VIEW_TYPE, ReportEditorProvider, reopenLargeReports } from './panels/reportEditor';

export function activate(context: vscode.ExtensionContext): void {
  // One parse per document, shared by the editor features, the panels and the custom editor.
  const log = vscode.window.createOutputChannel('PerfLens', { log: true });
  const ctx: PanelContext = { extensionUri: context.extensionUri, reports: createReportCache(context.extensionUri), log };
  context.subscriptions.push(log);
  const analyzer = new DocumentAnalyzer(ctx.reports);
  context.subscriptions.push(analyzer, ...registerLanguageProviders(analyzer), registerLanguageAutoDetection(), registerPerfReportHeat());
  // The menus' `when` clauses read the registry through this context key.
  void vscode.commands.executeCommand('setContext', 'perflens.flameGraphLanguages', formatsWithView('flameGraph').map((f) => f.languageId));
  void vscode.commands.executeCommand('setContext', 'perflens.tablesLanguages', formatsWithView('tables').map((f) => f.languageId));
  void vscode.commands.executeCommand('setContext', 'perflens.statChartLanguages', formatsWithView('statChart').map((f) => f.languageId));
  void vscode.commands.executeCommand('setContext', 'perflens.syscallCostsLanguages', formatsWithView('syscallCosts').map((f) => f.languageId));
  void vscode.commands.executeCommand('setContext', 'perflens.chartsLanguages', formatsWithView('charts').map((f) => f.languageId));
  context.subscriptions.push(
    // From a hover's command link: (uri string, { search }) — the flame graph opens searching for a function.
    vscode.commands.registerCommand('perflens.openFlameGraph', async (uri?: vscode.Uri | string, focus?: { search?: unknown }) => {
      const target = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : await pickSource('flameGraph');
      const search = typeof focus?.search === 'string' ? focus.search : undefined;
      if (target) FlameGraphPanel.open(ctx, target, search);
    }),
    vscode.commands.registerCommand('perflens.showTables', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : await pickSource('tables');
      if (target) TablesPanel.open(ctx, target);
    }),
    vscode.commands.registerCommand('perflens.showStatChart', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : await pickSource('statChart');
      if (target) StatChartPanel.open(ctx, target);
    }),
    vscode.window.registerWebviewPanelSerializer(STAT_CHART_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: StatChartViewState | undefined) {
        StatChartPanel.revive(ctx, panel, state);
      },
    }),
    vscode.commands.registerCommand('perflens.showSyscallCosts', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : await pickSource('syscallCosts');
      if (target) SyscallCostsPanel.open(ctx, target);
    }),
    vscode.window.registerWebviewPanelSerializer(SYSCALL_COSTS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: SyscallCostsViewState | undefined) {
        SyscallCostsPanel.revive(ctx, panel, state);
      },
    }),
    vscode.commands.registerCommand('perflens.showCharts', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : await pickSource('charts');
      if (target) ChartsPanel.open(ctx, target);
    }),
    vscode.window.registerWebviewPanelSerializer(FLAME_GRAPH_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: FlameGraphViewState | undefined) {
        FlameGraphPanel.revive(ctx, panel, state);
      },
    }),
    ...registerCompareCommands(ctx),
    registerSyscallCompareCommand(ctx),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: CompareViewState | undefined) {
        ComparePanel.revive(ctx, panel, state);
      },
    }),
    vscode.window.registerWebviewPanelSerializer(TABLES_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: TablesViewState | undefined) {
        TablesPanel.revive(ctx, panel, state);
      },
    }),
    vscode.window.registerWebviewPanelSerializer(CHARTS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: ChartsViewState | undefined) {
        ChartsPanel.revive(ctx, panel, state);
      },
    }),
    vscode.window.registerCustomEditorProvider(REPORT_EDITOR_VIEW_TYPE, new ReportEditorProvider(ctx), {
      supportsMultipleEditorsPerDocument: true,
      webviewOptions: { retainContextWhenHidden: false },
    }),
    reopenLargeReports(log),
  );
}

/**
 * The active tab's file, whatever the tab is (a text editor, the PerfLens editor, or VS Code's
 * "file is very large" placeholder for a 100 MB profile), or one the user picks.
 */
async function pickSource(view: ViewKind): Promise<vscode.Uri | undefined> {
  const active = activeTabUri() ?? vscode.window.activeTextEditor?.document.uri;
  if (active) return active;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    title: `Open ${describeFormats(formatsWithView(view))}`,
    filters: { Reports: ['txt', 'perf-script', 'perfscript', 'stacks', 'folded', 'collapsed', 'perf-report', 'perfreport', 'report', 'strace-c', 'strace-summary', 'perf-trace-s'], 'All files': ['*'] },
  });
  return picked?.[0];
}

function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputNotebook) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

export function deactivate(): void {}
