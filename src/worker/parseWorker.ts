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
import { VIEW_PAYLOADS } from './viewPayloads';
import { roughBytes } from './roughBytes';
import { functionStats } from '../analysis/functionStats';
import type { DocumentAnalysis, ParseRequest, WorkerPayload, WorkerReply } from './messages';
import { formatById } from '../parsers/formats';
import type { ViewKind } from '../model/format';

const port = parentPort;
if (!port) throw new Error('parseWorker must run as a worker thread');

function documentAnalysis(model: ReportModel): DocumentAnalysis {
  const analysis: DocumentAnalysis = { format: model.format, warnings: model.warnings, droppedWarnings: model.droppedWarnings };
  const hoverIndex = formatById(model.format)?.editor?.hoverIndex;
  if (hoverIndex) analysis.hoverIndex = hoverIndex(model);
  if (isStackProfile(model)) {
    const { functions, total } = functionStats(model.tree);
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
    const started = performance.now();
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
    const parsedAt = performance.now();
    const def = formatById(parsed.format);
    const payloads: WorkerPayload[] = [];
    for (const view of req.views) {
      if (view === 'document') payloads.push({ view: 'document', analysis: documentAnalysis(parsed.model) });
      else if (def?.views.includes(view)) {
        const payload = VIEW_PAYLOADS[view](parsed.model, req.title);
        if (payload) payloads.push(payload);
      }
    }
    // A request for only a view this format cannot feed is the caller's error: say what it reads.
    if (payloads.length === 0 && req.views.length > 0) requireView(parsed, req.name, req.views[0] as ViewKind);
    const timings = { parseMs: Math.round(parsedAt - started), payloadsMs: Math.round(performance.now() - parsedAt), bytes: parsed.bytes };
    reply({ type: 'result', format: parsed.format, payloads, approxBytes: roughBytes(payloads), timings });
  } catch (err) {
    if (err instanceof ParseError) reply({ type: 'error', message: err.message, located: true, line: err.line, expected: err.expected });
    else reply({ type: 'error', message: `${req.name}: ${(err as Error).message}`, located: false });
  }
});
