/**
 * The perf script collapser at its edges: input limits, samples cut off or run together, periods
 * perf prints as 0, frames named like the process, side-band records of comms with ':', the event
 * filter's helpers. Expected values come from the input text and stackcollapse-perf.pl's rules.
 */
import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { readCorpus } from '../helpers/corpus';
import { baseEvent, parsePerfScript, sameDefaultEvent } from '../../src/parsers/perf-script';

/** A callchain sample: the header, its frames TAB-indented (leaf first), a blank line. */
const sample = (head: string, frames: string[]): string => head + '\n' + frames.map((f) => '\t' + f).join('\n') + '\n\n';

describe('perf script collapser: edges', () => {
  it('drops a last frameless header cut off by the end of the input in perl mode, counts it by default', () => {
    const text = sample('a 1 1.000001: 5 cycles: ', ['1 f (/x)']) + 'b 2 1.000002: 7 cycles: \n';
    assert.deepEqual([...stacksOf(parsePerfScript(text))], [['a;f', 5], ['b', 7]]);
    const perl = parsePerfScript(text, { dropTruncatedSample: true });
    assert.deepEqual([...stacksOf(perl)], [['a;f', 5]]);
    assert.equal(perl.samples, 1);
  });

  it('says where a cut-off sample starts when perl mode drops it', () => {
    const text = sample('a 1 1.000001: cycles: ', ['1 f (/x)']) + 'a 1 1.000002: cycles: \n\t1 g (/x)\n';
    const p = parsePerfScript(text, { dropTruncatedSample: true });
    assert.deepEqual([...stacksOf(p)], [['a;f', 1]]);
    assert.deepEqual(p.warnings, [{ line: 4, message: 'input ends inside this sample (no blank line after it); the sample was not counted' }]);
  });

  it('closes a callchain sample at the next header even without a blank line between them', () => {
    const text = 'a 1 1.000001: cycles: \n\t1 f (/x)\nb 2 1.000002: cycles: \n\t2 g (/x)\n\n';
    const p = parsePerfScript(text);
    assert.deepEqual([...stacksOf(p)], [['a;f', 1], ['b;g', 1]]);
    assert.equal(p.samples, 2);
    assert.deepEqual(p.warnings, []);
  });

  it('keeps a frame whose name is the first process name (id 0 of the stack table)', () => {
    // A program called `main` with a `main` function: the comm is interned first, the frame shares its id.
    const chain = sample('main 7 1.000001: cycles: ', ['401000 main+0x10 (/bin/main)', '7f00 __libc_start_main+0xf0 (/lib/libc.so.6)']);
    assert.deepEqual([...stacksOf(parsePerfScript(chain))], [['main;__libc_start_main;main', 1]]);
    // The same without a callchain: the leaf is printed on the header line itself.
    const single = 'main 7 [000] 1.000001: 3 cycles:  401000 main+0x10 (/bin/main)\n\n';
    assert.deepEqual([...stacksOf(parsePerfScript(single))], [['main;main', 3]]);
  });

  it('keeps the leaf printed on a no-callchain header when a garbage line follows it', () => {
    const text = 'a 1 [000] 1.000001: 2 cycles:  7f00 leaf+0x4 (/x)\n\t%%% garbage\n\n';
    const p = parsePerfScript(text);
    assert.deepEqual([...stacksOf(p)], [['a;leaf', 2]]);
    assert.deepEqual(p.warnings, [{ line: 2, message: 'unrecognized line: \t%%% garbage' }]);
  });

  it('reads the leaf of a no-callchain header with trailing white space', () => {
    const p = parsePerfScript('a 1 [000] 1.000001: 2 cycles:  7f00 leaf+0x4 (/x)   \n\n');
    assert.deepEqual([...stacksOf(p)], [['a;leaf', 2]]);
  });

  it('takes no leaf from tracepoint text that holds parentheses (block_rq_issue prints its empty cmd as "()")', () => {
    // TP_printk("%d,%d %s %u (%s) %llu + %u [%s]"): `(…)` there is no DSO, the text is no frame.
    const text = '             fio  4242 [001]  1.000001: block:block_rq_issue: 259,0 WS 4096 () 1234567 + 8 [fio]\n';
    const p = parsePerfScript(text + text.replace('1.000001', '1.000002'));
    assert.deepEqual([...stacksOf(p)], [['fio', 2]]);
    assert.deepEqual(p.events, ['block:block_rq_issue']);
    assert.deepEqual(p.warnings, []);
  });

  it('weighs a sample whose header prints period 0, or a period too long for a double, as 1', () => {
    const huge = '9'.repeat(400);
    const text = sample('a 1 1.000001: 0 cycles: ', ['1 f (/x)']) + sample(`a 1 1.000002: ${huge} cycles: `, ['1 g (/x)']) + sample('a 1 1.000003: 4 cycles: ', ['1 h (/x)']);
    const p = parsePerfScript(text);
    assert.deepEqual([...stacksOf(p)], [['a;f', 1], ['a;g', 1], ['a;h', 4]]);
    assert.equal(p.weight, 'period');
  });

  it('reads a stack deeper than its initial frame buffer (300 frames of recursion)', () => {
    const frames = Array.from({ length: 300 }, (_, i) => `${(0x1000 + i).toString(16)} f${i} (/x)`);
    const p = parsePerfScript(sample('a 1 1.000001: cycles: ', frames));
    const want = ['a', ...Array.from({ length: 300 }, (_, i) => `f${299 - i}`)].join(';');
    assert.deepEqual([...stacksOf(p)], [[want, 1]]);
  });

  it('warns at a srcline-shaped line that follows no frame', () => {
    const p = parsePerfScript('a 1 1.000001: cycles: \n  t.c:7\n\t1205 leaf (/srv/t)\n  t.c:9\n\n');
    assert.deepEqual([...stacksOf(p)], [['a;leaf', 1]]);
    assert.deepEqual(p.warnings, [{ line: 2, message: 'unrecognized line:   t.c:7' }]);
  });

  it('skips frames that follow no header silently, as stackcollapse-perf.pl does (inferno empty-line.txt)', () => {
    // The second sample is a header alone; the frame after its blank line belongs to no sample.
    const p = parsePerfScript(readCorpus('inferno/tests/data/collapse-perf/empty-line.txt'));
    assert.deepEqual([...stacksOf(p)], [['inline-counter', 250000], ['inline-counter;main', 250000]]);
    assert.equal(p.samples, 2);
    assert.deepEqual(p.warnings, []);
  });

  it('does not read the lines of a sample of another event: one warning covers them', () => {
    // Its srcline lines (-F +srcline) and anything else in it are skipped with the sample.
    const other = 'a 1 1.000002: 20 instructions: \n\t1 g (/x)\n  g.c:12\n\t%%% not a frame\n\n';
    const text = sample('a 1 1.000001: 10 cycles: ', ['1 f (/x)']) + other + 'junk\n';
    const p = parsePerfScript(text);
    assert.deepEqual([...stacksOf(p)], [['a;f', 10]]);
    assert.deepEqual(p.warnings, [
      { line: 4, message: "several events in this file; showing only 'cycles'" },
      { line: 9, message: 'unrecognized line: junk' },
    ]);
  });

  it('ignores side-band records of a comm holding a colon (kworker/0:1)', () => {
    const text =
      'kworker/0:1 9981 [000] 1017.000001: PERF_RECORD_COMM exec: kworker/0:1:9981/9981\n' +
      sample('kworker/0:1 9981 [000] 1017.000002: 250000 cpu-clock:pppH: ', ['ffffffff8103ce3b worker_thread+0x1b ([kernel.kallsyms])']);
    const p = parsePerfScript(text);
    assert.deepEqual([...stacksOf(p)], [['kworker/0:1;worker_thread', 250000]]);
    assert.equal(p.samples, 1);
  });

  it('accepts header and frame lines up to 64 Ki characters, and warns at longer ones', () => {
    const LIMIT = 1 << 16;
    const head = 'a 1 [000] 1.000001: 1 cycles:  7f00 ';
    const header = (length: number): string => head + 'h'.repeat(length - head.length - ' (/x)'.length) + ' (/x)';
    const frame = (length: number): string => '\t1 ' + 'f'.repeat(length - '\t1 '.length - ' (/x)'.length) + ' (/x)';
    assert.equal(header(LIMIT).length, LIMIT);
    const fits = parsePerfScript(header(LIMIT) + '\n\n' + 'b 2 1.000002: 1 cycles: \n' + frame(LIMIT) + '\n\n');
    assert.deepEqual([...stacksOf(fits)].map(([s, w]) => [s.length, w]), [
      ['a;'.length + LIMIT - head.length - ' (/x)'.length, 1],
      ['b;'.length + LIMIT - '\t1 '.length - ' (/x)'.length, 1],
    ]);
    assert.deepEqual(fits.warnings, []);
    const over = parsePerfScript(header(LIMIT + 1) + '\n\n' + 'b 2 1.000002: 1 cycles: \n' + frame(LIMIT + 1) + '\n\n');
    assert.deepEqual([...stacksOf(over)], [['b', 1]]);
    // Line 1 is between samples, where frames are skipped silently: too long, it is warned at all the same.
    assert.deepEqual(over.warnings.map((w) => [w.line, w.message.slice(0, 40)]), [
      [1, `unrecognized line: ${head.slice(0, 21)}`],
      [4, `unrecognized line: \t1 ${'f'.repeat(18)}`],
    ]);
  });

  it('names the root frame comm-PID/TID when both --pid and --tid are given (--tid wins)', () => {
    const text = sample('java 24636/25607 [000] 1.000001: cycles: ', ['1 f (/x)']);
    assert.deepEqual([...stacksOf(parsePerfScript(text, { pid: true, tid: true }))], [['java-24636/25607;f', 1]]);
  });

  it('names the call tree root "all" and the source "<text>" unless told', () => {
    const p = parsePerfScript(sample('a 1 1.000001: cycles: ', ['1 f (/x)']));
    assert.equal(p.source, '<text>');
    assert.equal(p.format, 'perf-script');
    assert.equal(p.tree.names[p.tree.nodeName[0]], 'all');
  });
});

describe('perf script event helpers', () => {
  it('baseEvent drops only a trailing modifier suffix, not a tracepoint name that starts with modifier letters', () => {
    assert.equal(baseEvent('cycles:u'), 'cycles');
    assert.equal(baseEvent('cpu-clock:pppH'), 'cpu-clock');
    // `:k` and `:u` begin these tracepoint names; the suffix rule must see the whole name.
    assert.equal(baseEvent('kmem:kmalloc'), 'kmem:kmalloc');
    assert.equal(baseEvent('probe_libc:uprobe_malloc'), 'probe_libc:uprobe_malloc');
  });

  it('sameDefaultEvent: the same event, or one counter once bare and once with modifiers', () => {
    assert.equal(sameDefaultEvent('cpu-clock:u', 'cpu-clock:u'), true);
    assert.equal(sameDefaultEvent('cycles:u', 'cycles'), true);
    assert.equal(sameDefaultEvent('cycles', 'cycles:u'), true);
    assert.equal(sameDefaultEvent('cpu-clock:k', 'cpu-clock:u'), false);
    assert.equal(sameDefaultEvent('instructions', 'cycles'), false);
  });

  it('keeps the modified samples of the first, bare event by default (cycles then cycles:u)', () => {
    const text = sample('a 1 1.000001: 10 cycles: ', ['1 f (/x)']) + sample('a 1 1.000002: 20 cycles:u: ', ['1 g (/x)']);
    const p = parsePerfScript(text);
    assert.deepEqual([...stacksOf(p)], [['a;f', 10], ['a;g', 20]]);
    assert.deepEqual(p.events, ['cycles', 'cycles:u']);
    assert.deepEqual(p.warnings, []);
  });
});
