/** Folding, outline and hovers for perf-script and folded documents. */
import * as vscode from 'vscode';
import { headerBlock, sampleBlocks } from '../parsers/perfScriptLayout';
import { collapsedFrameName } from '../parsers/perfScript';
import { matchFrame, matchHeaderStart } from '../parsers/perfScriptLines';
import type { DocumentAnalyzer, Indexed } from './documentAnalysis';

const lineReader = (doc: vscode.TextDocument) => (i: number) => doc.lineAt(i).text;

export function registerLanguageProviders(analyzer: DocumentAnalyzer): vscode.Disposable[] {
  const script: vscode.DocumentSelector = { language: 'perf-script' };
  const folded: vscode.DocumentSelector = { language: 'folded' };
  return [
    vscode.languages.registerFoldingRangeProvider(script, {
      provideFoldingRanges(doc) {
        const ranges = sampleBlocks(doc.lineCount, lineReader(doc))
          .filter((b) => b.last > b.header)
          .map((b) => new vscode.FoldingRange(b.header, b.last));
        const header = headerBlock(doc.lineCount, lineReader(doc));
        if (header) ranges.unshift(new vscode.FoldingRange(header[0], header[1], vscode.FoldingRangeKind.Comment));
        return ranges;
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(script, {
      // One entry per process (comm) with its sample count, pointing at its first sample: a
      // perf script file has far too many samples to list them one by one.
      provideDocumentSymbols(doc) {
        const byComm = new Map<string, { count: number; first: number; last: number }>();
        for (const b of sampleBlocks(doc.lineCount, lineReader(doc))) {
          const e = byComm.get(b.comm);
          if (e) {
            e.count++;
            e.last = b.last;
          } else byComm.set(b.comm, { count: 1, first: b.header, last: b.last });
        }
        const total = [...byComm.values()].reduce((a, e) => a + e.count, 0);
        return [...byComm.entries()]
          .sort((a, b) => b[1].count - a[1].count)
          .map(([comm, e]) => {
            const range = new vscode.Range(e.first, 0, e.last, doc.lineAt(e.last).text.length);
            const detail = `${e.count} samples (${pct(e.count, total)})`;
            return new vscode.DocumentSymbol(comm, detail, vscode.SymbolKind.Module, range, doc.lineAt(e.first).range);
          });
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(folded, {
      // The roots of the folded stacks (process names) with their totals.
      provideDocumentSymbols(doc) {
        const roots = new Map<string, { total: number; first: number }>();
        let total = 0;
        for (let i = 0; i < doc.lineCount; i++) {
          const text = doc.lineAt(i).text;
          const sp = text.lastIndexOf(' ');
          const count = Number(text.slice(sp + 1));
          if (sp <= 0 || !Number.isFinite(count)) continue;
          const root = text.slice(0, Math.min(sp, text.indexOf(';') < 0 ? sp : text.indexOf(';')));
          const e = roots.get(root) ?? { total: 0, first: i };
          e.total += count;
          roots.set(root, e);
          total += count;
        }
        return [...roots.entries()]
          .sort((a, b) => b[1].total - a[1].total)
          .map(([root, e]) => new vscode.DocumentSymbol(root, pct(e.total, total), vscode.SymbolKind.Module, doc.lineAt(e.first).range, doc.lineAt(e.first).range));
      },
    }),
    vscode.languages.registerHoverProvider(script, {
      async provideHover(doc, pos) {
        const text = doc.lineAt(pos.line).text;
        if (!/^\s/.test(text)) return undefined;
        const frame = matchFrame(text);
        if (!frame) return undefined;
        const offset = /\+0x([0-9a-f]+)$/.exec(frame.rawfunc);
        const analysis = await analyzer.analyze(doc);
        // The name the flame graph and the totals use: tidied like stackcollapse-perf.pl, which
        // depends on the sample's process (Java names are tidied only in `java`).
        const comm = sampleComm(doc, pos.line);
        const names = (collapsedFrameName(text, {}, comm === 'java') ?? frame.rawfunc).split(';');
        const md = new vscode.MarkdownString();
        md.appendMarkdown('**');
        md.appendText(names.join(' → '));
        md.appendMarkdown('**\n\n');
        appendShare(md, analysis, names.find((n) => analysis?.byName.has(n)) ?? names[0]);
        md.appendText(`address ${frame.pc}${offset ? ` (+0x${offset[1]} into the symbol)` : ''} in ${frame.mod}`);
        if (comm !== undefined) md.appendText(`, process ${comm}`);
        return new vscode.Hover(md);
      },
    }),
    vscode.languages.registerHoverProvider(folded, {
      async provideHover(doc, pos) {
        const text = doc.lineAt(pos.line).text;
        const sp = text.lastIndexOf(' ');
        if (sp <= 0 || pos.character >= sp) return undefined;
        const start = text.lastIndexOf(';', pos.character - 1) + 1;
        const end = text.indexOf(';', pos.character);
        const name = text.slice(start, end < 0 || end > sp ? sp : end);
        const analysis = await analyzer.analyze(doc);
        const md = new vscode.MarkdownString();
        md.appendMarkdown('**');
        md.appendText(name);
        md.appendMarkdown('**\n\n');
        appendShare(md, analysis, name);
        return new vscode.Hover(md, new vscode.Range(pos.line, start, pos.line, start + name.length));
      },
    }),
  ];
}

/** The comm of the sample a frame line belongs to: its header is the nearest unindented line above. */
function sampleComm(doc: vscode.TextDocument, line: number): string | undefined {
  for (let i = line - 1; i >= 0 && i >= line - 5000; i--) {
    const text = doc.lineAt(i).text;
    if (text.length === 0) return undefined;
    if (!/^\s/.test(text)) return matchHeaderStart(text)?.comm.replace(/ /g, '_');
  }
  return undefined;
}

function appendShare(md: vscode.MarkdownString, analysis: Indexed | undefined, name: string): void {
  if (!analysis) return;
  const stat = analysis.byName.get(name);
  if (!stat || analysis.total === 0) return;
  const [total, self] = stat;
  md.appendText(`On the stack in ${pct(total, analysis.total)} of ${analysis.event ? `'${analysis.event}' ` : ''}samples, leaf in ${pct(self, analysis.total)}.`);
  md.appendMarkdown('\n\n');
}

function pct(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(2)}%` : '0%';
}
