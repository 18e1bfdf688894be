/**
 * Heat colouring of perf report overhead percentages in the text editor: each row's first
 * percentage gets a background from pale to strong by its share. Only visible lines are
 * decorated (reports run to hundreds of thousands of lines). Off with `perflens.perfReport.heat`.
 */
import * as vscode from 'vscode';
import { heatLevel, overheadSpans } from '../parsers/perf-report/heat';

const LANGUAGE = 'perf-report';
const SETTING = 'perflens.perfReport.heat';
const LEVELS = 8;
/** Lines decorated around the visible ones, so scrolling a little shows no gap. */
const MARGIN = 200;

export function registerPerfReportHeat(): vscode.Disposable {
  const types = Array.from({ length: LEVELS }, (_, i) =>
    vscode.window.createTextEditorDecorationType({
      // Orange over any theme; the alpha carries the heat.
      backgroundColor: `rgba(230, 110, 30, ${(0.06 + (0.5 * i) / (LEVELS - 1)).toFixed(2)})`,
      borderRadius: '2px',
    }),
  );
  const enabled = (): boolean => vscode.workspace.getConfiguration().get<boolean>(SETTING, true);

  const paint = (editor: vscode.TextEditor): void => {
    if (editor.document.languageId !== LANGUAGE) return;
    const ranges: vscode.Range[][] = types.map(() => []);
    if (enabled()) {
      const doc = editor.document;
      const reader = { lineCount: doc.lineCount, lineAt: (i: number) => doc.lineAt(i).text };
      for (const visible of editor.visibleRanges) {
        for (const s of overheadSpans(reader, visible.start.line - MARGIN, visible.end.line + MARGIN + 1)) {
          ranges[heatLevel(s.percent, LEVELS)].push(new vscode.Range(s.line, s.start, s.line, s.end));
        }
      }
    }
    types.forEach((t, i) => editor.setDecorations(t, ranges[i]));
  };
  const paintAll = (): void => vscode.window.visibleTextEditors.forEach(paint);

  paintAll();
  return vscode.Disposable.from(
    ...types,
    vscode.window.onDidChangeVisibleTextEditors(paintAll),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => paint(e.textEditor)),
    vscode.workspace.onDidChangeTextDocument((e) => vscode.window.visibleTextEditors.filter((ed) => ed.document === e.document).forEach(paint)),
    vscode.workspace.onDidOpenTextDocument(() => paintAll()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING)) paintAll();
    }),
  );
}
