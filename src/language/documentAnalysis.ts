/**
 * Parses open perf-script / folded documents in the parse worker (never on the extension host's
 * main thread), publishes parse warnings as diagnostics, and keeps function totals for hovers.
 */
import * as vscode from 'vscode';
import { parseInWorker } from '../panels/parseInWorker';
import type { DocumentAnalysis } from '../worker/protocol';

export const PERF_LANGUAGES = ['perf-script', 'folded'] as const;

/** Beyond this, VS Code itself turns off most language features; so do we. */
const MAX_ANALYZED_CHARS = 64 << 20;

interface Entry {
  version: number;
  analysis: Promise<Indexed | undefined>;
}

export interface Indexed extends DocumentAnalysis {
  byName: Map<string, [number, number]>;
}

export class DocumentAnalyzer implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('perflens');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The run in flight per document: a newer version cancels it. */
  private readonly running = new Map<string, vscode.CancellationTokenSource>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {
    const schedule = (doc: vscode.TextDocument): void => {
      if (!isPerfDocument(doc)) return;
      const key = doc.uri.toString();
      clearTimeout(this.timers.get(key));
      this.timers.set(key, setTimeout(() => void this.analyze(doc), 300));
    };
    vscode.workspace.textDocuments.forEach(schedule);
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument(schedule),
      vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.cache.delete(doc.uri.toString());
        this.diagnostics.delete(doc.uri);
      }),
      this.diagnostics,
    );
  }

  /** The analysis of the document's current version (parsed once per version). */
  analyze(doc: vscode.TextDocument): Promise<Indexed | undefined> {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.analysis;
    const analysis = this.run(doc);
    this.cache.set(key, { version: doc.version, analysis });
    return analysis;
  }

  private async run(doc: vscode.TextDocument): Promise<Indexed | undefined> {
    const text = doc.getText();
    if (text.length > MAX_ANALYZED_CHARS) return undefined;
    const key = doc.uri.toString();
    const version = doc.version;
    this.running.get(key)?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.running.set(key, cts);
    const outcome = await parseInWorker(
      this.extensionUri,
      { text, name: doc.uri.fsPath || key, title: '', format: doc.languageId as 'perf-script' | 'folded', purpose: 'document' },
      () => undefined,
      cts.token,
    );
    if (this.running.get(key) === cts) this.running.delete(key);
    // A newer version (or closing the document) made this result stale: publish nothing.
    if (cts.token.isCancellationRequested || doc.isClosed || doc.version !== version) return undefined;
    if (outcome.type === 'error') {
      const line = outcome.line !== undefined ? outcome.line - 1 : 0;
      this.diagnostics.set(doc.uri, [diagnostic(doc, line, outcome.expected ?? outcome.message, vscode.DiagnosticSeverity.Error)]);
      return undefined;
    }
    if (outcome.type !== 'document') return undefined;
    const a = outcome.analysis;
    this.diagnostics.set(
      doc.uri,
      a.warnings.map((w) => diagnostic(doc, w.line - 1, w.message, vscode.DiagnosticSeverity.Warning)),
    );
    return { ...a, byName: new Map(a.functions.map(([n, t, s]) => [n, [t, s]])) };
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const cts of this.running.values()) cts.cancel();
    this.subscriptions.forEach((d) => d.dispose());
  }
}

function diagnostic(doc: vscode.TextDocument, line: number, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const l = Math.min(line, Math.max(0, doc.lineCount - 1));
  const d = new vscode.Diagnostic(doc.lineAt(l).range, message, severity);
  d.source = 'PerfLens';
  return d;
}

export function isPerfDocument(doc: vscode.TextDocument): boolean {
  return (PERF_LANGUAGES as readonly string[]).includes(doc.languageId);
}
