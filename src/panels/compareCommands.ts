/**
 * How users start a comparison: "PerfLens: Compare Runs…" (pick two or more files, then the
 * baseline; or one run-metric log, then which of its runs and the baseline among them), and in the
 * explorer "Select for Compare" then "Compare with Selected", like VS Code's own file compare (the
 * selected file is the baseline).
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { formatByLanguage } from '../parsers/formats';
import { ComparePanel, runLabels, type ChooseLogRuns } from './comparePanel';
import { namesGroupRepeats } from '../analysis/compare/repeats';
import type { PanelContext } from './panelContext';

const SELECTED_KEY = 'perflens.compareSelected';

/** File names of the reports PerfLens reads (package.json's languages), and plain text and logs. */
const REPORT_FILES = '**/*.{perf-script,perfscript,perf.txt,stacks,folded,collapsed,perf-report,perfreport,perf-diff,perfdiff,perf-stat,perfstat,strace-c,strace-summary,perf-trace-s,trace-summary,csv,runlog,run-log,log,txt}';

/** Candidate files: open documents of PerfLens formats first (a run log in Markdown too), then report-like files in the workspace. */
async function candidates(): Promise<vscode.Uri[]> {
  const open = vscode.workspace.textDocuments.filter((d) => !d.isUntitled && formatByLanguage(d.languageId)?.parser).map((d) => d.uri);
  const found = await vscode.workspace.findFiles(REPORT_FILES, '**/{node_modules,.git}/**', 500);
  const seen = new Set<string>();
  return [...open, ...found].filter((u) => !seen.has(u.toString()) && seen.add(u.toString()));
}

/**
 * Which runs of one run log (all preselected; asked when there are more than two), then the
 * baseline among them. The list comes from the parsed log (the panel asks once it has it).
 */
export const pickLogRuns: ChooseLogRuns = async (choices) => {
  let chosen = choices;
  if (choices.length > 2) {
    const items = choices.map((c) => ({ label: c.label, description: c.name, picked: true, choice: c }));
    // Asked once the panel has the parsed log: the panel opening or painting takes the focus, which
    // would close a quick pick that does not ignore it.
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'PerfLens: which runs of this log to compare? (two or more)', matchOnDescription: true, ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.length < 2) {
      void vscode.window.showWarningMessage('PerfLens: pick two or more runs of the log to compare.');
      return undefined;
    }
    chosen = picked.map((p) => p.choice).sort((a, b) => a.index - b.index);
  }
  const base = await vscode.window.showQuickPick(
    chosen.map((c, position) => ({ label: c.label, description: c.name, position })),
    { title: 'PerfLens: which run is the baseline?', matchOnDescription: true, ignoreFocusOut: true },
  );
  return base ? { runs: chosen.map((c) => c.index), baseline: base.position } : undefined;
};

/**
 * Four or more runs whose names do not say which are repeats (no NAME-RUN-N): the user may say so,
 * picking the baseline's configuration (the rest are the other one). Escape: single runs.
 */
async function pickRepeatGroups(items: ReadonlyArray<{ label: string; description: string; uri: vscode.Uri }>, baseline: number): Promise<number[][] | undefined> {
  // The panel labels runs as runLabels does, and groups repeats by those labels.
  if (items.length < 4 || namesGroupRepeats(runLabels(items.map((i) => i.uri)))) return undefined;
  const picked = await vscode.window.showQuickPick(
    items.map((p, index) => ({ ...p, index, picked: index === baseline })),
    { canPickMany: true, title: "PerfLens: repeated runs? Check the baseline configuration's runs, the others are the second configuration (Escape: compare them as single runs)", matchOnDescription: true },
  );
  if (!picked || !picked.some((p) => p.index === baseline)) return undefined;
  const first = picked.map((p) => p.index).sort((a, b) => a - b);
  const rest = items.map((_, i) => i).filter((i) => !first.includes(i));
  return first.length >= 1 && rest.length >= 1 && (first.length >= 2 || rest.length >= 2) ? [first, rest] : undefined;
}

async function pickRuns(): Promise<{ uris: vscode.Uri[]; baseline: number; groups?: number[][] } | undefined> {
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
  return { uris: picked.map((p) => p.uri), baseline: base.index, groups: await pickRepeatGroups(picked, base.index) };
}

export function registerCompareCommands(ctx: PanelContext): vscode.Disposable[] {
  let selected: vscode.Uri | undefined;
  return [
    vscode.commands.registerCommand('perflens.compareRuns', async (uri?: vscode.Uri, uris?: vscode.Uri[]) => {
      // From the explorer with several files selected: those files, the first one the baseline.
      if (Array.isArray(uris) && uris.length >= 2) return void ComparePanel.open(ctx, uris, 0);
      // From the explorer on one run log: its runs.
      if (uri instanceof vscode.Uri) return void ComparePanel.open(ctx, [uri], 0, { chooseLogRuns: pickLogRuns });
      const runs = await pickRuns();
      if (runs) ComparePanel.open(ctx, runs.uris, runs.baseline, runs.uris.length === 1 ? { chooseLogRuns: pickLogRuns } : { groups: runs.groups });
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
