/** Parses one byte range of a file (it starts and ends at record boundaries) for parallelParse.ts. */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CHUNK_SIZE, Utf8ChunkDecoder } from '../io/decode';
import type { RangeMessage, RangeRequest } from '../io/parallelParse';
import { formatById } from '../parsers/formats';
import { rangeResult } from '../parsers/rangeResult';

const req = workerData as RangeRequest;
const post = (m: RangeMessage, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(m, transfer);
const def = formatById(req.format);
if (!def?.parser || !def.parallel) {
  post({ type: 'error', message: `${req.format} cannot be parsed in ranges` });
} else {
  const parallel = def.parallel;
  const parser = def.parser.create(req.options as never);
  const decoder = new Utf8ChunkDecoder();
  const fd = openSync(req.path, 'r');
  const buf = Buffer.alloc(CHUNK_SIZE);
  try {
    for (let pos = req.start; pos < req.end; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, req.end - pos), pos);
      if (n === 0) break;
      parser.push(decoder.write(buf.subarray(0, n)));
      pos += n;
      post({ type: 'progress', bytes: n });
    }
  } finally {
    closeSync(fd);
  }
  {
    parser.push(decoder.end());
    parser.end();
    const { data, transfer } = parallel.exportRange(parser);
    post({ type: 'done', ...rangeResult(parser, data) }, transfer);
  }
}
