/**
 * parseFile's parallel path: a perf script file of at least 32 MiB, given the range worker, is
 * parsed in byte ranges on worker threads. What shows that it was: the worker script PerfLens starts
 * is ours here, a spy that notes its range and then runs dist/rangeWorker.js, so the ranges it was
 * given are the observable (no hook in src/).
 */
import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseFile } from '../../src/io/parseFile';
import type { StackProfile } from '../../src/model/profile';
import { readCorpus } from '../helpers/corpus';

const WORKER = resolve(__dirname, '../../dist/rangeWorker.js');

describe('parseFile: large perf script files go through the range workers', () => {
  let dir: string;
  before(function () {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} missing: run npm run build first`);
    // parseFile parses sequentially on a single core; nothing to observe there.
    if (availableParallelism() < 2) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'perflens-big-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a 33 MiB file: parsed in ranges covering the file, same model as the sequential parse', async function () {
    this.timeout(120000);
    // Three perf 6.1 captures (callchains, no callchains, system-wide), each closed by a blank line:
    // 58 + 400 + 55 samples of cpu-clock:pppH, every one with period 250000.
    const unit = ['script_g', 'script_ng', 'script_sys'].map((n) => readCorpus(`perf-6.1-captures/${n}.txt`).replace(/\n*$/, '\n\n')).join('');
    const copies = Math.ceil((33 << 20) / Buffer.byteLength(unit));
    const file = join(dir, 'big.perf-script.txt');
    writeFileSync(file, unit.repeat(copies));
    const size = statSync(file).size;
    assert.ok(size >= 32 << 20);

    const log = join(dir, 'ranges.log');
    const spy = join(dir, 'spyRangeWorker.js');
    writeFileSync(
      spy,
      `const { workerData } = require('node:worker_threads');\n` +
        `require('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify([workerData.start, workerData.end]) + '\\n');\n` +
        `require(${JSON.stringify(WORKER)});\n`,
    );

    const progress: number[] = [];
    const par = await parseFile(file, 'big', { rangeWorker: spy, onProgress: (b) => progress.push(b) });
    assert.ok(existsSync(log), 'no range worker was started: the file was not parsed in parallel');
    const ranges = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as [number, number])
      .sort((a, b) => a[0] - b[0]);
    assert.ok(ranges.length >= 2, `ranges: ${JSON.stringify(ranges)}`);
    assert.equal(ranges[0][0], 0);
    assert.equal(ranges.at(-1)![1], size);
    const bytes = readFileSync(file);
    for (let i = 1; i < ranges.length; i++) {
      assert.equal(ranges[i][0], ranges[i - 1][1], 'ranges are contiguous');
      assert.equal(bytes.subarray(ranges[i][0] - 2, ranges[i][0]).toString(), '\n\n', 'a range starts after a blank line');
    }
    assert.equal(progress.at(-1), size);

    const model = par.model as StackProfile;
    assert.equal(par.format, 'perf-script');
    assert.equal(par.bytes, size);
    assert.equal(model.samples, copies * (58 + 400 + 55));
    assert.equal(model.weight, 'period');
    assert.equal([...stacksOf(model).values()].reduce((a, b) => a + b, 0), model.samples * 250000);

    const seq = (await parseFile(file, 'big')).model as StackProfile;
    assert.deepEqual(new Map([...stacksOf(model)].sort()), new Map([...stacksOf(seq)].sort()));
    assert.equal(model.lines, seq.lines);
    assert.deepEqual(model.warnings, seq.warnings);
  });
});
