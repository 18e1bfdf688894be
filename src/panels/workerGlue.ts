/** What VS Code glue needs to run the (VS Code-free) parse worker. */
import * as vscode from 'vscode';

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
