import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseFile } from '../../../src/io/parseFile';
import { reportTables } from '../../../src/analysis/reportTables';
import { runsWithinOneLog, type TableRun } from '../../../src/analysis/compare/compareTables';
import { hoveredRun, mainColumns, tableComparisonNote, tableRowAt, type TableHoverComparison } from '../../../src/analysis/compare/tableHover';
import { FIXTURES } from '../../helpers/golden';

async function run(rel: string, text?: string, format?: 'run-log'): Promise<TableRun> {
  let file = resolve(FIXTURES, rel);
  if (text !== undefined) {
    file = join(mkdtempSync(join(tmpdir(), 'perflens-hover-')), rel.split('/').pop()!);
    writeFileSync(file, text);
  }
  const { model } = await parseFile(file, file, format ? { format } : undefined);
  return { label: rel.split('/').pop()!, tables: reportTables(model), facts: model.facts };
}

const fixture = (rel: string): string => readFileSync(resolve(FIXTURES, rel), 'utf8');

/** 1-based line of the first line matching `re`. */
const lineOf = (text: string, re: RegExp): number => text.split('\n').findIndex((l) => re.test(l)) + 1;

/** strace -c rows read here: syscall -> seconds, calls, and the 1-based line. */
function straceRows(text: string): Map<string, { seconds: number; calls: number; line: number }> {
  const out = new Map<string, { seconds: number; calls: number; line: number }>();
  text.split('\n').forEach((l, i) => {
    const m = /^\s*[\d.]+\s+([\d.]+)\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)\s*$/.exec(l);
    if (m && m[3] !== 'total') out.set(m[3], { seconds: Number(m[1]), calls: Number(m[2]), line: i + 1 });
  });
  return out;
}

const pct = (v: number, base: number): string => `${v >= base ? '+' : ''}${((100 * (v - base)) / base).toFixed(2)}%`;

describe('table comparison hovers: strace -c (small messages vs batched)', () => {
  const SMALL = 'strace-summary/strace-small-messages.txt';
  const BATCHED = 'strace-summary/strace-batched.txt';
  let c: TableHoverComparison;
  let batched: TableRun;
  before(async () => {
    const small = await run(SMALL);
    batched = await run(BATCHED);
    c = { runs: [small, batched], baseline: 0 };
  });

  it('gives the hovered syscall’s total time and calls against the baseline (worked out by hand)', () => {
    // wait4: 0.003650 s and 14 calls in batched, 0.007006 s and 14 calls in the baseline:
    // 3650 - 7006 = -3356 µs = -3.36 ms, -3356 / 7006 = -47.90%; calls unchanged.
    const line = lineOf(fixture(BATCHED), /\swait4$/);
    const hovered = tableRowAt(batched.tables, line)!;
    assert.equal(hovered.row.cells[0], 'wait4');
    assert.equal(hoveredRun(c, [1], hovered), 1);
    assert.equal(tableComparisonNote(c, hovered, 1), 'total -47.90% (-3.36 ms), calls +0.00% (+0) vs baseline strace-small-messages.txt (7.01 ms, 14).');
    // sendmsg: 0 s of 512 calls against 0.014920 s of 16,384: -100% and 512 - 16384 = -15,872 calls (-96.88%).
    const send = tableRowAt(batched.tables, lineOf(fixture(BATCHED), /\ssendmsg$/))!;
    assert.equal(tableComparisonNote(c, send, 1), 'total -100.00% (-14.92 ms), calls -96.88% (-15,872) vs baseline strace-small-messages.txt (14.92 ms, 16,384).');
  });

  it('matches every syscall of the batched run to its baseline row (percentages read from the text)', () => {
    const base = straceRows(fixture(SMALL));
    const rows = straceRows(fixture(BATCHED));
    assert.equal(rows.size, 49);
    for (const [name, r] of rows) {
      const b = base.get(name)!;
      const note = tableComparisonNote(c, tableRowAt(batched.tables, r.line)!, 1)!;
      const calls = `calls ${pct(r.calls, b.calls)} (${r.calls >= b.calls ? '+' : ''}${(r.calls - b.calls).toLocaleString('en-US')})`;
      assert.ok(note.includes(calls), `${name}: ${note} has ${calls}`);
      // A zero baseline has no relative change: the note gives the difference alone.
      if (b.seconds > 0) assert.ok(note.startsWith(`total ${pct(r.seconds, b.seconds)} (`), `${name}: ${note}`);
      else assert.match(note, /^total \+/);
      assert.ok(note.endsWith(`, ${b.calls.toLocaleString('en-US')}).`), `${name}: baseline calls at the end of ${note}`);
    }
  });

  it('in the baseline file, lists the other run’s change instead', () => {
    const hovered = tableRowAt(c.runs[0].tables, lineOf(fixture(SMALL), /\ssendmsg$/))!;
    assert.equal(hoveredRun(c, [0], hovered), 0);
    assert.equal(tableComparisonNote(c, hovered, 0), 'Baseline of the open comparison (14.92 ms, 16,384): strace-batched.txt total -100.00% (-14.92 ms), calls -96.88% (-15,872).');
  });

  it('compares another strace -c report (not one of the runs) by its own values, and says when the baseline lacks the syscall', async () => {
    // The batched file with wait4 taking twice as long and sendmsg renamed: 0.007300 s against 0.007006 s is +4.20%.
    const text = fixture(BATCHED).replace(/0\.003650(\s+)260/, '0.007300$1521').replace(/ sendmsg$/m, ' sendmmsg');
    const other = await run('strace-summary/other.txt', text);
    const wait4 = tableRowAt(other.tables, lineOf(text, /\swait4$/))!;
    assert.equal(tableComparisonNote(c, wait4), 'total +4.20% (+294.00 µs), calls +0.00% (+0) vs baseline strace-small-messages.txt (7.01 ms, 14).');
    const renamed = tableRowAt(other.tables, lineOf(text, /\ssendmmsg$/))!;
    assert.equal(tableComparisonNote(c, renamed), 'Not in baseline strace-small-messages.txt.');
  });

  it('has no row on the header, rule or total lines', () => {
    const text = fixture(BATCHED).split('\n');
    for (const l of [1, 2, text.findIndex((x) => /\stotal$/.test(x)) + 1]) assert.equal(tableRowAt(batched.tables, l), undefined, `line ${l}: ${text[l - 1]}`);
  });
});

describe('table comparison hovers: perf trace -s (seed 001, 1 vs 2 CPUs)', () => {
  it('matches the thread tables whose tids differ and compares total and calls', async () => {
    const one = await run('perf-trace-summary/seed001-syscall-costs-1cpu.txt');
    const two = await run('perf-trace-summary/seed001-syscall-costs-2cpu.txt');
    const c = { runs: [one, two], baseline: 0 };
    const text = fixture('perf-trace-summary/seed001-syscall-costs-2cpu.txt');
    // recvmsg: 68831.493 ms / 615,359 calls against 26726.717 ms / 168,459 at 1 CPU:
    // +42104.776 ms = +157.54%, +446,900 calls = +265.29%.
    const hovered = tableRowAt(two.tables, lineOf(text, /^\s+recvmsg\s/))!;
    assert.equal(tableComparisonNote(c, hovered, 1), 'total +157.54% (+42.10 s), calls +265.29% (+446,900) vs baseline seed001-syscall-costs-1cpu.txt (26.73 s, 168,459).');
  });
});

describe('table comparison hovers: run logs (seed 003 usemem30)', () => {
  it('gives a metric line’s value against the baseline run', async () => {
    const base = await run('compare/seed003/usemem30-baseline.log');
    const v12 = await run('compare/seed003/usemem30-v12.log');
    const c = { runs: [base, v12], baseline: 0 };
    const text = fixture('compare/seed003/usemem30-v12.log');
    // 10,702,115 - 7,191,949 = 3,510,166 KB/s, / 7,191,949 = +48.81% (the cover letter's 49%).
    const throughput = tableRowAt(v12.tables, lineOf(text, /^Total throughput/))!;
    assert.equal(tableComparisonNote(c, throughput, 1), '+48.81% (+3,510,166) vs baseline usemem30-baseline.log (7,191,949).');
    // 69.98 - 93.21 = -23.23 s, / 93.21 = -24.92% (the cover letter's -25%).
    const elapsed = tableRowAt(v12.tables, lineOf(text, /^elapsed time/))!;
    assert.equal(tableComparisonNote(c, elapsed, 1), '-24.92% (-23.23) vs baseline usemem30-baseline.log (93.21).');
    assert.deepEqual(mainColumns(throughput.table).map((col) => col.id), ['value']);
  });
});

describe('table comparison hovers: runs inside one run log (seed 000)', () => {
  const FILE = 'run-log/iommu-runs.md';
  let log: TableRun;
  let c: TableHoverComparison;
  before(async () => {
    log = await run(FILE, undefined, 'run-log');
    // The first two runs compared (8 and 16 cores), the 8-core run the baseline.
    c = { runs: runsWithinOneLog(log.tables, log.facts).slice(0, 2), baseline: 0 };
  });
  const throughputLines = (): number[] => fixture(FILE).split('\n').flatMap((l, i) => (/^Throughput: /.test(l) ? [i + 1] : []));

  it('knows the hovered line’s run from its run block', () => {
    const [first, second, third] = throughputLines();
    const h = (line: number) => tableRowAt(log.tables, line)!;
    assert.equal(hoveredRun(c, [0, 1], h(first)), 0);
    assert.equal(hoveredRun(c, [0, 1], h(second)), 1);
    assert.equal(hoveredRun(c, [0, 1], h(third)), undefined, 'the third run is not compared');
  });

  it('gives a compared run’s Throughput against the baseline run, and a run not compared by its own value', () => {
    const [first, second, third] = throughputLines().map((l) => tableRowAt(log.tables, l)!);
    const baseLabel = c.runs[0].label;
    // 344.445 - 221.323 = 123.122, / 221.323 = +55.63%.
    assert.equal(tableComparisonNote(c, second, 1), `+55.63% (+123.12) vs baseline ${baseLabel} (221.32).`);
    // 273.807 - 221.323 = 52.484, / 221.323 = +23.71%.
    assert.equal(tableComparisonNote(c, third, undefined), `+23.71% (+52.48) vs baseline ${baseLabel} (221.32).`);
    assert.equal(tableComparisonNote(c, first, 0), `Baseline of the open comparison (221.32): ${c.runs[1].label} +55.63% (+123.12).`);
  });

  it('says nothing on an eBPF row of a run (the comparison has only the metrics)', () => {
    const text = fixture(FILE);
    const hovered = tableRowAt(log.tables, lineOf(text, /^0\s+iommu_map\s/));
    assert.ok(hovered, 'an eBPF row in the log');
    assert.equal(tableComparisonNote(c, hovered, hoveredRun(c, [0, 1], hovered)), undefined);
  });
});

describe('table comparison hovers: eBPF tables', () => {
  it('compares total and mean (a second run with iommu_map twice as slow)', async () => {
    const REL = 'ebpf-csv/ebpf_guest_stats.csv';
    const text = fixture(REL);
    const row = /^iommu_map,-1,(\d+),(\d+),([\d.]+),/m.exec(text)!;
    const [count, total, mean] = [Number(row[1]), Number(row[2]), Number(row[3])];
    const slower = text.replace(row[0], `iommu_map,-1,${count},${2 * total},${2 * mean},`);
    const c = { runs: [await run(REL), await run('ebpf-csv/slower.csv', slower)], baseline: 0 };
    const hovered = tableRowAt(c.runs[1].tables, lineOf(slower, /^iommu_map,/))!;
    assert.deepEqual(mainColumns(hovered.table).map((col) => col.id), ['total_duration_ns', 'mean_ns']);
    // 23282950277 ns = 23.28 s doubled: +100%, +23.28 s; mean 22220.48 ns = 22.22 µs doubled.
    assert.equal(tableComparisonNote(c, hovered, 1), 'total_duration_ns +100.00% (+23.28 s), mean_ns +100.00% (+22.22 µs) vs baseline ebpf_guest_stats.csv (23.28 s, 22.22 µs).');
    // A function unchanged: no change in either column.
    const same = tableRowAt(c.runs[1].tables, lineOf(slower, /^__iommu_map,/))!;
    assert.match(tableComparisonNote(c, same, 1)!, /^total_duration_ns \+0\.00% \(\+0 ns\), mean_ns \+0\.00% \(\+0 ns\) vs baseline/);
  });
});

describe('table comparison hovers: perf stat', () => {
  it('compares a counter’s count and its metric', async () => {
    const REL = 'perf-stat/hybrid-newer.txt';
    const text = fixture(REL);
    // The same stat with twice the context switches: 229,154 against 114,577 is +100%, +114,577;
    // the metric (3.569 K/sec) is unchanged.
    const twice = text.replace('114,577', '229,154');
    const c = { runs: [await run(REL), await run('perf-stat/twice.txt', twice)], baseline: 0 };
    const hovered = tableRowAt(c.runs[1].tables, lineOf(twice, /context-switches/))!;
    assert.deepEqual(mainColumns(hovered.table).map((col) => col.id), ['value', 'metric']);
    assert.equal(tableComparisonNote(c, hovered, 1), 'counts +100.00% (+114,577), metric +0.00% (+0) vs baseline hybrid-newer.txt (114,577, 3.57).');
  });
});

describe('table comparison hovers: shares and zero baselines', () => {
  // perf report rows: Overhead is a share (percent), sorted by; a function at 0 samples in the baseline.
  const rows = (cells: Array<[string, number, number]>): TableRun['tables'][number] => ({
    title: 'rows (cycles)',
    group: 'cycles',
    columns: [
      { kind: 'text', id: 'symbol', label: 'Symbol' },
      { kind: 'number', id: 'overhead', label: 'Overhead', unit: 'percent' },
      { kind: 'number', id: 'samples', label: 'Samples', unit: 'count' },
    ],
    keys: ['symbol'],
    rows: cells.map((c, i) => ({ line: i + 10, cells: c })),
    sortBy: 'overhead',
  });
  const base = { label: 'base.txt', facts: {}, tables: [rows([['crc32', 6.12, 612], ['memcpy', 0, 0]])] };
  const next = { label: 'next.txt', facts: {}, tables: [rows([['crc32', 9.32, 1864], ['memcpy', 1.5, 30]])] };
  const c = { runs: [base, next], baseline: 0 };

  it('gives a share’s change in points, and no percentage from a zero baseline', () => {
    assert.deepEqual(mainColumns(next.tables[0]).map((col) => col.id), ['overhead']);
    // 9.32 - 6.12 = +3.20 points.
    assert.equal(tableComparisonNote(c, tableRowAt(next.tables, 10)!, 1), '+3.20 pts vs baseline base.txt (6.12%).');
    assert.equal(tableComparisonNote(c, tableRowAt(next.tables, 11)!, 1), '+1.50 pts vs baseline base.txt (0.00%).');
  });

  it('a count from zero has its difference only', () => {
    const counts = { ...next.tables[0], sortBy: 'samples' };
    const c2 = { runs: [{ ...base, tables: [{ ...base.tables[0], sortBy: 'samples' }] }, { ...next, tables: [counts] }], baseline: 0 };
    // memcpy: 30 samples against 0: +30, no relative change; crc32: 1864 against 612 = +1,252 = +204.58%.
    assert.equal(tableComparisonNote(c2, tableRowAt([counts], 11)!, 1), '+30 vs baseline base.txt (0).');
    assert.equal(tableComparisonNote(c2, tableRowAt([counts], 10)!, 1), '+204.58% (+1,252) vs baseline base.txt (612).');
  });
});
