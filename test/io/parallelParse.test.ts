import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseInParallel, splitPoints } from '../../src/io/parallelParse';
import { perfScriptFormat } from '../../src/parsers/perf-script';
import type { FormatDefinition } from '../../src/parsers/formatDefinition';
import type { StackProfile } from '../../src/model/profile';
import { parsePerfScript } from '../../src/parsers/perf-script';
import { readCorpus } from '../helpers/corpus';

const WORKER = resolve(__dirname, '../../dist/rangeWorker.js');
const def = perfScriptFormat as FormatDefinition;

async function collapseInParallel(path: string, options: object, threads: number) {
  const r = await parseInParallel(def, path, path, WORKER, options, undefined, threads);
  assert.ok(r, 'the file can be split');
  return { ...r, profile: r.model as StackProfile };
}

/**
 * Where splitPoints should cut, computed another way (one pass over the whole buffer, no read
 * windows): the k-th range starts just after the first `\n\n` that begins at or after the k-th equal
 * share of the file (and after the previous cut); no cut when there is none.
 */
function expectedCuts(buf: Buffer, parts: number): number[] {
  const boundaries: number[] = [];
  for (let i = 0; i + 1 < buf.length; i++) if (buf[i] === 10 && buf[i + 1] === 10) boundaries.push(i);
  const cuts = [0];
  for (let k = 1; k < parts; k++) {
    const from = Math.max(Math.floor((buf.length * k) / parts), cuts[cuts.length - 1] + 1);
    const b = boundaries.find((i) => i >= from);
    if (b === undefined || b + 2 >= buf.length) break;
    cuts.push(b + 2);
  }
  cuts.push(buf.length);
  return cuts;
}

describe('parallel collapse', () => {
  // Several real inputs back to back: two events, pid/tid forms, Java, kernel frames.
  const text = ['perf-cycles-instructions-01', 'perf-vertx-stacks-01', 'perf-iperf-stacks-pidtid-01', 'perf-java-faults-01']
    .map((n) => readCorpus(`flamegraph/test/${n}.txt`).replace(/\n*$/, '\n\n'))
    .join('');
  let dir = '';
  let file = '';

  before(function () {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} missing: run npm run build first`);
    dir = mkdtempSync(join(tmpdir(), 'perflens-par-'));
    file = join(dir, 'mixed.txt');
    writeFileSync(file, text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('cuts only at blank lines, at the first one after each equal share', () => {
    const bytes = Buffer.from(text);
    for (const parts of [2, 3, 4, 7]) {
      const points = splitPoints(file, parts);
      // Every share of this file has a blank line after it: one cut per share boundary.
      assert.equal(points.length, parts + 1, `${parts} parts: ${points.join(',')}`);
      assert.deepEqual(points, expectedCuts(bytes, parts), `${parts} parts`);
      for (const p of points.slice(1, -1)) assert.equal(bytes.subarray(p - 2, p).toString(), '\n\n');
    }
  });

  it('does not cut a file without blank lines: one range, [0, size]', () => {
    const noBlank = join(dir, 'no-blank.txt');
    const body = text.replace(/\n+/g, '\n');
    writeFileSync(noBlank, body);
    for (const parts of [2, 4]) assert.deepEqual(splitPoints(noBlank, parts), [0, Buffer.byteLength(body)]);
  });

  it('finds a blank line that straddles the end of its 1 MiB read window', () => {
    // 4 MiB of 99-character lines; the only blank line's two newlines sit on the last byte of the
    // first window read from the middle and the first byte of the next.
    const size = 4 << 20;
    const buf = Buffer.alloc(size, 'a');
    for (let i = 99; i < size; i += 100) buf[i] = 10;
    const at = size / 2 + (1 << 20) - 1;
    buf[at] = 10;
    buf[at + 1] = 10;
    buf[at - 1] = 97;
    buf[at + 2] = 97;
    const straddle = join(dir, 'straddle.txt');
    writeFileSync(straddle, buf);
    assert.deepEqual(expectedCuts(buf, 2), [0, at + 2, size]);
    assert.deepEqual(splitPoints(straddle, 2), [0, at + 2, size]);
  });

  it('reports invalid UTF-8 at its file line, whichever range it is in', async () => {
    const lines = text.split('\n');
    const bad = Math.floor(lines.length * 0.8); // in the last range
    const bytes = Buffer.concat([
      Buffer.from(lines.slice(0, bad).join('\n') + '\n'),
      Buffer.from([0xff]),
      Buffer.from(lines.slice(bad).join('\n')),
    ]);
    const badFile = join(dir, 'bad-utf8.txt');
    writeFileSync(badFile, bytes);
    const r = await collapseInParallel(badFile, {}, 3);
    assert.equal(r.invalidUtf8Line, bad + 1);
  });

  for (const threads of [2, 3, 5]) {
    it(`gives exactly the sequential result on ${threads} threads, warnings at the same lines`, async () => {
      for (const options of [{}, { tid: true, kernel: true }, { event: 'instructions' }]) {
        const seq = parsePerfScript(text, options);
        const par = (await collapseInParallel(file, options, threads)).profile;
        assert.deepEqual(new Map([...stacksOf(par)].sort()), new Map([...stacksOf(seq)].sort()));
        assert.equal(par.samples, seq.samples);
        assert.equal(par.lines, seq.lines);
        assert.deepEqual(par.events, seq.events);
        assert.equal(par.event, seq.event);
        assert.equal(par.weight, seq.weight);
        assert.deepEqual(par.warnings, seq.warnings);
      }
    });
  }
});
