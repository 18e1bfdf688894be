/** Parses one byte range of a file (it starts and ends at record boundaries) for parallelParse.ts. */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parentPort, workerData } from 'node:worker_threads';
import type { RangeMessage, RangeRequest } from '../io/parallelParse';
import { formatById } from '../parsers/formats';

const req = workerData as RangeRequest;
const post = (m: RangeMessage, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(m, transfer);
const def = formatById(req.format);
if (!def?.parser || !def.parallel) {
  post({ type: 'error', message: `${req.format} cannot be parsed in ranges` });
} else {
  const parallel = def.parallel;
  const parser = def.parser.create(req.options as never);
  const decoder = new StringDecoder('utf8');
  const stream = createReadStream(req.path, { start: req.start, end: req.end - 1, highWaterMark: 1 << 20 });
  stream.on('data', (buf) => {
    parser.push(decoder.write(buf as Buffer));
    post({ type: 'progress', bytes: (buf as Buffer).length });
  });
  stream.on('error', (err) => post({ type: 'error', message: err.message }));
  stream.on('end', () => {
    parser.push(decoder.end());
    parser.end();
    const { data, transfer } = parallel.exportRange(parser);
    post(
      {
        type: 'done',
        data,
        lines: parser.lineCount,
        records: parser.records,
        warnings: parser.warnings.items,
        droppedWarnings: parser.warnings.dropped,
        firstUnrecognized: parser.firstUnrecognized,
        invalidUtf8Line: parser.invalidUtf8Line,
      },
      transfer,
    );
  });
}
