/**
 * An independent oracle for the perf 6.1 goldens (test/fixtures/golden/perf-6.1/*.folded). Those
 * goldens were written by PerfLens itself (perfScript.test.ts compares the parser with them), so on
 * their own they only say "the output did not change". This file imports nothing from src/: a small
 * counter reads each perf script capture line by line and checks, against the golden's JSON summary
 * and the sums of its folded lines:
 *
 *   - the events (in order of appearance), the event kept, and the number of samples kept;
 *   - the total weight;
 *   - the weight per root frame (the comm);
 *   - the weight per leaf frame (innermost frame; the comm alone for a sample without frames);
 *   - the weight per stack depth (frames below the comm), so no frame is dropped or invented.
 *
 * What it knows about perf script output (perf 6.1, default fields):
 *   - a sample header is `comm pid[/tid] [cpu] time: [period] event: [rest]`, the comm possibly
 *     right-aligned with leading spaces; every header is one sample (a sample cut off by the end of
 *     the file too: the parser counts it, as inferno does, with a warning);
 *   - callchain frames follow on TAB-indented lines `addr sym[+0xoff] (dso)`, leaf first, and a
 *     blank line ends the sample; without callchains the header's rest is the one frame
 *     (`addr sym+0xoff (dso)`), or a tracepoint's text that is no frame at all;
 *   - a sample weighs its period when its header prints one, else 1 (what the parser and
 *     stackcollapse-perf.pl do); only samples of the file's first event are kept;
 *   - a frame name is the symbol without `+0x…`; `[unknown]` becomes `[dso file name]`, or stays
 *     `[unknown]` when the dso is unknown too (stackcollapse-perf.pl's rule).
 * Any other line makes the counter fail, so it cannot silently skip what it does not understand.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../helpers/corpus';
import { FIXTURES } from '../helpers/golden';

const HEADER = /^\s*(\S.*?)\s+\d+(?:\/\d+)?\s+(?:\[\d+\]\s+)?\d+\.\d+:\s+(?:(\d+)\s+)?(\S+):(?:\s+(.*))?$/;
const FRAME = /^\s*[0-9a-f]+ (.+) \((.*)\)$/;

interface Sums {
  events: string[];
  event: string | undefined;
  samples: number;
  total: number;
  byRoot: Map<string, number>;
  byLeaf: Map<string, number>;
  byDepth: Map<number, number>;
}

function emptySums(): Sums {
  return { events: [], event: undefined, samples: 0, total: 0, byRoot: new Map(), byLeaf: new Map(), byDepth: new Map() };
}

function add<K>(m: Map<K, number>, k: K, w: number): void {
  m.set(k, (m.get(k) ?? 0) + w);
}

function frameName(m: RegExpExecArray): string {
  const sym = m[1].replace(/\+0x[0-9a-f]+$/, '');
  if (sym !== '[unknown]') return sym;
  return m[2] === '[unknown]' ? '[unknown]' : `[${m[2].replace(/.*\//, '')}]`;
}

/** The oracle: reads perf script text, no code from src/. */
function countPerfScript(text: string): Sums {
  const s = emptySums();
  let sample: { root: string; weight: number; leaf: string | undefined; depth: number; kept: boolean } | undefined;
  const close = (): void => {
    if (sample?.kept) {
      s.samples++;
      s.total += sample.weight;
      add(s.byRoot, sample.root, sample.weight);
      add(s.byLeaf, sample.leaf ?? sample.root, sample.weight);
      add(s.byDepth, sample.depth, sample.weight);
    }
    sample = undefined;
  };
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    if (line === '') return close();
    if (line.startsWith('\t')) {
      const f = FRAME.exec(line);
      assert.ok(f && sample, `line ${i + 1}: frame outside a sample or not a frame: ${line}`);
      if (sample.depth === 0) sample.leaf = frameName(f);
      sample.depth++;
      return;
    }
    const h = HEADER.exec(line);
    assert.ok(h, `line ${i + 1}: not a sample header: ${line}`);
    close();
    const [, comm, period, event, rest = ''] = h;
    if (!s.events.includes(event)) s.events.push(event);
    s.event ??= event;
    sample = { root: comm, weight: period ? Number(period) : 1, leaf: undefined, depth: 0, kept: event === s.event };
    const single = FRAME.exec(rest);
    if (single) {
      sample.leaf = frameName(single);
      sample.depth = 1;
    }
  });
  close();
  return s;
}

/** The same sums over a golden file: its JSON summary line, then `stack count` lines. */
function readGolden(text: string): { summary: { events: string[]; event: string; samples: number }; sums: Sums } {
  const [first, ...rest] = text.split('\n').filter((l) => l.length > 0);
  const summary = JSON.parse(first);
  const sums = emptySums();
  for (const line of rest) {
    const sp = line.lastIndexOf(' ');
    const frames = line.slice(0, sp).split(';');
    const w = Number(line.slice(sp + 1));
    assert.ok(Number.isFinite(w) && w > 0, line);
    sums.total += w;
    add(sums.byRoot, frames[0], w);
    add(sums.byLeaf, frames[frames.length - 1], w);
    add(sums.byDepth, frames.length - 1, w);
  }
  return { summary, sums };
}

const sorted = <K>(m: Map<K, number>): Array<[K, number]> => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

describe('perf 6.1 goldens: independent oracle (counts the capture itself, no parser code)', () => {
  // Facts counted off the captures with grep and awk (headers of the first event, distinct comms,
  // the periods printed), so the oracle itself is checked against something too.
  const expected: Record<string, { samples: number; weighted: boolean; roots: number }> = {
    script_g: { samples: 58, weighted: true, roots: 1 },
    script_m2: { samples: 200, weighted: true, roots: 5 },
    script_ng: { samples: 400, weighted: true, roots: 1 },
    script_sys: { samples: 55, weighted: true, roots: 3 },
    script_tp: { samples: 37, weighted: false, roots: 9 },
    script_tpg: { samples: 36, weighted: false, roots: 9 },
  };
  for (const [name, facts] of Object.entries(expected)) {
    it(`${name}: samples, events, total, per root, per leaf and per depth agree with the golden`, () => {
      const oracle = countPerfScript(readCorpus(`perf-6.1-captures/${name}.txt`));
      const golden = readGolden(readFileSync(join(FIXTURES, 'golden/perf-6.1', `${name}.folded`), 'utf8'));
      assert.equal(oracle.samples, facts.samples, 'oracle sample count');
      assert.equal(oracle.byRoot.size, facts.roots, 'oracle root count');
      // Every sample of these captures has the same period, 250000 (cpu-clock at 4 kHz), or none.
      assert.equal(oracle.total, facts.samples * (facts.weighted ? 250000 : 1), 'oracle total');

      assert.deepEqual(golden.summary.events, oracle.events);
      assert.equal(golden.summary.event, oracle.event);
      assert.equal(golden.summary.samples, oracle.samples);
      assert.equal(golden.sums.total, oracle.total, 'total weight');
      assert.deepEqual(sorted(golden.sums.byRoot), sorted(oracle.byRoot), 'weight per root');
      assert.deepEqual(sorted(golden.sums.byLeaf), sorted(oracle.byLeaf), 'weight per leaf');
      assert.deepEqual(sorted(golden.sums.byDepth), sorted(oracle.byDepth), 'weight per depth');
    });
  }

  it('covers every perf 6.1 golden', () => {
    const goldens = readdirSync(join(FIXTURES, 'golden/perf-6.1')).map((f) => f.replace(/\.folded$/, ''));
    assert.deepEqual(goldens.sort(), Object.keys(expected).sort());
  });

  it('the oracle itself: weights by period, keeps the first event, reads both sample shapes', () => {
    const text =
      'a 1 [000] 1.000001: 10 cycles: \n\t1 f+0x1 (/x/lib.so)\n\t2 [unknown] (/usr/bin/app)\n\n' +
      '  a 2 [000] 1.000002: 20 instructions:  1 g (/x)\n' +
      'b 3 [001] 1.000003: 30 cycles:  1 [unknown] ([unknown])\n' +
      'c 4 [001] 1.000004: sched:sched_switch: prev_comm=c\n';
    const s = countPerfScript(text);
    assert.deepEqual(s.events, ['cycles', 'instructions', 'sched:sched_switch']);
    assert.equal(s.samples, 2);
    assert.deepEqual(sorted(s.byRoot), [['a', 10], ['b', 30]]);
    assert.deepEqual(sorted(s.byLeaf), [['[unknown]', 30], ['f', 10]]);
    assert.deepEqual(sorted(s.byDepth), [[1, 30], [2, 10]]);
    assert.throws(() => countPerfScript('a 1 1.0: cycles: \n  t.c:7\n'), /not a sample header/);
  });
});
