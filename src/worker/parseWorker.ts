/**
 * Runs off the extension host's main thread: reads and parses one report, builds the call tree and
 * posts it back. The host cancels by terminating the worker.
 */
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { ParseError } from '../model/diagnostics';
import { parseFile, requireStacks } from '../io/parseFile';
import { collapseWorkerPath } from '../io/parallelCollapse';
import { flameGraphView } from '../analysis/flameGraphView';
import { functionStats } from '../analysis/functionStats';
import type { ParseRequest, WorkerReply } from './protocol';

const port = parentPort;
if (!port) throw new Error('parseWorker must run as a worker thread');

port.once('message', async (req: ParseRequest) => {
  const reply = (m: WorkerReply): void => port.postMessage(m);
  let lastProgress = 0;
  try {
    const source = req.path ?? Readable.from([req.text ?? '']);
    const parsed = await parseFile(source, req.name, {
      format: req.format,
      collapse: req.collapse,
      collapseWorker: collapseWorkerPath(__dirname),
      onProgress: (bytes) => {
        const now = Date.now();
        if (now - lastProgress > 100) {
          lastProgress = now;
          reply({ type: 'progress', bytes });
        }
      },
    });
    const profile = requireStacks(parsed, req.name);
    if (req.purpose === 'document') {
      const { functions, total } = functionStats(profile.stacks);
      reply({
        type: 'document',
        analysis: {
          format: parsed.format,
          warnings: profile.warnings,
          functions: functions.map((f) => [f.name, f.total, f.self]),
          total,
          samples: profile.samples,
          event: profile.event,
        },
      });
      return;
    }
    const { meta, tree } = flameGraphView(profile, req.title);
    reply({ type: 'done', meta, tree });
  } catch (err) {
    if (err instanceof ParseError) reply({ type: 'error', message: err.message, located: true, line: err.line, expected: err.expected });
    else reply({ type: 'error', message: `${req.name}: ${(err as Error).message}`, located: false });
  }
});
