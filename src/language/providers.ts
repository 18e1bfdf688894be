/**
 * Registers every format's editor features (folding, outline, hovers: pure functions in its
 * parsers/<format>/ folder) as VS Code providers for the format's language.
 */
import * as vscode from 'vscode';
import type { EditorFeatures, LineReader, OutlineItem } from '../parsers/formatDefinition';
import { FORMATS } from '../parsers/registry';
import type { DocumentAnalyzer } from './documentAnalysis';
import { comparisonNote } from '../panels/activeComparison';
import { abortSignal } from '../panels/workerGlue';

const lines = (doc: vscode.TextDocument): LineReader => ({ lineCount: doc.lineCount, lineAt: (i) => doc.lineAt(i).text });

export function registerLanguageProviders(analyzer: DocumentAnalyzer): vscode.Disposable[] {
  const out: vscode.Disposable[] = [];
  for (const f of FORMATS) {
    if (f.editor) out.push(...registerEditorFeatures({ language: f.languageId }, f.editor, analyzer));
  }
  return out;
}

/** An outline item and its children (nested items show as fields: a block's counters, an event's entries). */
function documentSymbol(doc: vscode.TextDocument, s: OutlineItem, kind: vscode.SymbolKind): vscode.DocumentSymbol {
  const range = new vscode.Range(s.start, 0, s.end, doc.lineAt(s.end).text.length);
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, kind, range, doc.lineAt(s.selection).range);
  if (s.children) symbol.children = s.children.map((c) => documentSymbol(doc, c, vscode.SymbolKind.Field));
  return symbol;
}

function registerEditorFeatures(selector: vscode.DocumentSelector, editor: EditorFeatures, analyzer: DocumentAnalyzer): vscode.Disposable[] {
  const out: vscode.Disposable[] = [];
  const { folding, outline, hover } = editor;
  if (folding) {
    out.push(
      vscode.languages.registerFoldingRangeProvider(selector, {
        provideFoldingRanges: (doc) =>
          folding(lines(doc)).map((r) => new vscode.FoldingRange(r.start, r.end, r.kind === 'comment' ? vscode.FoldingRangeKind.Comment : undefined)),
      }),
    );
  }
  if (outline) {
    out.push(
      vscode.languages.registerDocumentSymbolProvider(selector, {
        provideDocumentSymbols: (doc) => outline(lines(doc)).map((s) => documentSymbol(doc, s, vscode.SymbolKind.Module)),
      }),
    );
  }
  if (hover) {
    out.push(
      vscode.languages.registerHoverProvider(selector, {
        async provideHover(doc, pos, token) {
          const analysis = await analyzer.analyze(doc);
          const h = hover(lines(doc), pos.line, pos.character, analysis?.totals, analysis?.hoverIndex);
          if (!h) return undefined;
          // With a comparison open: this function's share, or this row's values, in the baseline and the change.
          const place = { uri: doc.uri.toString(), format: analysis?.format, line: pos.line, names: h.title.split(' → '), totals: analysis?.totals };
          const note = await comparisonNote(place, abortSignal(token));
          if (note) h.paragraphs.push(note);
          // Report text is text: appendText escapes it, only our own bold markers are markup.
          const md = new vscode.MarkdownString();
          md.appendMarkdown('**');
          md.appendText(h.title);
          md.appendMarkdown('**');
          for (const p of h.paragraphs) {
            md.appendMarkdown('\n\n');
            md.appendText(p);
          }
          if (h.flameGraphSearch) {
            // Only our own command runs from the hover; the name travels as encoded JSON, never as markup.
            const args = encodeURIComponent(JSON.stringify([doc.uri.toString(), { search: h.flameGraphSearch }]));
            md.appendMarkdown(`\n\n[Open the flame graph, searching for it](command:perflens.openFlameGraph?${args})`);
            md.isTrusted = { enabledCommands: ['perflens.openFlameGraph'] };
          }
          const range = h.span ? new vscode.Range(pos.line, h.span.start, pos.line, h.span.end) : undefined;
          return new vscode.Hover(md, range);
        },
      }),
    );
  }
  return out;
}
