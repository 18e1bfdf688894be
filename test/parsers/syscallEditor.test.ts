import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFile } from '../../src/io/parseFile';
import type { EditorFeatures } from '../../src/parsers/formatDefinition';
import type { LineReader } from '../../src/parsers/formatDefinition';
import { parsePerfTraceSummary, perfTraceSummaryFormat } from '../../src/parsers/perf-trace-summary';
import { describeErrno, describeSyscall, syscallHoverIndex } from '../../src/parsers/shared/syscallEditor';
import { SYSCALL_DESCRIPTIONS, X86_64_SYSCALL_NAMES } from '../../src/parsers/shared/syscallDescriptions';
import { parseStraceSummary, straceSummaryFormat } from '../../src/parsers/strace-summary';
import { readCorpus } from '../helpers/corpus';
import { fixture } from './syscallSummaryHelpers';

function doc(text: string): LineReader {
  const lines = text.split('\n');
  return { lineCount: lines.length, lineAt: (i) => lines[i] };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('syscall summary editor features', () => {
  it('outline: one entry per strace table (the run, then the 32 bit section)', () => {
    const text = fixture('strace-summary', 'strace-32bit-section.txt');
    assert.deepEqual(straceSummaryFormat.editor!.outline!(doc(text)), [
      { name: 'all processes', detail: '5 syscalls', start: 1, end: 9, selection: 1 },
      { name: '32 bit mode', detail: '3 syscalls', start: 10, end: 17, selection: 10 },
    ]);
  });

  it('outline: one entry per perf trace thread block, spanning its table', () => {
    const text = readCorpus('perf-6.1-captures/trace_s.txt');
    const items = perfTraceSummaryFormat.editor!.outline!(doc(text));
    assert.deepEqual(items.map((i) => [i.name, i.detail, i.start]), [
      ['t (10939)', '96 events, 0.1%', 4],
      ['t (10940)', '40012 events, 49.9%', 33],
      ['t (10941)', '40007 events, 49.9%', 46],
    ]);
    assert.equal(items[0].end, 30, 'the first block ends at its last row (execve, 0-based line 30)');
  });

  it('hover on a syscall row: description, share and rank, calls and error rate, times', () => {
    const text = fixture('perf-trace-summary', 'seed001-syscall-costs-2cpu.txt');
    const model = parsePerfTraceSummary(text);
    const index = syscallHoverIndex(model);
    const line = lineOf(text, '   recvmsg');
    const h = perfTraceSummaryFormat.editor!.hover!(doc(text), line, 5, undefined, index);
    assert.ok(h);
    assert.equal(h.title, 'recvmsg');
    assert.deepEqual(h.span, { start: 3, end: 10 });
    // 68831.493 ms of 93534.121 ms; 1830 of 615359 calls failed; 68831.493 ms / 615359 calls.
    assert.deepEqual(h.paragraphs, [
      'receive a message from a socket',
      '73.59% of the syscall time of tcpzc2 (14342); rank 1 of 4 by total time.',
      '615,359 calls, 1,830 errors (0.30% of calls failed).',
      'total 68.83 s, avg 111.86 µs (total / calls) per call.',
    ]);
  });

  it('hover on an --errno-summary line: the errno from the kernel headers, its share of the errors', () => {
    const text = fixture('perf-trace-summary', 'errno-summary.txt');
    const index = syscallHoverIndex(parsePerfTraceSummary(text));
    const h = perfTraceSummaryFormat.editor!.hover!(doc(text), lineOf(text, 'ENOENT: 1'), 5, undefined, index)!;
    assert.deepEqual(h, { title: 'ENOENT', paragraphs: ['errno 2: No such file or directory', '1 of the 1 errors of access (100.00%).'], span: { start: 4, end: 10 } });
    assert.equal(describeErrno('EWOULDBLOCK'), 'errno 11: Operation would block');
    assert.equal(describeErrno('EFOO'), undefined);
  });

  it('hover with min/avg/max/stddev and errno lines; ranks by total time', () => {
    const text = fixture('perf-trace-summary', 'errno-summary.txt');
    const index = syscallHoverIndex(parsePerfTraceSummary(text));
    const h = perfTraceSummaryFormat.editor!.hover!(doc(text), lineOf(text, '   access'), 4, undefined, index)!;
    assert.deepEqual(h.paragraphs.slice(1), [
      '0.00% of the syscall time of sleep (10793); rank 9 of 13 by total time.',
      '1 calls, 1 errors (100.00% of calls failed): ENOENT 1.',
      'total 4.00 µs, avg 4.00 µs per call, min 4.00 µs, max 4.00 µs, stddev 0.00% of avg.',
    ]);
    const nano = perfTraceSummaryFormat.editor!.hover!(doc(text), lineOf(text, 'nanosleep'), 4, undefined, index)!;
    assert.match(nano.paragraphs[1], /^99\.\d\d% .*rank 1 of 13/);
    assert.match(nano.paragraphs[3], /^total 1\.00 s, avg 1\.00 s per call, min 1\.00 s, max 1\.00 s/);
  });

  it('hover on strace rows; none on other lines or on a line that changed since parsing', () => {
    const text = fixture('strace-summary', 'strace-U-shortest-longest.txt');
    const index = syscallHoverIndex(parseStraceSummary(text));
    const line = lineOf(text, 'recvfrom');
    const h = straceSummaryFormat.editor!.hover!(doc(text), line, 70, undefined, index)!;
    assert.equal(h.paragraphs[0], 'receive a message from a socket');
    assert.equal(h.paragraphs[2], '96,420 calls, 48,205 errors (49.99% of calls failed).');
    assert.equal(h.paragraphs[3], 'total 912.46 ms, avg 9.00 µs per call, min 1.00 µs, max 2.30 ms.');
    assert.equal(straceSummaryFormat.editor!.hover!(doc(text), 1, 3, undefined, index), undefined, 'the rule under the header');
    assert.equal(straceSummaryFormat.editor!.hover!(doc(text), 0, 3, undefined, index)?.title, 'all processes', 'the header line describes the table');
    const changed = text.replace('recvfrom', 'recvmmsg');
    assert.equal(straceSummaryFormat.editor!.hover!(doc(changed), line, 70, undefined, index), undefined);
  });

  it('describes every x86_64 syscall, and numbered ones by their number', () => {
    const named = X86_64_SYSCALL_NAMES.filter((n) => n !== '');
    assert.ok(named.length >= 370);
    for (const name of named) assert.ok(SYSCALL_DESCRIPTIONS[name], name);
    assert.equal(describeSyscall('io_uring_enter'), 'submit io_uring requests and/or wait for their completions');
    assert.equal(describeSyscall('newfstatat'), 'get file status (documented as stat(2))');
    assert.match(describeSyscall('syscall_0x2f')!, /^syscall number 47, which is recvmsg on x86_64: receive a message from a socket$/);
    assert.match(describeSyscall('syscall:451')!, /which is cachestat on x86_64/);
    assert.match(describeSyscall('syscall_0x1ff')!, /syscall number 511, unnamed/);
    assert.equal(describeSyscall('not_a_syscall'), undefined);
    // In strace's 32 bit section, numbers are i386's, not x86_64's (0x2f is getgid there).
    assert.match(describeSyscall('syscall_0x2f', '32 bit')!, /^syscall number 47 of the 32 bit personality, unnamed/);
    assert.equal(describeSyscall('read', '32 bit'), 'read from a file descriptor');
  });

  it('hover on a thread line and on a total row: the group in one paragraph or three; folding per block', () => {
    const text = fixture('perf-trace-summary', 'seed001-syscall-costs-2cpu.txt');
    const index = syscallHoverIndex(parsePerfTraceSummary(text));
    const h = perfTraceSummaryFormat.editor!.hover!(doc(text), lineOf(text, 'tcpzc2 (14342)'), 3, undefined, index)!;
    assert.equal(h.title, 'tcpzc2 (14342)');
    assert.deepEqual(h.paragraphs, [
      '4 syscalls, 2,372,211 calls, 1,830 errors (0.08% of calls failed), total 93.53 s.',
      'Costliest: recvmsg (73.59% of the time).',
      "4,745,666 events (100% of all events), counting each syscall's enter and exit.",
    ]);
    const strace = fixture('strace-summary', 'holberton-old-small.txt');
    const sIndex = syscallHoverIndex(parseStraceSummary(strace));
    const total = straceSummaryFormat.editor!.hover!(doc(strace), lineOf(strace, ' total'), 3, undefined, sIndex)!;
    assert.deepEqual(total.paragraphs, ['5 syscalls, 965 calls, 1 errors (0.10% of calls failed), total 19.38 ms.', 'Costliest: read (62.88% of the time).']);
    assert.deepEqual(perfTraceSummaryFormat.editor!.folding!(doc(text)), [
      { start: 3, end: 11 },
      { start: 14, end: 19 },
    ]);
  });
});

describe('syscall hover: averages below strace’s 1 µs resolution', () => {
  it('gives total / calls where strace printed usecs/call 0 (real strace 6.1 capture)', async () => {
    const file = resolve(__dirname, '../fixtures/strace-summary/strace-small-messages.txt');
    const lines = readFileSync(file, 'utf8').split('\n');
    const doc = { lineCount: lines.length, lineAt: (i: number) => lines[i] };
    const { model } = await parseFile(file, file);
    const editor = (straceSummaryFormat as unknown as { editor: Required<EditorFeatures> }).editor;
    const line = lines.findIndex((l) => / recvmsg$/.test(l));
    const h = editor.hover(doc, line, lines[line].indexOf('recvmsg') + 1, undefined, editor.hoverIndex(model));
    // 0.014812 s over 16384 calls: 904.05 ns each.
    const text = h!.paragraphs.join(' ');
    assert.ok(text.includes('avg 904.05 ns (total / calls) per call'), text);
  });
});
