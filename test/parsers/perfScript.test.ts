import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { readdirSync } from 'node:fs';
import { parsePerfScript, PerfScriptCollapser, stripArguments, tidyRustSymbol, baseEvent } from '../../src/parsers/perf-script';
import { toFoldedText } from '../../src/analysis/folded';
import { parseFolded } from '../../src/parsers/folded';
import { corpusFile, readCorpus } from '../helpers/corpus';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/golden';
import { assertGolden } from '../helpers/golden';

describe('perf script parser: perf 6.1 captures (golden)', () => {
  // Real `perf script` output captured with perf 6.1 on this machine kind: callchains, no callchain,
  // system-wide with CPU column, two events, tracepoints with and without callchains.
  for (const name of readdirSync(corpusFile('perf-6.1-captures')).filter((f) => f.startsWith('script_'))) {
    it(name, () => {
      const p = parsePerfScript(readCorpus(`perf-6.1-captures/${name}`));
      const summary = { events: p.events, event: p.event, samples: p.samples, stacks: stacksOf(p).size, warnings: p.warnings };
      assertGolden(`perf-6.1/${name.replace(/\.txt$/, '.folded')}`, JSON.stringify(summary) + '\n' + toFoldedText(stacksOf(p)));
    });
  }
});

describe('perf script parser: weights', () => {
  const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  /** The periods sample headers print (`time:  PERIOD event:`), read off the text. */
  const periods = (text: string): number[] => [...text.matchAll(/^(?!\t).*?\d\.\d+:\s+(\d+)\s+\S+:/gm)].map((m) => Number(m[1]));
  /** Sample headers: the lines that are neither frames (TAB), blank nor comments. */
  const headers = (text: string): number => text.split('\n').filter((l) => l.trim() && !l.startsWith('\t') && !l.startsWith('#')).length;

  it('weights each sample by the period its header shows, and says the weights are periods', () => {
    for (const f of ['perf-6.1-captures/script_g.txt', 'perf-6.1-captures/script_sys.txt', 'inferno/tests/data/collapse-perf/go-stacks.txt']) {
      const text = readCorpus(f);
      const shown = periods(text);
      assert.equal(shown.length, headers(text), `${f}: every header shows a period`);
      const p = parsePerfScript(text);
      assert.equal(p.weight, 'period', f);
      assert.equal(p.samples, shown.length, f);
      assert.equal(total(stacksOf(p)), shown.reduce((a, b) => a + b, 0), f);
    }
    const mixed = parsePerfScript('a 1 1.000001: 10 cycles: \n\t1 f (/x)\n\na 1 1.000002: 32 cycles: \n\t1 f (/x)\n\n');
    assert.deepEqual([...stacksOf(mixed)], [['a;f', 42]]);
    assert.equal(mixed.weight, 'period');
  });

  it('counts samples when headers show no period (tracepoints), and says so', () => {
    for (const f of ['perf-6.1-captures/script_tp.txt', 'perf-6.1-captures/script_tpg.txt']) {
      const text = readCorpus(f);
      assert.deepEqual(periods(text), [], f);
      const p = parsePerfScript(text);
      assert.equal(p.weight, 'samples', f);
      assert.equal(p.samples, headers(text), f);
      assert.equal(total(stacksOf(p)), p.samples, f);
    }
  });
});

describe('perf script parser: variants', () => {
  const sample = (head: string, frames: string[]): string => head + '\n' + frames.map((f) => '\t' + f).join('\n') + '\n\n';

  it('reads pid/tid, cpu column, period before the event, and offsets', () => {
    const text = sample('java 24636/25607 [000] 4794564.109216:     250000 cycles:P: ', [
      'ffffffff8103ce3b native_safe_halt+0x1b ([kernel.kallsyms])',
      '    7f1e21c41e9a start_thread+0x2d (/lib/x86_64-linux-gnu/libpthread-2.19.so)',
    ]);
    assert.deepEqual([...stacksOf(parsePerfScript(text))], [['java;start_thread;native_safe_halt', 250000]]);
    assert.deepEqual([...stacksOf(parsePerfScript(text, { tid: true }))], [['java-24636/25607;start_thread;native_safe_halt', 250000]]);
    assert.deepEqual([...stacksOf(parsePerfScript(text, { pid: true, kernel: true }))], [['java-24636;start_thread;native_safe_halt_[k]', 250000]]);
  });

  it('keeps names with spaces, templates and quotes the way stackcollapse-perf.pl tidies them', () => {
    const text = sample('V8 WorkerThread 25607 4794564.109216: cycles: ', [
      '13a80b608e0a RegExp:[&<>\\"\\\'] (/tmp/perf-7539.map)',
      '7f00 std::vector<int, std::allocator<int> >::push_back(int const&)+0x12 (/usr/bin/app)',
      '7f01 net/http.(*Client).Do+0x4 (/usr/bin/goapp)',
      '7f02 ns::(anonymous namespace)::worker(void*)+0x4 (/usr/bin/app)',
      // A symbol starting with '(' is skipped: the perl takes it for a process name.
      '7f03 (anonymous namespace)::skipped()+0x4 (/usr/bin/app)',
    ]);
    const [[stack]] = [...stacksOf(parsePerfScript(text, { jit: true }))];
    assert.equal(stack, 'V8_WorkerThread;ns::(anonymous namespace)::worker;net/http.(*Client).Do;std::vector<int, std::allocator<int> >::push_back;RegExp:[&<>\\\\]_[j]');
  });

  it('uses the DSO name for [unknown] symbols, and the address with --addrs', () => {
    const text = sample('a 1 1.000001: cycles: ', ['55b1342aaa36 [unknown] (/usr/bin/perl)', '0 [unknown] ([unknown])']);
    assert.deepEqual([...stacksOf(parsePerfScript(text)).keys()], ['a;[unknown];[perl]']);
    assert.deepEqual([...stacksOf(parsePerfScript(text, { addrs: true })).keys()], ['a;[unknown <0>];[perl <55b1342aaa36>]']);
  });

  it('splits perf --inline "a->b" frames and marks the inlined ones', () => {
    const text = sample('java 1 1.000001: cycles: ', ['7f00 Lfoo/Bar;.outer->Lfoo/Baz;.inner (/tmp/perf-1.map)']);
    assert.deepEqual([...stacksOf(parsePerfScript(text)).keys()], ['java;foo/Bar:.outer;foo/Baz:.inner_[i]']);
  });

  it('keeps a -F +addr header symbol out of the stack when a callchain follows (page faults, perf 6.1)', () => {
    const text = readFileSync(join(FIXTURES, 'perf-script/page-faults-addr.txt'), 'utf8');
    const p = parsePerfScript(text, { kernel: true });
    assert.equal(p.samples, 40);
    // The second sample's header names dl_close_state.2 (the data address); its stack is the callchain.
    assert.ok(stacksOf(p).has('python3;[unknown];entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k];__x64_sys_execve_[k];do_execveat_common.isra.0_[k];bprm_execve_[k];load_elf_binary_[k];elf_load_[k]'));
    assert.ok(![...stacksOf(p).keys()].some((k) => k.includes('dl_close_state')), 'no data-address symbol in any stack');
    assert.deepEqual(p.warnings, []);
  });

  it('keeps two modifier sets of one counter apart (cpu-clock:u, cpu-clock:k, perf 6.1)', () => {
    const text = readFileSync(join(FIXTURES, 'perf-script/cpu-clock-u-k.txt'), 'utf8');
    const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
    const first = parsePerfScript(text);
    assert.deepEqual(first.events, ['cpu-clock:u', 'cpu-clock:k']);
    assert.equal(first.samples, 30);
    assert.equal(total(stacksOf(first)), 30 * 250000);
    assert.match(first.warnings[0].message, /several events/);
    const k = parsePerfScript(text, { event: 'cpu-clock:k' });
    assert.equal(k.samples, 10);
    assert.equal(total(stacksOf(k)), 10 * 250000);
  });

  it('drops a UTF-8 byte order mark before the first header', () => {
    const text = '\uFEFF' + sample('java 1 1.000001: cycles: ', ['7f00 Lfoo/Bar;.run()V (/tmp/perf-1.map)']);
    assert.deepEqual([...stacksOf(parsePerfScript(text)).keys()], ['java;foo/Bar:.run']);
  });

  it('ignores side-band records (--show-task-events, --show-mmap-events)', () => {
    const text =
      '           t  9981 [000]  1017.000001: PERF_RECORD_COMM exec: t:9981/9981\n' +
      '           t  9981 [000]  1017.000002: PERF_RECORD_MMAP2 9981/9981: [0x55d0(0x1000) @ 0 08:01 123 0]: r-xp /srv/t\n' +
      sample('t  9981 [000]  1017.539147:     250000 cpu-clock:pppH: ', ['1205 leaf_b+0x43 (/srv/perfx/t)']);
    const p = parsePerfScript(text);
    assert.deepEqual([...stacksOf(p)], [['t;leaf_b', 250000]]);
    assert.equal(p.samples, 1);
    assert.deepEqual(p.warnings, []);
  });

  it('marks frames perf reports as (inlined) with _[i] on request', () => {
    const text = sample('t 1 1.000001: cpu-clock: ', ['1205 leaf_inl (inlined)', '1205 leaf+0x43 (/srv/t)', '1295 main+0x30 (/srv/t)']);
    assert.deepEqual([...stacksOf(parsePerfScript(text)).keys()], ['t;main;leaf;leaf_inl']);
    assert.deepEqual([...stacksOf(parsePerfScript(text, { inline: true })).keys()], ['t;main;leaf;leaf_inl_[i]']);
  });

  it('keeps only the first event by default, with a located warning, and any event on request', () => {
    const text = sample('a 1 1.000001: 10 cycles: ', ['1 f (/x)']) + sample('a 1 1.000002: 20 instructions: ', ['1 g (/x)']);
    const first = parsePerfScript(text);
    assert.deepEqual([...stacksOf(first)], [['a;f', 10]]);
    assert.deepEqual(first.events, ['cycles', 'instructions']);
    assert.deepEqual(first.warnings, [{ line: 4, message: "several events in this file; showing only 'cycles'" }]);
    assert.deepEqual([...stacksOf(parsePerfScript(text, { event: 'instructions' }))], [['a;g', 20]]);
  });

  it('names the event of old headers without a time stamp (java  3244 cpu-clock:)', () => {
    const p = parsePerfScript(readCorpus('flamegraph/test/perf-vertx-stacks-01.txt'));
    assert.deepEqual(p.events, ['cpu-clock']);
    assert.equal(p.event, 'cpu-clock');
  });

  it('reads CRLF input exactly like LF input', () => {
    const lf = readCorpus('flamegraph/test/perf-iperf-stacks-pidtid-01.txt');
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.equal(toFoldedText(stacksOf(parsePerfScript(crlf, { tid: true }))), toFoldedText(stacksOf(parsePerfScript(lf, { tid: true }))));
  });

  it('gives the same result whatever the chunk boundaries', () => {
    const text = readCorpus('flamegraph/test/perf-java-stacks-01.txt');
    const whole = toFoldedText(stacksOf(parsePerfScript(text)));
    for (const size of [1, 7, 100, 4093, 65536]) {
      const c = new PerfScriptCollapser();
      for (let i = 0; i < text.length; i += size) c.push(text.slice(i, i + size));
      c.end();
      assert.equal(toFoldedText(stacksOf(c.toModel('t'))), whole, `chunk size ${size}`);
    }
  });

  it('treats empty input as an empty profile', () => {
    const p = parsePerfScript('');
    assert.equal(p.samples, 0);
    assert.equal(stacksOf(p).size, 0);
    assert.deepEqual(p.warnings, []);
  });

  it('counts a final sample cut off by the end of the file, with a warning; drops it in perl mode', () => {
    const text = 'a 1 1.000001: cycles: \n\t1 f (/x)\n';
    const p = parsePerfScript(text);
    assert.deepEqual([...stacksOf(p)], [['a;f', 1]]);
    assert.match(p.warnings[0].message, /input ends inside this sample/);
    assert.equal(p.warnings[0].line, 1);
    assert.equal(stacksOf(parsePerfScript(text, { dropTruncatedSample: true })).size, 0);
  });

  it('skips srcline lines (perf script -F +srcline) silently', () => {
    const text = 'a 1 1.000001: cycles: \n\t1205 leaf_b+0x43 (/srv/perfx/t)\n  t.c:7\n\t1295 mid+0x30 (/srv/perfx/t)\n  [kernel.kallsyms][ffffffff821f26e7]\n\n';
    const p = parsePerfScript(text);
    assert.deepEqual([...stacksOf(p)], [['a;mid;leaf_b', 1]]);
    assert.deepEqual(p.warnings, []);
  });

  it('reports unrecognized lines with their line numbers', () => {
    const p = parsePerfScript('a 1 1.000001: cycles: \n\t1 f (/x)\n\nTHIS IS GARBAGE\n');
    assert.deepEqual(p.warnings, [{ line: 4, message: 'unrecognized line: THIS IS GARBAGE' }]);
  });

  it('warns at garbage lines inside a callchain and still counts the sample with its real frames', () => {
    // A frame line longer than any real one (64 Ki characters) is garbage too.
    const huge = `\t1 ${'x'.repeat(70000)} (/x)`;
    const text =
      'a 1 1.000001: 7 cycles: \n\t1 leaf (/x)\n\t%%% garbage\n\t2 mid (/x)\n!!! not a frame\n\t3 root (/x)\n\n' +
      `a 1 1.000002: 5 cycles: \n\t1 leaf (/x)\n\t2 mid (/x)\n${huge}\n\t3 root (/x)\n\n`;
    const p = parsePerfScript(text);
    assert.deepEqual([...stacksOf(p)], [['a;root;mid;leaf', 12]]);
    assert.equal(p.samples, 2);
    assert.deepEqual(p.warnings, [
      { line: 3, message: 'unrecognized line: \t%%% garbage' },
      { line: 5, message: 'unrecognized line: !!! not a frame' },
      { line: 11, message: `unrecognized line: ${huge.slice(0, 120)}…` },
    ]);
  });

  it('gives a real capture with garbage in its callchains the clean result, warning at each garbage line', () => {
    const clean = readCorpus('perf-6.1-captures/script_g.txt').split('\n');
    // A garbage line after the first frame of every 5th sample (the line after each 5th header).
    const dirty: string[] = [];
    const garbageAt: number[] = [];
    let headers = 0;
    let afterHeader = false;
    for (const line of clean) {
      dirty.push(line);
      if (afterHeader) {
        assert.ok(line.startsWith('\t'), 'every sample of script_g has a callchain');
        dirty.push('\t~~ garbage ~~');
        garbageAt.push(dirty.length);
      }
      afterHeader = line !== '' && !line.startsWith('\t') && headers++ % 5 === 0;
    }
    const want = parsePerfScript(clean.join('\n'));
    const got = parsePerfScript(dirty.join('\n'));
    assert.equal(garbageAt.length, 12);
    assert.equal(got.samples, want.samples);
    assert.deepEqual(new Map([...stacksOf(got)].sort()), new Map([...stacksOf(want)].sort()));
    assert.deepEqual(
      got.warnings.map((w) => w.line),
      garbageAt,
    );
  });

  it('keeps the first 200 warnings and counts the others as dropped', () => {
    const sample = 'a 1 1.000001: cycles: \n\t1 f (/x)\n\n';
    const garbage = Array.from({ length: 250 }, (_, i) => `garbage-${i}`);
    const p = parsePerfScript(sample + garbage.join('\n') + '\n' + sample);
    assert.equal(p.samples, 2);
    assert.deepEqual([...stacksOf(p)], [['a;f', 2]]);
    assert.equal(p.warnings.length, 200);
    assert.equal(p.droppedWarnings, 50);
    // The first 200, in order, at their lines (the garbage starts on line 4).
    assert.deepEqual(p.warnings[0], { line: 4, message: 'unrecognized line: garbage-0' });
    assert.deepEqual(p.warnings[199], { line: 203, message: 'unrecognized line: garbage-199' });
    const f = parseFolded(garbage.join('\n') + '\na;b 3\n');
    assert.equal(f.samples, 1);
    assert.equal(f.warnings.length, 200);
    assert.equal(f.droppedWarnings, 50);
  });

  it('helpers: stripArguments, tidyRustSymbol, baseEvent', () => {
    assert.equal(stripArguments('std::function<int (int, int)>::operator()'), 'std::function<int (int, int)>::operator');
    assert.equal(stripArguments('foo(int)'), 'foo');
    // Angle brackets of operators open no template: cut like the perl, at the argument list.
    assert.equal(stripArguments('Foo::operator<(Foo const&) const'), 'Foo::operator<');
    assert.equal(stripArguments('operator<<(std::ostream&, Foo const&)'), 'operator<<');
    assert.equal(stripArguments('std::operator<< <std::char_traits<char> >(std::basic_ostream<char>&, char const*)'), 'std::operator<< <std::char_traits<char> >');
    assert.equal(stripArguments('Ptr<T>::operator->() const'), 'Ptr<T>::operator->');
    assert.equal(stripArguments('my_operator<int>(int)'), 'my_operator<int>');
    assert.equal(stripArguments('net/http.(*Client).Do'), 'net/http.(*Client).Do');
    assert.equal(stripArguments('x' + '.('.repeat(30000)), 'x.');
    assert.equal(tidyRustSymbol('foo$u110000$::h0123456789abcdef'), 'foo$u110000$');
    assert.equal(tidyRustSymbol('foo$ud83d$::h0123456789abcdef'), 'foo$ud83d$');
    assert.equal(tidyRustSymbol('_$LT$alloc..vec..Vec$LT$T$GT$$GT$::push::h0123456789abcdef'), '<alloc::vec::Vec<T>>::push');
    assert.equal(baseEvent('cycles:ppp'), 'cycles');
    assert.equal(baseEvent('sched:sched_switch'), 'sched:sched_switch');
  });
});
