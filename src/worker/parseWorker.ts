/**
 * Runs off the extension host's main thread: reads and parses one report, builds what the request
 * asks for (a view's payload or the editor's document summary) and posts it back. The host cancels
 * by terminating the worker.
 */
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { ParseError } from '../model/diagnostics';
import { isStackProfile, type ReportModel } from '../model/report';
import { parseFile, requireView } from '../io/parseFile';
import { rangeWorkerPath } from '../io/parallelParse';
import { flameGraphView } from '../analysis/flameGraphView';
import { functionStats } from '../analysis/functionStats';
import type { DocumentAnalysis, ParseRequest, WorkerPayload, WorkerReply } from './messages';

const port = parentPort;
if (!port) throw new Error('parseWorker must run as a worker thread');

function documentAnalysis(model: ReportModel): DocumentAnalysis {
  const analysis: DocumentAnalysis = { format: model.format, warnings: model.warnings, droppedWarnings: model.droppedWarnings };
  if (isStackProfile(model)) {
    const { functions, total } = functionStats(model.stacks);
    analysis.functions = functions.map((f) => [f.name, f.total, f.self]);
    analysis.total = total;
    analysis.unit = model.weight;
    analysis.event = model.event;
  }
  return analysis;
}

port.once('message', async (req: ParseRequest) => {
  const reply = (m: WorkerReply): void => port.postMessage(m);
  let lastProgress = 0;
  try {
    const source = req.path ?? Readable.from([req.text ?? '']);
    const parsed = await parseFile(source, req.name, {
      format: req.format,
      parserOptions: req.parserOptions,
      rangeWorker: rangeWorkerPath(__dirname),
      onProgress: (bytes) => {
        const now = Date.now();
        if (now - lastProgress > 100) {
          lastProgress = now;
          reply({ type: 'progress', bytes });
        }
      },
    });
    let payload: WorkerPayload;
    if (req.view === 'document') payload = { view: 'document', analysis: documentAnalysis(parsed.model) };
    else {
      const model = requireView(parsed, req.name, 'flameGraph');
      if (!isStackProfile(model)) throw new ParseError(req.name, 1, `expected stack samples, got ${parsed.format}`);
      payload = { view: 'flameGraph', ...flameGraphView(model, req.title) };
    }
    reply({ type: 'result', payload });
  } catch (err) {
    if (err instanceof ParseError) reply({ type: 'error', message: err.message, located: true, line: err.line, expected: err.expected });
    else reply({ type: 'error', message: `${req.name}: ${(err as Error).message}`, located: false });
  }
});
