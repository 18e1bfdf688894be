/**
 * Parses open documents of every readable format in the parse worker (never on the extension
 * host's main thread), publishes parse warnings as diagnostics, and keeps function totals for hovers.
 */
import * as vscode from 'vscode';
import type { FunctionTotals } from '../model/profile';
import { formatByLanguage } from '../parsers/formats';
import type { DocumentAnalysis } from '../worker/messages';
import type { ReportCache } from '../worker/reportCache';
import { abortSignal } from '../panels/workerGlue';
import { reportRequest } from '../panels/reportSource';
import { runLogParserOptions } from '../panels/runLogSettings';

/** Beyond this, VS Code itself turns off most language features; so do we. */
const MAX_ANALYZED_CHARS = 64 << 20;

interface Entry {
  version: number;
  analysis: Promise<Indexed | undefined>;
}

export interface Indexed extends DocumentAnalysis {
  /** Stack formats: per-function weights for hovers. */
  totals?: FunctionTotals;
}

export class DocumentAnalyzer implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('perflens');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The run in flight per document: a newer version cancels it. */
  private readonly running = new Map<string, vscode.CancellationTokenSource>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly reports: ReportCache) {
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
    const key = doc.uri.toString();
    const version = doc.version;
    this.running.get(key)?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.running.set(key, cts);
    let request;
    try {
      // Run logs parse with the run-log settings, as their views do (one parse for both).
      request = await reportRequest(doc.uri, doc.languageId === 'run-log' ? runLogParserOptions(doc.uri) : undefined);
    } catch {
      return undefined; // deleted meanwhile
    }
    if ((request.source.text?.length ?? 0) > MAX_ANALYZED_CHARS) return undefined;
    const outcome = await this.reports.get(request.key, request.source, { signal: abortSignal(cts.token) });
    if (this.running.get(key) === cts) this.running.delete(key);
    // A newer version (or closing the document) made this result stale: publish nothing.
    if (cts.token.isCancellationRequested || doc.isClosed || doc.version !== version) return undefined;
    if (outcome.type === 'error') {
      const line = outcome.line !== undefined ? outcome.line - 1 : 0;
      this.diagnostics.set(doc.uri, [diagnostic(doc, line, outcome.expected ?? outcome.message, vscode.DiagnosticSeverity.Error)]);
      return undefined;
    }
    const payload = outcome.payloads.find((p) => p.view === 'document');
    if (payload?.view !== 'document') return undefined;
    const a = payload.analysis;
    const diagnostics = a.warnings.map((w) => diagnostic(doc, w.line - 1, w.message, vscode.DiagnosticSeverity.Warning));
    if (a.droppedWarnings > 0) {
      diagnostics.push(diagnostic(doc, 0, `${a.droppedWarnings} more warnings not listed`, vscode.DiagnosticSeverity.Information));
    }
    this.diagnostics.set(doc.uri, diagnostics);
    const totals: FunctionTotals | undefined = a.functions
      ? { total: a.total ?? 0, unit: a.unit ?? 'samples', event: a.event, byName: new Map(a.functions.map(([n, t, s]) => [n, [t, s]])) }
      : undefined;
    return { ...a, totals };
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

/** Documents in a language of a format PerfLens can parse. */
export function isPerfDocument(doc: vscode.TextDocument): boolean {
  return formatByLanguage(doc.languageId)?.parser !== undefined;
}
