/** Parses one byte range of a perf script file (it starts and ends at sample boundaries). */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parentPort, workerData } from 'node:worker_threads';
import { PerfScriptCollapser } from '../parsers/perfScript';
import type { RangeRequest, RangeResult } from '../io/parallelCollapse';

const req = workerData as RangeRequest;
const collapser = new PerfScriptCollapser(req.options);
const decoder = new StringDecoder('utf8');
let invalidUtf8Line = 0;
const stream = createReadStream(req.path, { start: req.start, end: req.end - 1, highWaterMark: 1 << 20 });
stream.on('data', (buf) => {
  const text = decoder.write(buf as Buffer);
  if (invalidUtf8Line === 0 && text.includes('\uFFFD')) invalidUtf8Line = collapser.lineCount + 1;
  collapser.push(text);
  parentPort!.postMessage({ type: 'progress', bytes: (buf as Buffer).length });
});
stream.on('error', (err) => parentPort!.postMessage({ type: 'error', message: err.message }));
stream.on('end', () => {
  collapser.push(decoder.end());
  collapser.end();
  const p = collapser.toProfile();
  const result: RangeResult = {
    type: 'done',
    stacks: [...p.stacks],
    events: p.events,
    samples: p.samples,
    weight: p.weight,
    lines: p.lines,
    warnings: p.warnings,
    droppedWarnings: p.droppedWarnings,
    firstUnrecognized: collapser.firstUnrecognized,
    invalidUtf8Line,
  };
  parentPort!.postMessage(result);
});
