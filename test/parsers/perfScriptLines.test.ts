/**
 * The linear-time matchers must agree with stackcollapse-perf.pl's regexes (kept here as the oracle)
 * on every line of the real corpora and on random lines, and must not hang where the regexes would.
 */
import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { readdirSync } from 'node:fs';
import { matchFrame, matchHeaderStart, matchTrailingEvent } from '../../src/parsers/perf-script/lines';
import { parsePerfScript } from '../../src/parsers/perf-script';
import { corpusFile, readCorpus } from '../helpers/corpus';

const HEADER = /^(\S.*?)\s+(\d+)\/*(\d+)*\s+/;
const FRAME = /^\s*(\w+)\s*(.+) \((\S*)\)/;
const TRAILING = /:\s*(\d+)*\s+(\S+):\s*$/;

function oracleHeader(line: string) {
  const m = HEADER.exec(line);
  return m ? { comm: m[1], pid: m[2], tid: m[3], end: m[0].trimEnd().length } : undefined;
}
function oracleFrame(line: string) {
  const m = FRAME.exec(line);
  return m ? { pc: m[1], rawfunc: m[2], mod: m[3] } : undefined;
}
function oracleTrailing(line: string) {
  const m = TRAILING.exec(line);
  return m ? { period: m[1], event: m[2] } : undefined;
}

function corpusLines(): string[] {
  const files = [
    ...readdirSync(corpusFile('flamegraph/test')).filter((f) => f.endsWith('.txt')).map((f) => `flamegraph/test/${f}`),
    ...readdirSync(corpusFile('inferno/tests/data/collapse-perf')).filter((f) => f.endsWith('.txt')).map((f) => `inferno/tests/data/collapse-perf/${f}`),
    ...readdirSync(corpusFile('perf-6.1-captures')).map((f) => `perf-6.1-captures/${f}`),
    'perf-script/Netflix-flamescope/perf.test01',
  ];
  return [...new Set(files.flatMap((f) => readCorpus(f).split('\n')))];
}

function randomLine(rand: () => number): string {
  const alphabet = ['1', '2', '0', 'a', 'f', ' ', ' ', '\t', '/', ':', '(', ')', '+', 'x', '.', '[', ']', ';', 'k'];
  const n = Math.floor(rand() * 24);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

function lcg(seed: number): () => number {
  let x = seed;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('perf script line matchers (linear time, same answers as the perl regexes)', () => {
  const lines = corpusLines();

  it(`agree with the regexes on all ${lines.length} distinct corpus lines`, () => {
    assert.ok(lines.length > 20000);
    for (const line of lines) {
      assert.deepEqual(matchHeaderStart(line), oracleHeader(line), `header: ${JSON.stringify(line)}`);
      assert.deepEqual(matchFrame(line), oracleFrame(line), `frame: ${JSON.stringify(line)}`);
      assert.deepEqual(matchTrailingEvent(line), oracleTrailing(line), `event: ${JSON.stringify(line)}`);
    }
  });

  it('agree with the regexes on 200,000 random short lines', () => {
    const rand = lcg(42);
    for (let i = 0; i < 200000; i++) {
      const line = randomLine(rand);
      assert.deepEqual(matchHeaderStart(line), oracleHeader(line), `header: ${JSON.stringify(line)}`);
      assert.deepEqual(matchFrame(line), oracleFrame(line), `frame: ${JSON.stringify(line)}`);
      assert.deepEqual(matchTrailingEvent(line), oracleTrailing(line), `event: ${JSON.stringify(line)}`);
    }
  });

  it('finish on lines that make the regexes backtrack for ever', () => {
    // The perl's header regex needs ~2^n steps on `a 111…1x` in JavaScript: n = 40 would not end.
    const digits = 'a ' + '1'.repeat(200000) + 'x';
    assert.equal(matchHeaderStart(digits), undefined);
    const spaces = 'a' + ' '.repeat(200000) + 'x';
    assert.equal(matchHeaderStart(spaces), undefined);
    const word = '\t' + 'f'.repeat(200000);
    assert.equal(matchFrame(word), undefined);
    const parens = '\tff ' + ' (a'.repeat(100000);
    assert.equal(matchFrame(parens), undefined);
    const p = parsePerfScript(`a 1 1.000001: cycles: \n\t1 f (/x)\n\n${digits}\n${spaces}\n${parens}\n`);
    assert.deepEqual([...stacksOf(p)], [['a;f', 1]]);
    assert.deepEqual(p.warnings.map((w) => w.line), [4, 5, 6]);
  });
});
