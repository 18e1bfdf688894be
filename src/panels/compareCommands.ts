/**
 * How users start a comparison: "PerfLens: Compare Runs…" (pick two or more files, then the
 * baseline), and in the explorer "Select for Compare" then "Compare with Selected", like VS Code's
 * own file compare (the selected file is the baseline).
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { formatsWithView } from '../parsers/formats';
import { ComparePanel } from './comparePanel';
import type { PanelContext } from './panelContext';

const SELECTED_KEY = 'perflens.compareSelected';

/** Candidate files: open documents of stack formats first, then report-like files in the workspace. */
async function candidates(): Promise<vscode.Uri[]> {
  const languages = new Set(formatsWithView('flameGraph').map((f) => f.languageId));
  const open = vscode.workspace.textDocuments.filter((d) => languages.has(d.languageId) && !d.isUntitled).map((d) => d.uri);
  const found = await vscode.workspace.findFiles('**/*.{perf-script,perfscript,perf.txt,stacks,folded,collapsed,txt,data.txt}', '**/{node_modules,.git}/**', 500);
  const seen = new Set<string>();
  return [...open, ...found].filter((u) => !seen.has(u.toString()) && seen.add(u.toString()));
}

async function pickRuns(): Promise<{ uris: vscode.Uri[]; baseline: number } | undefined> {
  const files = await candidates();
  const items = files.map((uri) => ({ label: basename(uri.path), description: vscode.workspace.asRelativePath(uri), uri }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'PerfLens: pick two or more runs to compare (or one run-metric log: its runs)', matchOnDescription: true });
  if (!picked) return undefined;
  if (picked.length < 1) return undefined;
  // One file: the runs inside a run-metric log (the panel says so when it is not one).
  if (picked.length === 1) return { uris: [picked[0].uri], baseline: 0 };
  const base = await vscode.window.showQuickPick(
    picked.map((p, i) => ({ ...p, index: i })),
    { title: 'PerfLens: which run is the baseline?' },
  );
  if (!base) return undefined;
  return { uris: picked.map((p) => p.uri), baseline: base.index };
}

export function registerCompareCommands(ctx: PanelContext): vscode.Disposable[] {
  let selected: vscode.Uri | undefined;
  return [
    vscode.commands.registerCommand('perflens.compareRuns', async (_uri?: vscode.Uri, uris?: vscode.Uri[]) => {
      // From the explorer with several files selected: those files, the first one the baseline.
      if (Array.isArray(uris) && uris.length >= 2) return void ComparePanel.open(ctx, uris, 0);
      const runs = await pickRuns();
      if (runs) ComparePanel.open(ctx, runs.uris, runs.baseline);
    }),
    vscode.commands.registerCommand('perflens.selectForCompare', (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return;
      selected = target;
      void vscode.commands.executeCommand('setContext', SELECTED_KEY, true);
      void vscode.window.setStatusBarMessage(`PerfLens: ${basename(target.path)} selected for compare`, 4000);
    }),
    vscode.commands.registerCommand('perflens.compareWithSelected', (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!selected || !target) return void vscode.window.showWarningMessage('PerfLens: first "Select for Compare" a baseline run.');
      ComparePanel.open(ctx, [selected, target], 0);
    }),
  ];
}
