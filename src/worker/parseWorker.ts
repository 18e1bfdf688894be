/**
 * Runs off the extension host's main thread, one request per worker: reads and parses one report
 * and builds what the request asks for (a view's payload or the editor's document summary), or
 * merges and compares stack profiles the host already has parsed (the comparison panel). Posts
 * the answer back; the host cancels by terminating the worker.
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
import type { ComparedView, CompareRequest, DocumentAnalysis, ParseRequest, WorkerPayload, WorkerReply, WorkerRequest } from './messages';
import { compareProfiles } from '../analysis/compare/compareView';
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

const reply = (m: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

port.once('message', (m: WorkerRequest) => {
  if (m.type === 'compare') compare(m.request);
  else void parse(m.request);
});

/** The worker exits after answering, so the merged tree's buffers move to the host instead of being copied. */
function compare(req: CompareRequest): void {
  try {
    const started = performance.now();
    const full = compareProfiles(req.runs, req.title, req.options);
    // Each run's own tree stays out of the answer: the host sent it.
    const view: ComparedView = { meta: full.meta, tree: full.tree, table: full.table, stacks: full.stacks, diff: full.diff, stats: full.stats };
    const buffers = new Set<ArrayBuffer>();
    for (const a of [view.tree.nodeName, view.tree.parent, ...view.tree.columns.flatMap((c) => [c.total, c.self])]) buffers.add(a.buffer as ArrayBuffer);
    reply({ type: 'compared', view, ms: Math.round(performance.now() - started) }, [...buffers]);
  } catch (err) {
    reply({ type: 'error', message: `${req.title}: ${(err as Error).message}`, located: false });
  }
}

async function parse(req: ParseRequest): Promise<void> {
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
}
