/**
 * `perf script > out.txt` is how most profiles are saved, and VS Code gives `.txt` files the
 * plaintext language (a language's `firstLine` only applies to files no extension claims). So plain
 * text documents whose first 64 KiB carry a format's signature (detection says `yes`, not just
 * `maybe`) are switched to that format's language, the same detection the CLI uses. Formats may
 * also take over documents of their host languages (run logs are Markdown notes: parsers/languageTakeover.ts).
 */
import * as vscode from 'vscode';
import { detectFormat } from '../parsers/detect';
import { formatById } from '../parsers/formats';
import { switchableLanguage, takesOver } from '../parsers/languageTakeover';

const HEAD_CHARS = 65536;

export function registerLanguageAutoDetection(): vscode.Disposable {
  let languages: Promise<string[]> | undefined;
  const check = async (doc: vscode.TextDocument): Promise<void> => {
    const from = doc.languageId;
    if (!switchableLanguage(from) || doc.uri.scheme === 'output') return;
    const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 2000), 0)).slice(0, HEAD_CHARS);
    const detected = detectFormat(head);
    const def = detected.verdict === 'yes' ? formatById(detected.format ?? '') : undefined;
    if (!def || !takesOver(def, from)) return;
    // Only languages this extension contributes (formats get theirs with their parser).
    if (!(await (languages ??= Promise.resolve(vscode.languages.getLanguages()))).includes(def.languageId)) return;
    if (doc.languageId === from && !doc.isClosed) await vscode.languages.setTextDocumentLanguage(doc, def.languageId);
  };
  vscode.workspace.textDocuments.forEach((d) => void check(d));
  return vscode.workspace.onDidOpenTextDocument((d) => void check(d));
}
