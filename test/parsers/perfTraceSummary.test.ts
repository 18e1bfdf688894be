import { strict as assert } from 'node:assert';
import { syscallRows } from '../../src/model/syscallSummary';
import { detectFormat } from '../../src/parsers/detect';
import { parsePerfTraceSummary, PerfTraceSummaryParser } from '../../src/parsers/perf-trace-summary';
import { assertGolden } from '../helpers/golden';
import { readCorpus } from '../helpers/corpus';
import { assertTablesSound, columnSum, fixture, renderSummary } from './syscallSummaryHelpers';

const trace = (name: string) => parsePerfTraceSummary(fixture('perf-trace-summary', name), name);

/** The rows of a perf trace table read with the spec's regex (docs/perf-formats.md §4.4), independently of the parser. */
function specRows(text: string): { name: string; calls: number; total: number }[] {
  const re = /^ {3}(\S+)\s+(\d+)\s+(?:\d+\s+)?(\d+\.\d{3})(?:\s+\d+\.\d{3}){3}\s+\d+\.\d{2}%$/gm;
  return [...text.matchAll(re)].map((m) => ({ name: m[1], calls: Number(m[2]), total: Number(m[3]) }));
}

describe('perf trace -s summary parser', () => {
  const VARIANTS = [
    'total-mode-bpf-summary.txt',
    'failure-S-errno-summary.txt',
    'errno-summary.txt',
    'errno-summary-two-threads.txt',
    'a-errno-summary-excerpt.txt',
    'old-no-errors-column.txt',
    'bpf-summary-threads-cgroup.txt',
    'seed001-syscall-costs-2cpu.txt',
    'seed001-syscall-costs-1cpu.txt',
    'seed001-batching-2cpu.txt',
    'seed001-batching-1cpu.txt',
  ];

  it('is detected for every variant, the excerpt without ` Summary of events:` included', () => {
    for (const f of VARIANTS) assert.equal(detectFormat(fixture('perf-trace-summary', f)).format, 'perf-trace-summary', f);
  });

  for (const f of VARIANTS) {
    it(`golden: ${f}`, () => {
      const model = trace(f);
      assertTablesSound(model);
      assertGolden(`perf-trace-summary/${f}`, renderSummary(model));
    });
  }

  it('perf 6.1 captures: one group per thread, every row the spec regex sees, msec as µs, shares from the totals', () => {
    for (const f of ['trace_s.txt', 'trace_s2.txt', 'trace_S.txt']) {
      const text = readCorpus(`perf-6.1-captures/${f}`);
      const m = parsePerfTraceSummary(text, f);
      assertTablesSound(m);
      const rows = m.groups.flatMap((g) => syscallRows(g));
      assert.deepEqual(
        rows.map((r) => [r.syscall, r.calls, r.total]),
        specRows(text).map((r) => [r.name, r.calls, Math.round(r.total * 1000)]),
        f,
      );
      for (const g of m.groups) {
        const sum = columnSum(g, 'total');
        for (const r of syscallRows(g)) assert.ok(Math.abs(r.share! - (sum > 0 ? (100 * r.total!) / sum : 0)) < 1e-5, `${f} ${r.syscall}`);
      }
    }
    const s = parsePerfTraceSummary(readCorpus('perf-6.1-captures/trace_s.txt'));
    assert.deepEqual(s.groups.map((g) => [g.title, g.header.tid, g.header.events, g.header.eventsPercent]), [
      ['t (10939)', 10939, 96, 0.1],
      ['t (10940)', 10940, 40012, 49.9],
      ['t (10941)', 10941, 40007, 49.9],
    ]);
    const futex = syscallRows(s.groups[0])[0];
    assert.deepEqual([futex.syscall, futex.calls, futex.errors, futex.total, futex.min, futex.avg, futex.max, futex.stddev], ['futex', 2, 0, 1663711, 112873, 831855, 1550837, 86.43]);
    // The workload printed a number before the summary: a located warning, not a row.
    assert.deepEqual(s.warnings, [{ line: 1, message: 'expected a perf trace summary line, got: 1506080146500.000000' }]);
    const S = parsePerfTraceSummary(readCorpus('perf-6.1-captures/trace_S.txt'));
    assert.equal(S.toolLines, 110);
    assert.deepEqual(S.warnings, []);
  });

  it('--errno-summary lines belong to the row above and add up to its errors', () => {
    const m = trace('errno-summary.txt');
    assert.deepEqual(m.warnings, []);
    assert.deepEqual(
      m.groups[0].errnos.map((e) => [e.syscall, e.errno, e.count, e.line]),
      [
        ['access', 'ENOENT', 1, 17],
        ['arch_prctl', 'EINVAL', 1, 21],
      ],
    );
    const bad = parsePerfTraceSummary(fixture('perf-trace-summary', 'errno-summary.txt').replace('\t\t\t\tENOENT: 1', '\t\t\t\tENOENT: 2'));
    assert.deepEqual(bad.warnings, [{ line: 17, message: 'errno lines of access count 2 errors, its row says 1' }]);
  });

  it('-S: the traced calls before the summary are the tool\'s lines', () => {
    const m = trace('failure-S-errno-summary.txt');
    assert.equal(m.toolLines, 2);
    assert.deepEqual(m.warnings, []);
  });

  it('--summary-mode=total, --bpf-summary thread and cgroup blocks, syscall:NNN names', () => {
    const total = trace('total-mode-bpf-summary.txt');
    assert.deepEqual(total.groups.map((g) => [g.title, g.scope, g.header.events, g.table.rows.length]), [['total', 'total', 6194, 7]]);
    const bpf = trace('bpf-summary-threads-cgroup.txt');
    assert.deepEqual(bpf.warnings, []);
    assert.deepEqual(bpf.groups.map((g) => [g.title, g.scope, g.bpf, g.header]), [
      ['thread (4711)', 'thread', true, { tid: 4711, events: 12 }],
      ['thread (4712)', 'thread', true, { tid: 4712, events: 4 }],
      ['cgroup /system.slice/sshd.service', 'cgroup', true, { cgroup: '/system.slice/sshd.service', events: 6 }],
    ]);
    assert.deepEqual(syscallRows(bpf.groups[0]).map((r) => r.syscall), ['epoll_pwait2', 'syscall:451', 'read']);
  });

  it('older perf (< 5.5) without the errors column; majfaults/minfaults on the thread line', () => {
    const m = trace('old-no-errors-column.txt');
    assert.deepEqual(m.warnings, []);
    assert.deepEqual(m.groups[0].table.columns.map((c) => c.id), ['syscall', 'calls', 'total', 'min', 'avg', 'max', 'stddev', 'share']);
    assert.deepEqual(m.groups[0].header, { comm: 't', tid: 10939, events: 96, eventsPercent: 0.1, majfaults: 0, minfaults: 12 });
    assert.equal(syscallRows(m.groups[0])[0].errors, undefined);
  });

  it('the retyped seed tables: cropped columns read as such, values as the slides print them', () => {
    const two = trace('seed001-syscall-costs-2cpu.txt');
    assert.deepEqual(two.warnings, []);
    assert.deepEqual(two.groups[0].table.columns.map((c) => c.id), ['syscall', 'calls', 'errors', 'total', 'share']);
    const devmem = syscallRows(two.groups[0]);
    assert.deepEqual(devmem.map((r) => [r.syscall, r.calls, r.errors, r.total]), [
      ['recvmsg', 615359, 1830, 68831493],
      ['setsockopt', 530116, 0, 22841143],
      ['ioctl', 1224901, 0, 1232993],
      ['epoll_wait', 1835, 0, 628492],
    ]);
    // % time = total / sum: recvmsg takes 68831.493 of 93534.121 ms.
    assert.equal(devmem[0].share!.toFixed(2), ((100 * 68831.493) / (68831.493 + 22841.143 + 1232.993 + 628.492)).toFixed(2));
    const one = trace('seed001-syscall-costs-1cpu.txt');
    assert.deepEqual(one.warnings, [], 'every retyped avg equals total / calls');
    assert.deepEqual(one.groups.map((g) => g.title), ['tcpzc2 (10435)', 'tcpzc2 (15989)']);
  });

  it('a summary quoted in a mail reply (`> ` prefixes), with decimal commas: the same rows', () => {
    const text = fixture('perf-trace-summary', 'errno-summary.txt');
    const quoted = text.split('\n').map((l) => `>   ${l}`).join('\n');
    assert.equal(detectFormat(quoted).format, 'perf-trace-summary');
    const plain = parsePerfTraceSummary(text);
    const q = parsePerfTraceSummary(quoted);
    assert.deepEqual(q.warnings, []);
    assert.deepEqual(q.groups, plain.groups);
    // perf prints %9.3f with the locale's decimal point and never groups thousands: 11,277 is 11.277 ms.
    const comma = parsePerfTraceSummary(' t (1), 2 events, 93,0%\n\n   syscall            calls  errors  total       min       avg       max       stddev\n   --------------- --------  ------ -------- --------- --------- ---------     ------\n   epoll_wait          1305      0 14716,712     0,000    11,277   551,529      8,87%\n');
    assert.deepEqual(comma.warnings, []);
    assert.deepEqual(syscallRows(comma.groups[0])[0], { syscall: 'epoll_wait', line: 5, calls: 1305, errors: 0, total: 14716712, min: 0, avg: 11277, max: 551529, stddev: 8.87, share: 100 });
    assert.equal(comma.groups[0].header.eventsPercent, 93);
  });

  describe('bad input: located warnings, partial results, never a crash', () => {
    const text = fixture('perf-trace-summary', 'errno-summary.txt');

    it('a row whose total is not calls × avg, min above max', () => {
      const m = parsePerfTraceSummary(text.replace('   mmap                   8      0     0.026', '   mmap                   8      0     0.126').replace('   munmap                 1      0     0.010     0.010', '   munmap                 1      0     0.010     0.020'));
      assert.deepEqual(m.warnings.map((w) => [w.line, w.message]), [
        [9, 'total 126 µs over 8 calls is 15.75 µs per call, the row says avg 3 µs'],
        [13, 'min 20 µs is above max 10 µs'],
        [13, 'avg 10 µs is below min 20 µs'],
      ]);
    });

    it('missing columns, non-numeric values, a table cut in the middle', () => {
      const lines = text.split('\n');
      lines[8] = '   mmap                   8      0     0.026     0.002';
      lines[9] = '   close                  5      0     0.0x8     0.001     0.004     0.009     48.97%';
      const cut = lines.slice(0, 12).join('\n');
      const m = parsePerfTraceSummary(cut);
      assert.deepEqual(m.warnings.map((w) => [w.line, w.message]), [
        [9, 'row has 5 of 8 columns (syscall calls errors total min avg max stddev); the missing ones are left blank'],
        [10, "not a number: total '0.0x8' (left blank)"],
      ]);
      assert.equal(m.groups[0].table.rows.length, 5);
      assert.equal(syscallRows(m.groups[0])[1].avg, undefined);
    });

    it('an empty summary, a thread without a table, a table without a thread line', () => {
      assert.deepEqual(parsePerfTraceSummary('\n Summary of events:\n\n').warnings, [{ line: 2, message: 'empty summary: no syscall table after it' }]);
      assert.deepEqual(parsePerfTraceSummary(' Summary of events:\n\n sleep (1), 2 events, 100.0%\n\n').warnings, [
        { line: 3, message: "'sleep (1)' has no syscall table (the input ends)" },
        { line: 1, message: 'empty summary: no syscall table after it' },
      ]);
      const bare = parsePerfTraceSummary(text.split('\n').slice(4).join('\n'));
      assert.equal(bare.groups.length, 1);
      assert.match(bare.warnings[0].message, /without a thread line/);
    });

    it('a table typed without its rule keeps its rows', () => {
      const m = parsePerfTraceSummary(' a (1), 4 events, 100.0%\n\n   syscall  calls  errors  total\n   read 2 0 0.004\n   write 1 0 0.002\n');
      assert.deepEqual(m.warnings, [{ line: 4, message: 'syscall rows without the dashes rule under the header' }]);
      assert.deepEqual(syscallRows(m.groups[0]).map((r) => [r.syscall, r.calls, r.total]), [
        ['read', 2, 4],
        ['write', 1, 2],
      ]);
    });

    it('colour escapes are removed', () => {
      const m = parsePerfTraceSummary(text.replace('1000.427  1000.427', '\x1b[31m1000.427\x1b[m  1000.427'));
      assert.deepEqual(m.warnings, []);
      assert.equal(syscallRows(m.groups[0])[0].total, 1000427);
    });
  });

  it('streams: chunks cut anywhere give the same model', () => {
    const text = readCorpus('perf-6.1-captures/trace_s.txt');
    const whole = renderSummary(parsePerfTraceSummary(text));
    for (const size of [1, 7, 64]) {
      const p = new PerfTraceSummaryParser();
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      p.end();
      assert.equal(renderSummary(p.toModel('<text>')), whole, `chunks of ${size}`);
    }
  });

  it('bounded work: 1 MB lines and a 100k-row table', () => {
    const long = parsePerfTraceSummary(`${' '.repeat(1 << 20)}x (1), 2 events, 3%x\n   syscall calls\n${'(msec) '.repeat(1 << 17)}\n${' ('.repeat(1 << 19)}\n`);
    assert.ok(long.warnings.length > 0);
    const rows = [' Summary of events:', '', ' big (1), 200000 events, 100.0%', '', '   syscall            calls  errors  total', '   --------------- --------  ------ --------'];
    for (let i = 0; i < 100_000; i++) rows.push(`   s${i} 1 0 0.001`);
    const big = parsePerfTraceSummary(rows.join('\n') + '\n');
    assert.equal(big.groups[0].table.rows.length, 100_000);
    assert.deepEqual(big.warnings, []);
  });
});
