import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
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

describe('parallel collapse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'perflens-par-'));
  // Several real inputs back to back: two events, pid/tid forms, Java, kernel frames.
  const text = ['perf-cycles-instructions-01', 'perf-vertx-stacks-01', 'perf-iperf-stacks-pidtid-01', 'perf-java-faults-01']
    .map((n) => readCorpus(`flamegraph/test/${n}.txt`).replace(/\n*$/, '\n\n'))
    .join('');
  const file = join(dir, 'mixed.txt');
  writeFileSync(file, text);

  before(function () {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} missing: run npm run build first`);
  });

  it('cuts only at blank lines', () => {
    const points = splitPoints(file, 4);
    assert.equal(points[0], 0);
    assert.equal(points.at(-1), Buffer.byteLength(text));
    for (const p of points.slice(1, -1)) assert.equal(text.slice(p - 2, p), '\n\n');
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
        assert.deepEqual(par.warnings, seq.warnings);
      }
    });
  }
});
