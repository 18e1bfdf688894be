import { strict as assert } from 'node:assert';
import { syscallRows } from '../../src/model/syscallSummary';
import { detectFormat } from '../../src/parsers/detect';
import { parseStraceSummary, StraceSummaryParser } from '../../src/parsers/strace-summary';
import { assertGolden } from '../helpers/golden';
import { assertTablesSound, columnSum, fixture, renderSummary } from './syscallSummaryHelpers';

const strace = (name: string) => parseStraceSummary(fixture('strace-summary', name), name);

/** The default layout's total row, read independently of the parser: seconds, calls, errors. */
function defaultTotalRow(text: string): { seconds: number; calls: number; errors: number } {
  const m = /^100\.00 +(\d+\.\d{6}) +(?:\d+ +)?(\d+) +(\d*) total$/m.exec(text);
  assert.ok(m, 'no total row');
  return { seconds: Number(m[1]), calls: Number(m[2]), errors: Number(m[3] || '0') };
}

describe('strace -c summary parser', () => {
  const VARIANTS = [
    'holberton-old-small.txt',
    'termux-f-attach-detach.txt',
    'termux-f-attach-2.txt',
    'U-calls-syscall-limit.txt',
    'U-calls-syscall-limit-status.txt',
    'strace-U-shortest-longest.txt',
    'strace-7x-wall-columns.txt',
    'strace-U-name-first.txt',
    'strace-unknown-names.txt',
    'strace-32bit-section.txt',
    'strace-old-overflow.txt',
    'strace-C-mixed-output.txt',
  ];

  it('is detected for every variant, the -U calls tables included', () => {
    for (const f of VARIANTS) assert.equal(detectFormat(fixture('strace-summary', f)).format, 'strace-summary', f);
  });

  for (const f of VARIANTS) {
    it(`golden: ${f}`, () => {
      const model = strace(f);
      assertTablesSound(model);
      assertGolden(`strace-summary/${f}`, renderSummary(model));
    });
  }

  it('old strace (< 5.6): blank errors are 0, the total row has no usecs/call, rows add up to it', () => {
    const text = fixture('strace-summary', 'holberton-old-small.txt');
    const m = parseStraceSummary(text);
    assert.deepEqual(m.warnings, []);
    const [g] = m.groups;
    const rows = syscallRows(g);
    assert.deepEqual(rows[0], { syscall: 'read', line: 3, calls: 569, errors: 0, total: 12184, min: undefined, avg: 21, max: undefined, stddev: undefined, share: 62.88 });
    assert.deepEqual(rows.find((r) => r.syscall === 'arch_prctl')?.errors, 1);
    const total = defaultTotalRow(text);
    assert.equal(columnSum(g, 'calls'), total.calls);
    assert.equal(columnSum(g, 'errors'), total.errors);
    assert.equal(Math.round(columnSum(g, 'total')), Math.round(total.seconds * 1e6));
    assert.equal(g.totalRow?.cells[g.table.columns.findIndex((c) => c.id === 'avg')], null);
  });

  it('strace -f: attach/detach lines are the tool\'s, the widened columns line up, sums equal the total row', () => {
    for (const f of ['termux-f-attach-detach.txt', 'termux-f-attach-2.txt']) {
      const text = fixture('strace-summary', f);
      const m = parseStraceSummary(text);
      assert.deepEqual(m.warnings, [], f);
      assert.equal(m.toolLines, text.split('\n').filter((l) => / Process \d+ (attached|detached)$/.test(l)).length, f);
      const total = defaultTotalRow(text);
      assert.equal(columnSum(m.groups[0], 'calls'), total.calls, f);
      assert.equal(columnSum(m.groups[0], 'errors'), total.errors, f);
      // Each row is rounded to the µs: the sum is within half a µs per row of the total.
      assert.ok(Math.abs(columnSum(m.groups[0], 'total') - total.seconds * 1e6) <= m.groups[0].table.rows.length / 2, f);
    }
    const futex = syscallRows(strace('termux-f-attach-detach.txt').groups[0])[0];
    assert.deepEqual([futex.syscall, futex.total, futex.calls, futex.errors, futex.avg, futex.share], ['futex', 1125381151, 9895754, 3531478, 113, 99.94]);
  });

  it('-U columns in any order: shortest/longest and the 7.x wall-* columns in µs, name first', () => {
    const sl = strace('strace-U-shortest-longest.txt');
    assert.deepEqual(sl.warnings, []);
    const epoll = syscallRows(sl.groups[0])[0];
    assert.deepEqual([epoll.syscall, epoll.min, epoll.max, epoll.avg, epoll.total], ['epoll_wait', 3, 90412, 50, 2412337]);
    const wall = strace('strace-7x-wall-columns.txt');
    assert.deepEqual(wall.warnings, []);
    assert.deepEqual(
      wall.groups[0].table.columns.map((c) => c.id),
      ['syscall', 'calls', 'errors', 'total', 'share', 'wallTotal', 'wallMin', 'wallMax', 'wallAvg'],
    );
    const recv = wall.groups[0].table.rows[0];
    assert.deepEqual(recv.cells, ['recvfrom', 96420, 48205, 912456, (100 * 912456) / 4259194, 2737368, 3, 6903, 28].map((v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)));
    const first = strace('strace-U-name-first.txt');
    assert.deepEqual(first.warnings, []);
    assert.deepEqual(syscallRows(first.groups[0]).map((r) => [r.syscall, r.calls, r.total]), [
      ['epoll_wait', 48211, 2412337],
      ['recvfrom', 96420, 912456],
      ['sendto', 48210, 803214],
      ['futex', 1204, 120455],
    ]);
  });

  it('-U calls: only calls and names, the total row checked', () => {
    const m = strace('U-calls-syscall-limit.txt');
    assert.deepEqual(m.warnings, []);
    assert.deepEqual(m.groups[0].table.columns.map((c) => c.id), ['syscall', 'calls']);
    assert.deepEqual(m.groups[0].totalRow?.cells, ['total', 3]);
    const bad = parseStraceSummary(fixture('strace-summary', 'U-calls-syscall-limit.txt').replace('        3 total', '        4 total'));
    assert.deepEqual(bad.warnings, [{ line: 6, message: 'total row says calls 4, the rows add up to 3' }]);
  });

  it('32 bit mode sections are their own group; syscall_0x names and a widened name column', () => {
    const m = strace('strace-32bit-section.txt');
    assert.deepEqual(m.warnings, []);
    assert.deepEqual(m.groups.map((g) => [g.title, g.scope, g.line]), [
      ['all processes', 'total', 2],
      ['32 bit mode', 'personality', 11],
    ]);
    assert.equal(columnSum(m.groups[1], 'calls'), 53);
    const u = strace('strace-unknown-names.txt');
    assert.deepEqual(u.warnings, []);
    assert.deepEqual(syscallRows(u.groups[0]).map((r) => r.syscall), ['syscall_0x1ff', 'syscall_0x4000000000', 'getpid']);
  });

  it('old fixed widths overflowed by a 12-character seconds value still split right', () => {
    const m = strace('strace-old-overflow.txt');
    assert.deepEqual(m.warnings, []);
    assert.deepEqual(syscallRows(m.groups[0]).map((r) => [r.syscall, r.total, r.avg, r.calls, r.errors]), [
      ['futex', 12345678901, 1247, 9895754, 3531478],
      ['read', 900000, 7, 123456, 7],
    ]);
  });

  it('-C: traced calls are counted as tool lines, program output is a located warning', () => {
    const m = strace('strace-C-mixed-output.txt');
    assert.equal(m.toolLines, 7);
    assert.deepEqual(m.warnings, [{ line: 4, message: 'not part of an strace -c summary (program output?): serving on :8080' }]);
    assert.equal(m.groups[0].table.rows.length, 7);
  });

  it('reads a table pasted with an indent (mails, blogs) the same', () => {
    const text = fixture('strace-summary', 'strace-32bit-section.txt');
    const indented = text.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');
    assert.equal(detectFormat(indented).format, 'strace-summary');
    const a = parseStraceSummary(text);
    const b = parseStraceSummary(indented);
    assert.deepEqual(b.warnings, []);
    assert.deepEqual(b.groups.map((g) => g.table.rows), a.groups.map((g) => g.table.rows));
  });

  it('pastes as found in blogs and mails: decimal commas (a locale like es_AR), notes after the name, mail quoting', () => {
    const comma = [
      '% time     seconds  usecs/call     calls    errors syscall',
      '------ ----------- ----------- --------- --------- ----------------',
      ' 33,78    0,000229          28         8           mmap',
      ' 66,22    0,000449         449         1           write',
      '------ ----------- ----------- --------- --------- ----------------',
      '100,00    0,000678          75         9           total',
    ].join('\n');
    const c = parseStraceSummary(comma);
    assert.deepEqual(c.warnings, []);
    assert.deepEqual(syscallRows(c.groups[0]).map((r) => [r.syscall, r.share, r.total, r.avg]), [
      ['mmap', 33.78, 229, 28],
      ['write', 66.22, 449, 449],
    ]);
    const noted = comma.replace('           mmap', '           mmap       <- the loader');
    const n = parseStraceSummary(noted);
    assert.deepEqual(n.warnings, [{ line: 3, message: 'text after the syscall name ignored: <- the loader' }]);
    assert.equal(syscallRows(n.groups[0])[0].syscall, 'mmap');
    const quoted = comma.split('\n').map((l) => `> > ${l}`).join('\n');
    assert.equal(detectFormat(quoted).format, 'strace-summary');
    assert.deepEqual(parseStraceSummary(quoted).groups[0].table.rows, c.groups[0].table.rows);
  });

  it('old strace -p: attach notes, the interrupt echo and a 32 bit table only', () => {
    const text = [
      'Process 25793 attached - interrupt to quit',
      '[ Process PID=25793 runs in 32 bit mode. ]',
      '^CProcess 25793 detached',
      'System call usage summary for 32 bit mode:',
      '% time     seconds  usecs/call     calls    errors syscall',
      '------ ----------- ----------- --------- --------- ----------------',
      ' 85.82    0.004321           4       923        14 recv',
      ' 14.18    0.000714           0       805           connect',
      '------ ----------- ----------- --------- --------- ----------------',
      '100.00    0.005035                  1728        14 total',
    ].join('\n');
    const m = parseStraceSummary(text);
    assert.deepEqual(m.warnings, []);
    assert.equal(m.toolLines, 3);
    assert.deepEqual(m.groups.map((g) => [g.title, g.scope, g.table.rows.length]), [['32 bit mode', 'personality', 2]]);
  });

  describe('bad input: located warnings, partial results, never a crash', () => {
    const text = fixture('strace-summary', 'holberton-old-small.txt');

    it('a total row that disagrees with the rows', () => {
      const m = parseStraceSummary(text.replace('100.00    0.019376                   965         1 total', '100.00    0.029376                   966         1 total'));
      assert.deepEqual(m.warnings, [
        { line: 9, message: 'total row says calls 966, the rows add up to 965' },
        { line: 9, message: 'total row says a total time of 29376, the rows add up to 19376' },
      ]);
    });

    it('a % time that does not match the seconds, and an avg that does not match total / calls', () => {
      const m = parseStraceSummary(text.replace(' 62.88    0.012184          21', ' 52.88    0.012184          31'));
      assert.deepEqual(
        m.warnings.map((w) => [w.line, w.message]),
        [
          [3, 'total 12184 µs over 569 calls is 21.413 µs per call, the row says avg 31 µs'],
          [3, '% time 52.88 does not match the row\'s share of the time (62.88%)'],
          [9, "the rows' % time add up to 90.00, not 100"],
        ],
      );
    });

    it('non-numeric values and missing columns', () => {
      const m = parseStraceSummary(text.replace('    0.006975', '    0.00x975').replace('  1.12    0.000217           5        38           write', '  1.12    0.000217'));
      assert.equal(m.groups[0].table.rows.length, 4);
      const messages = m.warnings.map((w) => `${w.line}: ${w.message}`);
      assert.ok(messages.includes("4: not a number: seconds '0.00x975' (left blank)"), messages.join('\n'));
      assert.ok(messages.some((s) => s.startsWith('5: expected an strace -c row')), messages.join('\n'));
      assert.equal(syscallRows(m.groups[0])[1].total, undefined);
    });

    it('a table cut in the middle keeps its rows', () => {
      const cut = text.split('\n').slice(0, 5).join('\n');
      const m = parseStraceSummary(cut);
      assert.equal(m.groups[0].table.rows.length, 3);
      assert.deepEqual(m.warnings, [{ line: 5, message: 'strace -c table ends without its total row (the input ends); 3 rows kept' }]);
    });

    it('an empty summary, a header without its rule, and nothing at all', () => {
      const empty = parseStraceSummary(text.split('\n').slice(0, 2).join('\n') + '\n');
      assert.equal(empty.groups.length, 1);
      assert.equal(empty.groups[0].table.rows.length, 0);
      assert.deepEqual(empty.warnings.map((w) => w.message), ['strace -c table ends without its total row (the input ends); 0 rows kept', 'empty strace -c table: no syscall rows']);
      const noRows = parseStraceSummary(text.split('\n').slice(0, 2).join('\n') + '\n' + text.split('\n').slice(7).join('\n').replace('0.019376                   965         1', '0.000000                     0          '));
      assert.deepEqual(noRows.warnings, [{ line: 1, message: 'empty strace -c table: no syscall rows' }]);
      const noRule = parseStraceSummary('% time     seconds  usecs/call     calls    errors syscall\nhello\n');
      assert.deepEqual(noRule.warnings.map((w) => w.line), [1, 2]);
      assert.equal(parseStraceSummary('').groups.length, 0);
    });

    it('a header that does not line up with its rule', () => {
      const m = parseStraceSummary('% time seconds usecs/call calls errors syscall\n------ ----------- ----------- --------- --------- ----------------\n');
      assert.match(m.warnings[0].message, /does not line up/);
      assert.equal(m.groups.length, 0);
    });
  });

  it('streams: chunks cut anywhere give the same model; CRLF too', () => {
    const text = fixture('strace-summary', 'strace-32bit-section.txt');
    const whole = renderSummary(parseStraceSummary(text));
    for (const size of [1, 3, 17, 100]) {
      const p = new StraceSummaryParser();
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      p.end();
      assert.equal(renderSummary(p.toModel('<text>')), whole, `chunks of ${size}`);
    }
    assert.equal(renderSummary(parseStraceSummary(text.replace(/\n/g, '\r\n'))), whole);
  });

  it('bounded work: a 1 MB line and a 100k-row table', () => {
    const long = parseStraceSummary(`${' '.repeat(1 << 20)}x\n% time ${'- '.repeat(1 << 19)}\n${'1 '.repeat(1 << 19)}futex(\n`);
    assert.ok(long.warnings.length > 0);
    const rows: string[] = ['    calls syscall', '--------- ----------------'];
    for (let i = 0; i < 100_000; i++) rows.push(`${String(i + 1).padStart(9)} s${i}`);
    rows.push('--------- ----------------', `${String((100_000 * 100_001) / 2).padStart(9)} total`);
    const big = parseStraceSummary(rows.join('\n') + '\n');
    assert.equal(big.groups[0].table.rows.length, 100_000);
    assert.deepEqual(big.warnings, []);
  });
});
