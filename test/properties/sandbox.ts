/**
 * Runs parseRunner in a worker thread with a time bound per input: a parser that hangs (a loop, a
 * regex that backtracks for ever) is stopped and reported instead of freezing the test run. The
 * worker is started again after a timeout or a crash of the thread itself.
 */
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import type { RunOutcome, RunReply, RunRequest } from './parseRunner';

export type SandboxOutcome = RunOutcome | { kind: 'timeout'; error: string };

export interface SandboxReply {
  ms: number;
  outcome: SandboxOutcome;
}

const WORKER = resolve(__dirname, 'parseWorker.ts');
/** tsx's require hook, so the worker can load the TypeScript sources as the tests do. */
const TSX = require.resolve('tsx/cjs');

export class ParseSandbox {
  private worker: Worker | undefined;
  private ready: Promise<Worker> | undefined;
  private nextId = 1;

  constructor(private readonly timeoutMs: number) {}

  private start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const w = new Worker(`require(${JSON.stringify(TSX)}); require(${JSON.stringify(WORKER)});`, {
      eval: true,
      // A memory blow-up kills the worker, not the test run.
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
    });
    this.worker = w;
    this.ready = new Promise((res, rej) => {
      w.once('message', (m) => (m === 'ready' ? res(w) : rej(new Error(`worker said ${String(m)}`))));
      w.once('error', rej);
    });
    return this.ready;
  }

  private async stop(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (w) await w.terminate();
  }

  async run(req: Omit<RunRequest, 'id'>): Promise<SandboxReply> {
    const w = await this.start();
    const id = this.nextId++;
    const t0 = Date.now();
    return new Promise<SandboxReply>((res) => {
      let done = false;
      const finish = (reply: SandboxReply, restart: boolean): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (restart) void this.stop().then(() => res(reply));
        else res(reply);
      };
      const onMessage = (m: RunReply): void => {
        if (m.id === id) finish({ ms: m.ms, outcome: m.outcome }, false);
      };
      const onError = (e: Error): void => finish({ ms: Date.now() - t0, outcome: { kind: 'crash', error: `worker died: ${e.name}: ${e.message}` } }, true);
      const onExit = (code: number): void => finish({ ms: Date.now() - t0, outcome: { kind: 'crash', error: `worker exited with code ${code}` } }, true);
      const timer = setTimeout(
        () => finish({ ms: Date.now() - t0, outcome: { kind: 'timeout', error: `no answer within ${this.timeoutMs} ms` } }, true),
        this.timeoutMs,
      );
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ ...req, id });
    });
  }

  close(): Promise<void> {
    return this.stop();
  }
}
