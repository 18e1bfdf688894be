/**
 * Starts the parse worker for one request (a parse, or a comparison of profiles already parsed);
 * aborting terminates it. No VS Code here: the host passes a signal.
 */
import { Worker } from 'node:worker_threads';
import type { CompareRequest, ParseRequest, WorkerReply, WorkerRequest } from './messages';

export type ParseOutcome = Extract<WorkerReply, { type: 'result' | 'error' }>;
export type CompareOutcome = Extract<WorkerReply, { type: 'compared' | 'error' }>;
type FinalReply = Exclude<WorkerReply, { type: 'progress' }>;

/** `workerScript`: dist/parseWorker.js. */
export function parseInWorker(workerScript: string, req: ParseRequest, onProgress: (bytes: number) => void, signal: AbortSignal): Promise<ParseOutcome> {
  return runInWorker(workerScript, { type: 'parse', request: req }, req.name, onProgress, signal).then((o) =>
    o.type === 'compared' ? { type: 'error', message: `${req.name}: the worker answered a parse with a comparison`, located: false } : o,
  );
}

/** The comparison of `req.runs`, merged and diffed in the worker (the extension host only clones the trees). */
export function compareInWorker(workerScript: string, req: CompareRequest, signal: AbortSignal): Promise<CompareOutcome> {
  const name = req.title || 'comparison';
  return runInWorker(workerScript, { type: 'compare', request: req }, name, () => undefined, signal).then((o) =>
    o.type === 'result' ? { type: 'error', message: `${name}: the worker answered a comparison with a parse`, located: false } : o,
  );
}

function runInWorker(workerScript: string, request: WorkerRequest, name: string, onProgress: (bytes: number) => void, signal: AbortSignal): Promise<FinalReply> {
  const what = request.type === 'parse' ? 'parsing' : 'comparing';
  return new Promise((resolve) => {
    const worker = new Worker(workerScript);
    let settled = false;
    const finish = (o: FinalReply): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(o);
    };
    const onAbort = (): void => finish({ type: 'error', message: `${name}: ${what} cancelled`, located: false });
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'progress') onProgress(m.bytes);
      else finish(m);
    });
    worker.on('error', (err) => finish({ type: 'error', message: `${name}: ${err.message}`, located: false }));
    worker.on('exit', (code) => finish({ type: 'error', message: `${name}: ${request.type === 'parse' ? 'parser' : 'comparison'} stopped unexpectedly (exit ${code})`, located: false }));
    worker.postMessage(request);
  });
}
