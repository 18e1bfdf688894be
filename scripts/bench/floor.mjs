// The floor for scripts/bench.mjs: read FILE with an fs stream in 1 MiB chunks and split it into
// lines, counting them, nothing else.
//
// usage: node scripts/bench/floor.mjs bytes|string FILE
//   bytes  : find line ends in the Buffer (buf.indexOf(10)); no strings are made (lowest floor)
//   string : decode each chunk as UTF-8 and String.split('\n') it (floor for string-based parsers)
// At the end it writes ONE JSON line to stderr:
//   {"tool":"floor-bytes","bytes":N,"lines":N,"ms":N,"maxRssKiB":N}
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { performance } from 'node:perf_hooks';

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'bytes' && mode !== 'string')) {
  process.stderr.write('usage: floor.mjs bytes|string FILE\n');
  process.exit(2);
}

let bytes = 0;
let lines = 0;
const stream = createReadStream(file, { highWaterMark: 1 << 20 });
if (mode === 'bytes') {
  let last = 10;
  for await (const chunk of stream) {
    bytes += chunk.length;
    let i = chunk.indexOf(10);
    while (i !== -1) {
      lines++;
      i = chunk.indexOf(10, i + 1);
    }
    last = chunk[chunk.length - 1];
  }
  if (bytes > 0 && last !== 10) lines++;
} else {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of stream) {
    bytes += chunk.length;
    const parts = (carry + decoder.write(chunk)).split('\n');
    carry = parts.pop();
    lines += parts.length;
  }
  carry += decoder.end();
  if (carry.length > 0) lines++;
}

process.stderr.write(
  JSON.stringify({
    tool: `floor-${mode}`,
    bytes,
    lines,
    ms: Math.round(performance.now()),
    maxRssKiB: process.resourceUsage().maxRSS,
  }) + '\n',
);
