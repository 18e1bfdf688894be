/**
 * "PerfLens" read-only custom editor: Reopen Editor With… > PerfLens shows a report file in its
 * format's view (the flame graph for stack formats). Report files too large for VS Code's text
 * editor (it shows "The file is not displayed in the text editor because it is very large") are
 * reopened here directly, so a 100 MB perf script opened from the explorer shows its flame graph.
 */
import * as vscode from 'vscode';
import { closeSync, openSync, readSync } from 'node:fs';
import { detectFormat } from '../parsers/detect';
import { describeFormats, formatById, readableFormats } from '../parsers/formats';
import { FlameGraphPanel } from './flameGraphPanel';
import type { PanelContext } from './panelContext';
import { WebviewPanelHost } from './webviewPanelHost';
import type { FlameGraphProtocol } from '../protocol/flameGraph';

export const REPORT_EDITOR_VIEW_TYPE = 'perflens.viewer';

const HEAD_BYTES = 65536;

/** The first 64 KiB of a file, without reading the rest (the file may be 1 GB). */
async function readHead(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'file') {
    const fd = openSync(uri.fsPath, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const n = readSync(fd, buf, 0, buf.length, 0);
      return buf.subarray(0, n).toString('utf8');
    } finally {
      closeSync(fd);
    }
  }
  return new TextDecoder().decode((await vscode.workspace.fs.readFile(uri)).subarray(0, HEAD_BYTES));
}

export class ReportEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly ctx: PanelContext) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const uri = document.uri;
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
 * Reopens report files in the PerfLens editor when VS Code's text editor refuses them for their
 * size (a text tab without a text document, over `workbench.editorLargeFileConfirmation` MB).
 */
export function reopenLargeReports(): vscode.Disposable {
  return vscode.window.tabGroups.onDidChangeTabs(async (e) => {
    for (const tab of e.opened) {
      const input = tab.input;
      if (!(input instanceof vscode.TabInputText) || input.uri.scheme !== 'file') continue;
      const uri = input.uri;
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) continue;
      const limitMb = vscode.workspace.getConfiguration('workbench').get<number>('editorLargeFileConfirmation') ?? 50;
      let size = 0;
      try {
        size = (await vscode.workspace.fs.stat(uri)).size;
      } catch {
        continue;
      }
      if (size < limitMb * 1024 * 1024) continue;
      const def = formatById(detectFormat(await readHead(uri)).format ?? '');
      if (!def?.views.length) continue;
      // The text tab may have been closed or have become a text document meanwhile.
      const still = tab.group.tabs.includes(tab) && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
      if (!still) continue;
      await vscode.commands.executeCommand('vscode.openWith', uri, REPORT_EDITOR_VIEW_TYPE, { viewColumn: tab.group.viewColumn, preview: tab.isPreview });
      await vscode.window.tabGroups.close(tab, true);
    }
  });
}
