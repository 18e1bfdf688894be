/** Starts the parse worker for one request; cancellation terminates it. */
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { ParseRequest, WorkerReply } from '../worker/protocol';

export type ParseOutcome = Extract<WorkerReply, { type: 'done' | 'document' | 'error' }>;

export function parseInWorker(
  extensionUri: vscode.Uri,
  req: ParseRequest,
  onProgress: (bytes: number) => void,
  token: vscode.CancellationToken,
): Promise<ParseOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(vscode.Uri.joinPath(extensionUri, 'dist', 'parseWorker.js').fsPath);
    let settled = false;
    const finish = (o: ParseOutcome): void => {
      if (settled) return;
      settled = true;
      sub.dispose();
      void worker.terminate();
      resolve(o);
    };
    const sub = token.onCancellationRequested(() => finish({ type: 'error', message: `${req.name}: parsing cancelled`, located: false }));
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'progress') onProgress(m.bytes);
      else finish(m);
    });
    worker.on('error', (err) => finish({ type: 'error', message: `${req.name}: ${err.message}`, located: false }));
    worker.on('exit', (code) => finish({ type: 'error', message: `${req.name}: parser stopped unexpectedly (exit ${code})`, located: false }));
    worker.postMessage(req);
  });
}
