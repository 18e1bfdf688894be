/** Parses one byte range of a perf script file (it starts and ends at sample boundaries). */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parentPort, workerData } from 'node:worker_threads';
import { PerfScriptCollapser } from '../parsers/perfScript';
import type { RangeRequest, RangeResult } from '../io/parallelCollapse';
import { invalidUtf8Line as firstInvalidUtf8Line } from '../parsers/lineSplitter';

const req = workerData as RangeRequest;
const collapser = new PerfScriptCollapser(req.options);
const decoder = new StringDecoder('utf8');
let invalidUtf8Line = 0;
const stream = createReadStream(req.path, { start: req.start, end: req.end - 1, highWaterMark: 1 << 20 });
stream.on('data', (buf) => {
  const text = decoder.write(buf as Buffer);
  if (invalidUtf8Line === 0) invalidUtf8Line = firstInvalidUtf8Line(text, collapser.lineCount);
  collapser.push(text);
  parentPort!.postMessage({ type: 'progress', bytes: (buf as Buffer).length });
});
stream.on('error', (err) => parentPort!.postMessage({ type: 'error', message: err.message }));
stream.on('end', () => {
  collapser.push(decoder.end());
  collapser.end();
  // Send the stacks as a trie of ids in transferable arrays: the stack strings are built once,
  // in the thread that merges, instead of here, in transit and there.
  const stacks = collapser.exportStacks();
  const result: RangeResult = {
    type: 'done',
    stacks,
    events: collapser.events,
    samples: collapser.samples,
    weight: collapser.weight,
    lines: collapser.lineCount,
    warnings: collapser.warnings.items,
    droppedWarnings: collapser.warnings.dropped,
    firstUnrecognized: collapser.firstUnrecognized,
    invalidUtf8Line,
  };
  parentPort!.postMessage(result, [stacks.parent.buffer as ArrayBuffer, stacks.frame.buffer as ArrayBuffer, stacks.weight.buffer as ArrayBuffer]);
});
