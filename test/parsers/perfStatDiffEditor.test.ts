/** Outline, folding and hovers of perf stat and perf diff documents (pure functions over lines). */
import { strict as assert } from 'node:assert';
import type { LineReader } from '../../src/parsers/formatDefinition';
import { parsePerfDiff, perfDiffFormat } from '../../src/parsers/perf-diff';
import { parsePerfStat, perfStatFormat } from '../../src/parsers/perf-stat';
import { readCorpus } from '../helpers/corpus';
import { FIXTURES } from '../helpers/golden';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

function doc(text: string): LineReader {
  const lines = text.split('\n');
  return { lineCount: lines.length, lineAt: (i) => lines[i] };
}

/** 0-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string, from = 0): number {
  const i = text.split('\n').findIndex((l, n) => n >= from && l.includes(needle));
  assert.ok(i >= 0, needle);
  return i;
}

describe('perf stat editor features', () => {
  const ed = perfStatFormat.editor!;
  const text = readCorpus('perf-stat/grahamking-two_sum/perf_stat.txt');
  const index = ed.hoverIndex!(parsePerfStat(text));

  it('outline: the blocks (one per run), then their counters', () => {
    const items = ed.outline!(doc(text));
    assert.deepEqual(
      items.map((i) => [i.name, i.start, i.children?.length]),
      [
        ['1. ./target/release/two_sum 300 l', 0, 13],
        ['2. ./target/release/two_sum 300 m', lineOf(text, "300 m'"), 13],
        ['3. ./target/release/two_sum 300 s', lineOf(text, "300 s'"), 13],
      ],
    );
    assert.match(items[0].detail, /13 counters, 60\.25 s elapsed/);
    const ipc = items[0].children!.find((c) => c.name === 'instructions')!;
    assert.equal(ipc.start, lineOf(text, ' instructions '));
    assert.equal(ipc.detail, '374,205,673,499  # 5.19 insn per cycle');
  });

  it('outline: metric groups (--metric-only, TopdownL1) under their block', () => {
    const mo = readFileSync(resolve(FIXTURES, 'perf-stat/metric-only.txt'), 'utf8');
    const items = ed.outline!(doc(mo));
    assert.deepEqual(
      items[1].children!.map((c) => [c.name, c.detail]),
      [
        ['S0-D0-C0', '37.6% retiring, 1.7% bad speculation, 7.5% frontend bound, 53.1% backend bound'],
        ['S0-D0-C1', '38.0% retiring, 1.5% bad speculation, 7.0% frontend bound, 53.5% backend bound'],
      ],
    );
  });

  it('folding: one range per block, header to footer', () => {
    assert.deepEqual(ed.folding!(doc(text))[0], { start: 0, end: lineOf(text, 'seconds sys') });
  });

  it('hover on a counter: value, the metric as perf shows it, its formula, recomputed from the counters beside it', () => {
    const h = ed.hover!(doc(text), lineOf(text, ' instructions '), 0, undefined, index)!;
    assert.equal(h.title, 'instructions');
    assert.equal(text.split('\n')[lineOf(text, ' instructions ')].slice(h.span!.start, h.span!.end), 'instructions');
    assert.equal(h.paragraphs[0], '374,205,673,499 events.');
    // 374205673499 / 72124912284 = 5.188… -> perf prints 5.19.
    assert.equal(h.paragraphs[1], 'perf shows: 5.19 insn per cycle = instructions / cycles. From the counters printed here: 374,205,673,499 / 72,124,912,284 cycles → 5.19.');
    assert.match(h.paragraphs[2], /^Measured: '\.\/target\/release\/two_sum 300 l', 60\.25 s elapsed\.$/);
    // The second run's branch-misses use the second run's branches (the block is the hovered one).
    const miss = ed.hover!(doc(text), lineOf(text, 'branch-misses', lineOf(text, "300 m'")), 0, undefined, index)!;
    assert.match(miss.paragraphs[1], /= branch-misses \/ branches × 100\. From the counters printed here: 156,325,668 \/ 16,173,504,589 branches → 0\.97\.$/);
    assert.equal(ed.hover!(doc(text), lineOf(text, 'seconds time elapsed'), 0, undefined, index), undefined);
  });

  it('hover: noise over -r runs, <not supported>, multiplexing, -x lines', () => {
    const r = readCorpus('perf-6.1-captures/stat_r.txt');
    const ri = ed.hoverIndex!(parsePerfStat(r));
    const h = ed.hover!(doc(r), lineOf(r, 'context-switches'), 0, undefined, ri)!;
    assert.ok(h.paragraphs.includes('± 4.16% noise: the relative standard deviation of the count over the 3 runs (perf stat -r).'), h.paragraphs.join('\n'));
    assert.match(ed.hover!(doc(r), lineOf(r, ' cycles'), 0, undefined, ri)!.paragraphs[0], /^<not supported>: perf could not open this event/);
    const mux = readCorpus('easyperf-blog/_posts_2018-12-29-Understanding-IDQ_UOPS_NOT_DELIVERED__block08.perf-stat.txt');
    assert.match(ed.hover!(doc(mux), lineOf(mux, 'FE_WAS_OK'), 0, undefined, ed.hoverIndex!(parsePerfStat(mux)))!.paragraphs[1], /^Counted 66\.77% of the time/);
    const csv = readCorpus('perf-6.1-captures/stat_csv.txt');
    const c = ed.hover!(doc(csv), lineOf(csv, 'context-switches'), 0, undefined, ed.hoverIndex!(parsePerfStat(csv)))!;
    // perf: 235 / 1.217392797 s (its exact task-clock) = 193.035; from the printed 1217.39 msec: 193.036.
    assert.equal(c.paragraphs[1], 'perf shows: 193.035 /sec = context-switches per second of task-clock time. From the counters printed here: 235 / 1.22 s → 193.036.');
  });
});

describe('perf diff editor features', () => {
  const ed = perfDiffFormat.editor!;
  const text = readCorpus('perf-6.1-captures/diff3.txt');
  const index = ed.hoverIndex!(parsePerfDiff(text));

  it('outline: the event, its data files, then its top entries in perf order', () => {
    const [event] = ed.outline!(doc(text));
    assert.equal(event.name, "Event 'cpu-clock:pppH'");
    assert.equal(event.detail, '24 entries');
    const [files, ...entries] = event.children!;
    assert.deepEqual(
      files.children!.map((f) => [f.name, f.detail]),
      [
        ['[0] ng.data', 'baseline'],
        ['[1] ng2.data', ''],
        ['[2] g.data', ''],
      ],
    );
    assert.deepEqual([entries[0].name, entries[0].detail, entries[0].start], ['leaf_a  (t)', '+0.50%', lineOf(text, 'leaf_a')]);
    assert.equal(entries.length, 20);
  });

  it('folding: the header comments, and the section', () => {
    assert.deepEqual(ed.folding!(doc(text)), [
      { start: 0, end: lineOf(text, '      59.11%') - 1, kind: 'comment' },
      { start: 0, end: text.trimEnd().split('\n').length - 1 },
    ]);
  });

  it('hover on a row: baseline and new shares per file (baseline + delta), rank by |delta| in each file', () => {
    const h = ed.hover!(doc(text), lineOf(text, 'leaf_b'), 0, undefined, index)!;
    assert.equal(h.title, 'leaf_b');
    const row = text.split('\n')[lineOf(text, 'leaf_b')];
    assert.equal(row.slice(h.span!.start, h.span!.end), 'leaf_b');
    assert.deepEqual(h.paragraphs, [
      "Baseline: 39.65% of 'cpu-clock:pppH' in ng.data.",
      // 39.65 + 0.04; |0.04| is the 5th largest of the 12 deltas in file 1.
      'Delta Abs/1: +0.04 points: 39.69% in ng2.data (new % − baseline %). Rank 5 of 12 by |delta|.',
      // 39.65 + 0.87: the largest change in file 2 (17 entries have a delta there).
      'Delta Abs/2: +0.87 points: 40.52% in g.data (new % − baseline %). Rank 1 of 17 by |delta|.',
    ]);
    const onlyNew = ed.hover!(doc(text), lineOf(text, 'exc_page_fault'), 0, undefined, index)!;
    assert.match(onlyNew.paragraphs[0], /exists only in newer files/);
    assert.equal(onlyNew.paragraphs[1], 'Delta Abs/1: no samples in ng2.data.');
    assert.equal(ed.hover!(doc(text), 0, 0, undefined, index), undefined);
  });

  it('hover: ratio and periods', () => {
    const r = '# Baseline     Base period  Delta Abs          Period           Ratio  Shared Object  Symbol\n    59.11%       738000000     +0.50%       832000000        1.127371  t              [.] leaf_a\n';
    const h = ed.hover!(doc(r), 1, 0, undefined, ed.hoverIndex!(parsePerfDiff(r)))!;
    assert.deepEqual(h.paragraphs.slice(1), [
      'Base period: 738000000 in the baseline file.',
      'Delta Abs: +0.50 points: 59.61% in file 1 (new % − baseline %). Rank 1 of 1 by |delta|.',
      'Period: 832000000 in file 1.',
      // 832000000 / 738000000 = 1.127371
      'Ratio: 1.127371 (period in file 1 / baseline period).',
    ]);
  });
});
