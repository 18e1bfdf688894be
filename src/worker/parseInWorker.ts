/** Starts the parse worker for one request; aborting terminates it. No VS Code here: the host passes a signal. */
import { Worker } from 'node:worker_threads';
import type { ParseRequest, WorkerReply } from './messages';

export type ParseOutcome = Extract<WorkerReply, { type: 'result' | 'error' }>;

/** `workerScript`: dist/parseWorker.js. */
export function parseInWorker(workerScript: string, req: ParseRequest, onProgress: (bytes: number) => void, signal: AbortSignal): Promise<ParseOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(workerScript);
    let settled = false;
    const finish = (o: ParseOutcome): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(o);
    };
    const onAbort = (): void => finish({ type: 'error', message: `${req.name}: parsing cancelled`, located: false });
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'progress') onProgress(m.bytes);
      else finish(m);
    });
    worker.on('error', (err) => finish({ type: 'error', message: `${req.name}: ${err.message}`, located: false }));
    worker.on('exit', (code) => finish({ type: 'error', message: `${req.name}: parser stopped unexpectedly (exit ${code})`, located: false }));
    worker.postMessage(req);
  });
}
