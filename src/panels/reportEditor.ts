/**
 * "PerfLens" read-only custom editor: Reopen Editor With… > PerfLens shows a report file in its
 * format's view (the flame graph for stack formats). Report files too large for VS Code's text
 * editor (it shows "The file is not displayed in the text editor because it is very large") are
 * reopened here directly, so a 100 MB perf script opened from the explorer shows its flame graph.
 */
import * as vscode from 'vscode';
import { detectFormat } from '../parsers/detect';
import { describeFormats, formatById, readableFormats } from '../parsers/formats';
import { FlameGraphPanel } from './flameGraphPanel';
import { TablesPanel } from './tablesPanel';
import { readHead } from './reportSource';
import type { PanelContext } from './panelContext';
import { WebviewPanelHost } from './webviewPanelHost';
import type { FlameGraphProtocol } from '../protocol/flameGraph';

export const REPORT_EDITOR_VIEW_TYPE = 'perflens.viewer';

export class ReportEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly ctx: PanelContext) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const uri = document.uri;
    this.ctx.log.info(`${uri.fsPath || uri.toString()}: PerfLens editor opening`);
    let head = '';
    try {
      head = await readHead(uri);
    } catch (err) {
      return showError(this.ctx, panel, `${uri.fsPath || uri.toString()}: ${(err as Error).message}`);
    }
    const detected = detectFormat(head);
    const def = formatById(detected.format ?? '');
    if (def?.views.includes('flameGraph') || !def) {
      // Unknown input goes to the flame graph too: its parse gives the located error.
      FlameGraphPanel.attach(this.ctx, panel, uri);
      return;
    }
    if (def.views.includes('tables')) {
      TablesPanel.attach(this.ctx, panel, uri);
      return;
    }
    const what = def.parser ? `PerfLens reads ${def.displayName} but has no view for it yet` : `PerfLens recognises ${def.displayName} but does not read it yet`;
    showError(this.ctx, panel, `${uri.fsPath || uri.toString()}: ${what} (it reads ${describeFormats(readableFormats())}). Reopen it with the text editor.`);
  }
}

function showError(ctx: PanelContext, panel: vscode.WebviewPanel, message: string): void {
  const host = new WebviewPanelHost<FlameGraphProtocol>(panel, ctx.extensionUri, 'flamegraph', () => undefined);
  host.show({ type: 'panel/error', title: panel.title, message });
  panel.onDidDispose(() => host.dispose());
}

/**
 * The size from which VS Code's text editor refuses a file ("not displayed in the text editor
 * because it is very large"): `workbench.editorLargeFileConfirmation` MB when the user sets it,
 * else 10 MB for remote and web workbenches (code-server) and 1 GB on the desktop, as VS Code does.
 */
function largeFileLimit(): number {
  const setting = vscode.workspace.getConfiguration('workbench').inspect<number>('editorLargeFileConfirmation');
  const mb = setting?.workspaceFolderValue ?? setting?.workspaceValue ?? setting?.globalValue;
  if (typeof mb === 'number' && mb > 0) return mb * 1024 * 1024;
  return vscode.env.remoteName || vscode.env.uiKind === vscode.UIKind.Web ? 10 * 1024 * 1024 : 1024 * 1024 * 1024;
}

/** Reopens report files in the PerfLens editor when the text editor will refuse them for their size. */
export function reopenLargeReports(log: vscode.LogOutputChannel): vscode.Disposable {
  const hasDocument = (uri: vscode.Uri): boolean => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const textTab = (uri: vscode.Uri): vscode.Tab | undefined =>
    vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  return vscode.window.tabGroups.onDidChangeTabs(async (e) => {
    for (const tab of e.opened) {
      const input = tab.input;
      if (!(input instanceof vscode.TabInputText) || input.uri.scheme !== 'file') continue;
      const uri = input.uri;
      let size = 0;
      try {
        size = (await vscode.workspace.fs.stat(uri)).size;
      } catch {
        continue;
      }
      if (size < largeFileLimit() || hasDocument(uri)) continue;
      const def = formatById(detectFormat(await readHead(uri)).format ?? '');
      if (!def?.views.length) continue;
      const text = textTab(uri);
      if (!text) continue;
      log.info(`${uri.fsPath}: ${size} bytes, over the text editor's limit: reopening it in the PerfLens editor`);
      await vscode.commands.executeCommand('vscode.openWith', uri, REPORT_EDITOR_VIEW_TYPE, { viewColumn: text.group.viewColumn, preview: text.isPreview });
      const old = textTab(uri);
      if (old) await vscode.window.tabGroups.close(old, true);
    }
  });
}
