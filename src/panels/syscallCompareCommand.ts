/**
 * "PerfLens: Compare Syscall Costs…": pick two or more strace -c / perf trace -s files (or one
 * file, to compare its threads or processes), then the baseline; from the explorer with several
 * files selected, those files with the first as the baseline.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { formatsWithView } from '../parsers/formats';
import type { PanelContext } from './panelContext';
import { SyscallCostsPanel } from './syscallCostsPanel';

/** Open syscall-summary documents first, then report-like files of the workspace. */
async function candidates(): Promise<vscode.Uri[]> {
  const languages = new Set(formatsWithView('syscallCosts').map((f) => f.languageId));
  const open = vscode.workspace.textDocuments.filter((d) => languages.has(d.languageId) && !d.isUntitled).map((d) => d.uri);
  const found = await vscode.workspace.findFiles('**/*.{txt,strace-c,strace-summary,perf-trace-s,trace-summary}', '**/{node_modules,.git}/**', 500);
  const seen = new Set<string>();
  return [...open, ...found].filter((u) => !seen.has(u.toString()) && seen.add(u.toString()));
}

export function registerSyscallCompareCommand(ctx: PanelContext): vscode.Disposable {
  return vscode.commands.registerCommand('perflens.compareSyscallCosts', async (uri?: vscode.Uri, uris?: vscode.Uri[]) => {
    if (Array.isArray(uris) && uris.length >= 2) return void SyscallCostsPanel.openCompare(ctx, uris, 0);
    const items = (await candidates()).map((u) => ({ label: basename(u.path), description: vscode.workspace.asRelativePath(u), uri: u, picked: u.toString() === uri?.toString() }));
    const picked = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: 'PerfLens: pick two or more syscall summaries (strace -c, perf trace -s), or one to compare its threads',
      matchOnDescription: true,
    });
    if (!picked || picked.length === 0) return;
    if (picked.length === 1) return void SyscallCostsPanel.openCompare(ctx, [picked[0].uri], 0);
    const base = await vscode.window.showQuickPick(
      picked.map((p, i) => ({ label: p.label, description: p.description, index: i })),
      { title: 'PerfLens: which one is the baseline?' },
    );
    if (base) SyscallCostsPanel.openCompare(ctx, picked.map((p) => p.uri), base.index);
  });
}
