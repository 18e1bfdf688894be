/**
 * The perf script parallel plan in-process (the worker threads of parallelParse.test.ts cannot
 * show which line of it failed): how the default event is found at the start of the file, the
 * options of each range, and the merge of the ranges' stacks, events and warnings.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeRanges } from '../../src/io/parallelParse';
import type { FormatDefinition, RangeResult } from '../../src/parsers/formatDefinition';
import { rangeResult } from '../../src/parsers/rangeResult';
import type { StackProfile } from '../../src/model/profile';
import { parsePerfScript, PerfScriptCollapser, perfScriptFormat, type CollapseOptions } from '../../src/parsers/perf-script';
import { firstEvent, perfScriptParallel } from '../../src/parsers/perf-script/parallel';
import { stacksOf } from '../helpers/golden';
import { readCorpus } from '../helpers/corpus';

const def = perfScriptFormat as FormatDefinition;

/** What dist/rangeWorker.js does with one range (src/worker/rangeWorker.ts), here in the test's thread. */
function parseRange(text: string, options: Partial<CollapseOptions>): RangeResult {
  const parser = new PerfScriptCollapser(options);
  parser.push(text);
  parser.end();
  return rangeResult(parser, perfScriptParallel.exportRange(parser).data);
}

/** Cuts `text` just after the blank lines that end its samples number `at[0]`, `at[1]` … */
function cutAfterSamples(text: string, at: number[]): string[] {
  const ends: number[] = [];
  for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 2)) ends.push(i + 2);
  const cuts = [0, ...at.map((k) => ends[k - 1]), text.length];
  return cuts.slice(1).map((end, i) => text.slice(cuts[i], end));
}

describe('perf script parallel plan (in-process)', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'perflens-plan-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string | Buffer): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('takes the first event of the file as the default, or the one the user chose', () => {
    // perf-cycles-instructions-01 interleaves instructions and cycles samples, instructions first (line 22).
    const path = file('two-events.txt', readCorpus('flamegraph/test/perf-cycles-instructions-01.txt'));
    assert.equal(firstEvent(path, {}), 'instructions');
    assert.equal(firstEvent(path, { event: 'cycles' }), 'cycles');
    assert.deepEqual(perfScriptParallel.prepare(path, { kernel: true }), { kernel: true, defaultEvent: 'instructions' });
    assert.deepEqual(perfScriptParallel.prepare(path, { event: 'cycles' }), { event: 'cycles', defaultEvent: 'cycles' });
  });

  it('leaves a file with no sample header to the sequential parser', () => {
    const path = file('comments.txt', '# ========\n# captured on: Thu Jul  9 17:14:37 2015\n# ========\n#\n');
    assert.equal(firstEvent(path, {}), undefined);
    assert.equal(perfScriptParallel.prepare(path, {}), undefined);
  });

  it('looks for the first event in the first 4 MiB only', () => {
    // 100-byte comment lines, then one sample: its header starts `offset` bytes into the file.
    const withSampleAt = (at: number): Buffer => {
      const offset = at - (at % 100);
      const pad = Buffer.alloc(offset, 'x');
      for (let i = 0; i < offset; i += 100) pad[i] = 35; // '#'
      for (let i = 99; i < offset; i += 100) pad[i] = 10;
      return Buffer.concat([pad, Buffer.from('a 1 1.000001: 7 cycles: \n\t1 f (/x)\n\n')]);
    };
    const MiB4 = 4 << 20;
    // 4 MiB are read in 256 KiB blocks: a header that ends before 4 MiB is found.
    assert.equal(firstEvent(file('near.txt', withSampleAt(MiB4 - 100)), {}), 'cycles');
    // One just past 4 MiB is not; neither is one further on.
    assert.equal(firstEvent(file('past.txt', withSampleAt(MiB4 + 100)), {}), undefined);
    assert.equal(firstEvent(file('far.txt', withSampleAt(MiB4 + (1 << 20))), {}), undefined);
  });

  it('closes the file it reads', function () {
    if (!existsSync('/proc/self/fd')) this.skip();
    const path = file('one.txt', 'a 1 1.000001: 7 cycles: \n\t1 f (/x)\n\n');
    const open = readdirSync('/proc/self/fd').length;
    for (let i = 0; i < 20; i++) firstEvent(path, {});
    assert.equal(readdirSync('/proc/self/fd').length, open);
  });

  it('drops a cut-off last sample in every range but the last, which follows the options', () => {
    assert.equal(perfScriptParallel.rangeOptions({}, false).dropTruncatedSample, true);
    assert.equal(perfScriptParallel.rangeOptions({ dropTruncatedSample: false }, false).dropTruncatedSample, true);
    assert.equal(perfScriptParallel.rangeOptions({}, true).dropTruncatedSample, undefined);
    assert.equal(perfScriptParallel.rangeOptions({ dropTruncatedSample: true }, true).dropTruncatedSample, true);
    assert.deepEqual(perfScriptParallel.rangeOptions({ kernel: true, defaultEvent: 'cycles' }, true), { kernel: true, defaultEvent: 'cycles', dropTruncatedSample: undefined });
  });

  it('merges ranges into the sequential result: stacks, events, weights, one event warning, every other warning', () => {
    // Two events, garbage in the first and last range (the first range holds only its garbage line).
    const base = readCorpus('flamegraph/test/perf-cycles-instructions-01.txt').replace(/\n*$/, '\n\n');
    const garbage = 'THIS IS NOT PERF SCRIPT\n\n';
    const text = garbage + base + garbage;
    const path = file('merge.txt', text);
    const options = perfScriptParallel.prepare(path, {})!;
    const pieces = cutAfterSamples(text, [1, 3, 40]);
    assert.equal(pieces.join(''), text);
    const ranges = pieces.map((piece, i) => parseRange(piece, perfScriptParallel.rangeOptions(options, i === pieces.length - 1)));
    const merged = mergeRanges(def, ranges, 'merge.txt', options).model as StackProfile;
    const seq = parsePerfScript(text, {}, 'merge.txt');
    assert.deepEqual(new Map([...stacksOf(merged)].sort()), new Map([...stacksOf(seq)].sort()));
    assert.deepEqual(merged.events, ['instructions', 'cycles']);
    assert.deepEqual(merged.events, seq.events);
    assert.equal(merged.event, 'instructions');
    assert.equal(merged.samples, seq.samples);
    assert.equal(merged.lines, seq.lines);
    assert.equal(merged.weight, seq.weight);
    assert.equal(merged.format, 'perf-script');
    assert.equal(merged.source, 'merge.txt');
    // Several ranges saw the second event; the file warns about it once, and about each garbage line.
    assert.ok(ranges.filter((r) => r.warnings.some((w) => w.message.startsWith('several events'))).length >= 2);
    assert.deepEqual(merged.warnings, seq.warnings);
    assert.deepEqual(merged.warnings.map((w) => w.message.slice(0, 12)), ['unrecognized', 'several even', 'unrecognized']);
  });

  it('says the weights are periods when any range saw a period, and takes the header facts from the first range', () => {
    const head = '# ========\n# hostname : box\n# ========\n#\n';
    const untimed = 'java  3244 cpu-clock: \n\t7f00 f (/x)\n\n';
    const timed = 'java  3244 [000] 1.000001: 250000 cpu-clock: \n\t7f00 f (/x)\n\n';
    const options = { defaultEvent: 'cpu-clock' };
    const ranges = [head + untimed, timed, untimed].map((t, i) => parseRange(t, perfScriptParallel.rangeOptions(options, i === 2)));
    assert.deepEqual(ranges.map((r) => (r.data as { weight: string }).weight), ['samples', 'period', 'samples']);
    const merged = mergeRanges(def, ranges, 'w.txt', options).model as StackProfile;
    assert.equal(merged.weight, 'period');
    assert.deepEqual([...stacksOf(merged)], [['java;f', 250002]]);
    assert.deepEqual(merged.facts, parsePerfScript(head).facts);
    assert.ok(Object.keys(merged.facts).length > 0);
  });
});
