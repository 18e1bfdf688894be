/** What VS Code glue needs to run the (VS Code-free) parse worker and its cache. */
import * as vscode from 'vscode';
import { compareInWorker, parseInWorker, type CompareOutcome } from '../worker/parseInWorker';
import type { CompareRequest } from '../worker/messages';
import { ReportCache } from '../worker/reportCache';

export function parseWorkerPath(extensionUri: vscode.Uri): string {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'parseWorker.js').fsPath;
}

/** An AbortSignal that fires when the token is cancelled. */
export function abortSignal(token: vscode.CancellationToken): AbortSignal {
  const ac = new AbortController();
  if (token.isCancellationRequested) ac.abort();
  else token.onCancellationRequested(() => ac.abort());
  return ac.signal;
}

/** The extension's one report cache; parses run in dist/parseWorker.js. */
export function createReportCache(extensionUri: vscode.Uri): ReportCache {
  const worker = parseWorkerPath(extensionUri);
  return new ReportCache((req, onProgress, signal) => parseInWorker(worker, req, onProgress, signal));
}

/** Stack profiles merged and compared in dist/parseWorker.js; cancelling the token terminates it. */
export function compareProfilesInWorker(extensionUri: vscode.Uri, req: CompareRequest, token: vscode.CancellationToken): Promise<CompareOutcome> {
  return compareInWorker(parseWorkerPath(extensionUri), req, abortSignal(token));
}
