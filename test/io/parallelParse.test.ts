import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mergeRanges, parseInParallel, splitPoints } from '../../src/io/parallelParse';
import { perfScriptFormat } from '../../src/parsers/perf-script';
import type { FormatDefinition, RangeResult } from '../../src/parsers/formatDefinition';
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

  it('does not leave an empty range when the only blank line ends the file', () => {
    const tail = join(dir, 'tail.txt');
    const body = 'x'.repeat(100) + '\n\n';
    writeFileSync(tail, body);
    assert.deepEqual(splitPoints(tail, 2), [0, 102]);
    assert.deepEqual(expectedCuts(Buffer.from(body), 2), [0, 102]);
  });

  it('cuts strictly forward when several shares fall inside one long record followed by blank lines', () => {
    // The first cut lands after the first blank line; the later shares lie before it, so each
    // search starts just after the previous cut and must not find the same run of newlines again.
    const runs = join(dir, 'runs.txt');
    const body = 'x'.repeat(100) + '\n\n\n\n' + 'y'.repeat(10);
    writeFileSync(runs, body);
    const points = splitPoints(runs, 4);
    assert.deepEqual(points, expectedCuts(Buffer.from(body), 4));
    for (let i = 1; i < points.length; i++) assert.ok(points[i] > points[i - 1], points.join(','));
  });

  it('closes the file it reads', () => {
    const fds = (): number => readdirSync('/proc/self/fd').length;
    const before = fds();
    for (let i = 0; i < 5; i++) splitPoints(file, 3);
    assert.equal(fds(), before);
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

  it('parses a file it cannot cut as one range, the same as the sequential parser', async () => {
    const noBlank = join(dir, 'one-range.txt');
    // No-callchain samples: one header line each, no blank line anywhere.
    const body = Array.from({ length: 50 }, (_, i) => `app ${i + 1} ${i}.000001: ${i + 1} cycles: ffff work (/x)`).join('\n') + '\n';
    writeFileSync(noBlank, body);
    assert.deepEqual(splitPoints(noBlank, 4), [0, Buffer.byteLength(body)]);
    const par = (await collapseInParallel(noBlank, {}, 4)).profile;
    const seq = parsePerfScript(body);
    assert.equal(par.samples, 50);
    assert.deepEqual(stacksOf(par), stacksOf(seq));
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

/** One range parsed in this thread as dist/rangeWorker.js parses it in a worker. */
function parseRange(text: string, last: boolean): RangeResult {
  const parallel = def.parallel!;
  const parser = def.parser!.create(parallel.rangeOptions({ defaultEvent: 'cycles' }, last) as never);
  parser.push(text);
  parser.end();
  const { data } = parallel.exportRange(parser);
  const { items, dropped } = parser.warnings;
  return { data, lines: parser.lineCount, records: parser.records, warnings: items, droppedWarnings: dropped, firstUnrecognized: parser.firstUnrecognized, invalidUtf8Line: parser.invalidUtf8Line };
}

describe('merging parsed ranges', () => {
  /** `n` samples of 5 lines each; with `garbage`, the third line of each is not a frame. */
  const samples = (n: number, garbage: boolean): string =>
    Array.from({ length: n }, (_, i) => `app 1 ${i}.000001: 1 cycles: \n\t1 leaf${i % 7} (/x)\n${garbage ? '\t%%% not a frame' : '\t3 tail (/x)'}\n\t2 mid (/x)\n\n`).join('');

  const merge = (parts: string[]) =>
    mergeRanges(
      def,
      parts.map((t, i) => parseRange(t, i === parts.length - 1)),
      'f',
      { defaultEvent: 'cycles' },
    );

  it('keeps the first 200 warnings of the whole file and counts the rest, as the sequential parser does', () => {
    // 150 + 250 broken samples: the second range drops 50 itself, the merge drops 150 more.
    const parts = [samples(150, true), samples(250, true)];
    const seq = parsePerfScript(parts.join(''));
    const { model } = merge(parts);
    assert.equal(seq.warnings.length, 200);
    assert.equal(seq.droppedWarnings, 200);
    assert.deepEqual(model.warnings, seq.warnings);
    assert.equal(model.droppedWarnings, 200);
    assert.equal(model.warnings.length + model.droppedWarnings, 400, 'one warning per broken sample');
  });

  it('does not touch warnings under the limit', () => {
    const { model } = merge([samples(3, true), samples(4, true)]);
    assert.equal(model.warnings.length, 7);
    assert.equal(model.droppedWarnings, 0);
    // The second range's first broken line: 3 samples of 5 lines, then its line 3.
    assert.equal(model.warnings[3].line, 3 * 5 + 3);
  });

  it('reports the first line that did not fit at its file line, from whichever range holds it', () => {
    const clean = merge([samples(4, false), samples(2, true), samples(2, true)]);
    assert.deepEqual(clean.firstUnrecognized, { line: 4 * 5 + 3, text: '\t%%% not a frame' });
    assert.equal(clean.records, 8);
    const first = merge([samples(1, true), samples(2, true)]);
    assert.equal(first.firstUnrecognized?.line, 3);
  });
});
