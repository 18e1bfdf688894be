/**
 * `perf script > out.txt` is how most profiles are saved, and VS Code gives `.txt` files the
 * plaintext language (a language's `firstLine` only applies to files no extension claims). So plain
 * text documents whose first 64 KiB look like perf script output or folded stacks are switched to
 * that language, the same detection the CLI uses.
 */
import * as vscode from 'vscode';
import { detectFormat } from '../parsers/detect';

const HEAD_CHARS = 65536;

/** `name 12` lists are folded-shaped too; only switch when most lines hold a `;`-joined stack. */
function looksStacked(head: string): boolean {
  const lines = head.split('\n', 400).filter((l) => l.trim().length > 0);
  return lines.filter((l) => l.includes(';')).length * 2 >= lines.length;
}

export function registerLanguageAutoDetection(): vscode.Disposable {
  const check = (doc: vscode.TextDocument): void => {
    if (doc.languageId !== 'plaintext' || doc.uri.scheme === 'output') return;
    const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 2000), 0)).slice(0, HEAD_CHARS);
    const { format } = detectFormat(head);
    if (format === 'perf-script' || (format === 'folded' && looksStacked(head))) void vscode.languages.setTextDocumentLanguage(doc, format);
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.workspace.onDidOpenTextDocument(check);
}
