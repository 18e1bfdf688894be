import { strict as assert } from 'node:assert';
import { compareSyscalls, mergeSyscallRows, selectSyscallGroups } from '../../src/analysis/syscallCompare';
import { formatSyscallComparison } from '../../src/analysis/syscallCompareText';
import { parsePerfTraceSummary } from '../../src/parsers/perf-trace-summary';
import { parseStraceSummary } from '../../src/parsers/strace-summary';
import { readCorpus } from '../helpers/corpus';
import { assertGolden } from '../helpers/golden';
import { fixture } from '../parsers/syscallSummaryHelpers';

const seed = (name: string) => parsePerfTraceSummary(fixture('perf-trace-summary', name), name);

describe('syscall cost comparison', () => {
  // Seed 001, slide "Devmem Syscall Costs (2 vs 1 CPU)": tcpzc2 (14342) on 2 CPUs against tcpzc2 (10435) on one.
  const twoCpu = seed('seed001-syscall-costs-2cpu.txt');
  const oneCpu = seed('seed001-syscall-costs-1cpu.txt');
  const devmem = compareSyscalls([
    { label: '2 CPUs', groups: selectSyscallGroups(twoCpu.groups, '14342') },
    { label: '1 CPU', groups: selectSyscallGroups(oneCpu.groups, '10435') },
  ]);

  it("reproduces the seed's devmem 2-CPU vs 1-CPU comparison (numbers as the slides print them)", () => {
    const row = (name: string) => devmem.rows.find((r) => r.syscall === name)!;
    // recvmsg: 615359 calls and 68831.493 ms on 2 CPUs, 168459 calls and 26726.717 ms on one.
    assert.deepEqual(row('recvmsg').values[1].calls, { value: 168459, delta: 168459 - 615359, ratio: 168459 / 615359 });
    assert.equal(row('recvmsg').values[1].total.delta, 26726717 - 68831493);
    assert.equal(row('recvmsg').values[1].errors.value, 1391);
    // setsockopt takes 2.78× the time on one CPU (63395.250 ms against 22841.143 ms) with fewer calls.
    assert.equal(row('setsockopt').values[1].total.ratio!.toFixed(3), (63395.25 / 22841.143).toFixed(3));
    assert.ok(row('setsockopt').values[1].calls.ratio! < 1);
    // The baseline side compares with itself: delta 0, ratio 1.
    assert.deepEqual(row('ioctl').values[0].calls, { value: 1224901, delta: 0, ratio: 1 });
    // Ordered by the baseline's total time, as the 2-CPU slide lists them.
    assert.deepEqual(devmem.rows.map((r) => r.syscall), ['recvmsg', 'setsockopt', 'ioctl', 'epoll_wait']);
    assert.deepEqual(devmem.sides.map((s) => s.totals), [
      { calls: 615359 + 530116 + 1224901 + 1835, errors: 1830, total: 68831493 + 22841143 + 1232993 + 628492 },
      { calls: 313019 + 168459 + 334018 + 1398, errors: 1391, total: 63395250 + 26726717 + 1547941 + 727045 },
    ]);
    // avg = total / calls on both sides (the 2-CPU slide prints no avg).
    assert.equal(row('epoll_wait').values[0].avg.value, 628492 / 1835);
    assert.deepEqual(devmem.metrics, ['calls', 'errors', 'total', 'avg', 'max']);
  });

  it('prints it as a text table (golden, checked by hand against the slides)', () => {
    assertGolden('syscall-compare/seed001-devmem-2cpu-vs-1cpu.txt', formatSyscallComparison(devmem));
  });

  it("reproduces the seed's before/after batching comparisons (2 CPUs and 1 CPU), groups of one file", () => {
    for (const [file, before, after] of [
      ['seed001-batching-2cpu.txt', '14342', '4139'],
      ['seed001-batching-1cpu.txt', '3525', '6557'],
    ] as const) {
      const m = seed(file);
      const cmp = compareSyscalls([
        { label: `no batching (${before})`, groups: selectSyscallGroups(m.groups, before) },
        { label: `batching (${after})`, groups: selectSyscallGroups(m.groups, after) },
      ]);
      assertGolden(`syscall-compare/${file.replace('.txt', '')}-before-vs-after.txt`, formatSyscallComparison(cmp));
      // The slide's point: batching issues fewer setsockopt (token release) calls per recvmsg call.
      const calls = (side: number, name: string) => cmp.rows.find((r) => r.syscall === name)!.values[side].calls.value!;
      const perRecv = (side: number) => calls(side, 'setsockopt') / calls(side, 'recvmsg');
      assert.ok(perRecv(1) < perRecv(0), `${file}: setsockopt per recvmsg ${perRecv(0).toFixed(2)} -> ${perRecv(1).toFixed(2)}`);
    }
    const two = compareSyscalls([
      { label: 'a', groups: selectSyscallGroups(seed('seed001-batching-2cpu.txt').groups, '14342') },
      { label: 'b', groups: selectSyscallGroups(seed('seed001-batching-2cpu.txt').groups, '4139') },
    ]);
    const recv = two.rows.find((r) => r.syscall === 'recvmsg')!.values[1];
    assert.deepEqual([recv.calls.value, recv.calls.delta, recv.total.value], [809214, 809214 - 615359, 76170078]);
    // The slide's avg column for 4139 was legible though not retyped (0.094 0.027 0.001 0.279 ms): total / calls gives it back.
    assert.deepEqual(
      two.rows.map((r) => (r.values[1].avg.value! / 1000).toFixed(3)),
      ['0.094', '0.027', '0.001', '0.279'],
    );
  });

  it('switches the baseline; a syscall one side lacks sorts last with no delta', () => {
    const flipped = compareSyscalls(
      [
        { label: '2 CPUs', groups: selectSyscallGroups(twoCpu.groups, 'tcpzc2 (14342)') },
        { label: '1 CPU', groups: selectSyscallGroups(oneCpu.groups, '10435') },
        { label: 'io_uring', groups: selectSyscallGroups(oneCpu.groups, '15989') },
      ],
      1,
    );
    assert.equal(flipped.baseline, 1);
    assert.deepEqual(flipped.rows.map((r) => r.syscall), ['setsockopt', 'recvmsg', 'ioctl', 'epoll_wait', 'io_uring_enter']);
    const uring = flipped.rows.at(-1)!;
    assert.deepEqual(uring.missing, [true, true, false]);
    assert.deepEqual(uring.values[2].total, { value: 46435945 });
    assert.deepEqual(flipped.rows[0].values[0].total.ratio!.toFixed(3), (22841.143 / 63395.25).toFixed(3));
    assert.match(formatSyscallComparison(flipped, ['total']), /io_uring_enter\s+-\s+-\s+-\s+-\s+46435\.945\s+-\s+-\n/);
  });

  it('compares strace runs and merges a file\'s threads', () => {
    const a = parseStraceSummary(fixture('strace-summary', 'termux-f-attach-detach.txt'));
    const b = parseStraceSummary(fixture('strace-summary', 'termux-f-attach-2.txt'));
    const cmp = compareSyscalls([
      { label: 'run 1', groups: a.groups },
      { label: 'run 2', groups: b.groups },
    ]);
    const futex = cmp.rows[0];
    assert.equal(futex.syscall, 'futex');
    assert.equal(futex.values[1].total.ratio!.toFixed(4), (759.16558 / 1125.381151).toFixed(4));
    const threads = parsePerfTraceSummary(readCorpus('perf-6.1-captures/trace_s.txt')).groups;
    const merged = new Map(mergeSyscallRows(threads).map((r) => [r.syscall, r]));
    // write: 1 call in the first thread, 20000 and 19999 (all failing) in the others.
    assert.equal(merged.get('write')!.calls, 1 + 20000 + 19999);
    assert.equal(merged.get('write')!.errors, 20000 + 19999);
    assert.equal(merged.get('write')!.min, 10);
    assert.equal(merged.get('write')!.max, 95);
    assert.equal(merged.get('futex')!.max, Math.max(...threads.map((g) => g.table.rows.find((r) => r.cells[0] === 'futex')?.cells[6] as number).filter((x) => x !== undefined)));
  });

  it('names groups by title, tid or a unique comm; says what the choices are otherwise', () => {
    assert.throws(() => selectSyscallGroups(twoCpu.groups, 'tcpzc2'), /names 2 groups; pick one by tid: 'tcpzc2 \(14342\)', 'tcpzc2 \(10500\)'/);
    assert.throws(() => selectSyscallGroups(twoCpu.groups, 'nope'), /no group 'nope'/);
    assert.equal(selectSyscallGroups(twoCpu.groups, 'all').length, 2);
    assert.throws(() => compareSyscalls([{ label: 'x', groups: [] }]), /at least two sides/);
  });
});
