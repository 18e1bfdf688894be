import { strict as assert } from 'node:assert';
import { diffTables } from '../../../src/analysis/compare/tableDiff';
import { compareTableRuns, runsWithinOneLog } from '../../../src/analysis/compare/compareTables';
import { resolve } from 'node:path';
import { parseFile } from '../../../src/io/parseFile';
import { reportTables } from '../../../src/analysis/reportTables';
import { FIXTURES } from '../../helpers/golden';
import { checkTable, numberCell, type Table } from '../../../src/model/table';

const syscalls = (rows: Array<[string, number, number | null]>): Table => ({
  title: 'syscalls',
  columns: [
    { kind: 'text', id: 'syscall', label: 'syscall' },
    { kind: 'number', id: 'calls', label: 'calls', unit: 'count' },
    { kind: 'number', id: 'total', label: 'total', unit: 'ms' },
  ],
  keys: ['syscall'],
  rows: rows.map(([s, c, t], i) => ({ line: i + 1, cells: [s, c, t] })),
});

describe('diffTables', () => {
  // Seed 001's shape: recvmsg and sendmsg per run; io_uring_enter only in the new run.
  const base = syscalls([['recvmsg', 1000, 200], ['sendmsg', 500, 100], ['close', 3, null]]);
  const next = syscalls([['sendmsg', 500, 150], ['recvmsg', 800, 120], ['io_uring_enter', 40, 30]]);
  const t = diffTables([{ label: '1cpu', table: base }, { label: '2cpu', table: next }]);

  it('matches rows by key and puts every numeric column side by side with its change', () => {
    assert.equal(checkTable(t), undefined);
    const row = (k: string) => t.rows.find((r) => r.cells[0] === k)!;
    assert.equal(numberCell(t, row('recvmsg'), 'calls@0'), 1000);
    assert.equal(numberCell(t, row('recvmsg'), 'calls@1'), 800);
    assert.equal(numberCell(t, row('recvmsg'), 'calls@1:delta'), -200);
    assert.equal(numberCell(t, row('recvmsg'), 'calls@1:pct'), -20);
    assert.equal(numberCell(t, row('sendmsg'), 'total@1:pct'), 50);
    assert.equal(numberCell(t, row('close'), 'total@1:delta'), undefined, 'blank cells give no change');
    assert.equal(row('io_uring_enter').cells.at(-1), 'only in 2cpu');
    assert.equal(row('close').cells.at(-1), 'only in 1cpu');
    assert.equal(row('recvmsg').cells.at(-1), 'all runs');
  });

  it('orders rows by the largest change of the first compared column', () => {
    assert.deepEqual(t.rows.map((r) => r.cells[0]), ['recvmsg', 'io_uring_enter', 'close', 'sendmsg']);
    const byTotal = diffTables([{ label: 'a', table: base }, { label: 'b', table: next }], { sortBy: 'total' });
    assert.equal(byTotal.rows[0].cells[0], 'recvmsg');
    assert.equal(byTotal.rows[1].cells[0], 'sendmsg');
  });

  it('labels columns base/new for two runs, by run for more, and refuses what cannot compare', () => {
    assert.ok(t.columns.some((c) => c.label === 'calls base') && t.columns.some((c) => c.label === 'Δ% calls'));
    const three = diffTables([{ label: 'a', table: base }, { label: 'b', table: next }, { label: 'c', table: next }], { baseline: 1 });
    assert.ok(three.columns.some((c) => c.label === 'calls a') && three.columns.some((c) => c.label === 'Δ calls c'));
    assert.throws(() => diffTables([{ label: 'a', table: base }]), /at least two runs/);
    const other: Table = { title: 'x', columns: [{ kind: 'text', id: 'k', label: 'k' }], keys: ['k'], rows: [] };
    assert.throws(() => diffTables([{ label: 'a', table: base }, { label: 'b', table: other }]), /share no numeric column/);
  });
});

describe('compareTableRuns', () => {
  it('matches tables by title with numbers masked (another pid), else by position, and lists the unmatched', () => {
    const t = (title: string, rows: Array<[string, number, number | null]>) => ({ ...syscalls(rows), title });
    const a = { label: 'a', facts: { kernel: '6.1' }, tables: [t('tcpzc2 (10500)', [['recvmsg', 10, 1]]), t('total', [['recvmsg', 10, 1]])] };
    const b = { label: 'b', facts: { kernel: '6.8' }, tables: [t('tcpzc2 (10712)', [['recvmsg', 20, 2]])] };
    const c = compareTableRuns([a, b]);
    assert.deepEqual(c.tables.map((x) => x.title), ['tcpzc2 (10500)']);
    assert.deepEqual(c.unmatched, ['total']);
    assert.equal(numberCell(c.tables[0], c.tables[0].rows[0], 'calls@1:pct'), 100);
    assert.match(c.factWarnings[0], /kernel: a: 6\.1; b: 6\.8/);
  });
});

describe('run logs compared (seed 003 retyped)', () => {
  it('matches metrics across the files and gives the cover letter’s +49% throughput and -25% times', async () => {
    const dir = resolve(FIXTURES, 'compare/seed003');
    const runs = [];
    for (const f of ['usemem30-baseline.log', 'usemem30-v12.log']) {
      const { model } = await parseFile(resolve(dir, f), f);
      runs.push({ label: f, tables: reportTables(model), facts: model.facts });
    }
    const c = compareTableRuns(runs);
    const metrics = c.tables[0];
    assert.match(metrics.title, /^metrics of mm-unstable/);
    const pct = (metric: string) => numberCell(metrics, metrics.rows.find((r) => r.cells[0] === metric)!, 'value@1:pct')!;
    // The cover letter rounds: 49%, 49%, -25%, -25%.
    assert.equal(Math.round(pct('Total throughput (KB/s)')), 49);
    assert.equal(Math.round(pct('Average throughput (KB/s)')), 49);
    assert.equal(Math.round(pct('elapsed time (sec)')), -25);
    assert.equal(Math.round(pct('sys time (sec)')), -25);
    assert.ok(Math.abs(pct('Total throughput (KB/s)') - (100 * (10702115 - 7191949)) / 7191949) < 1e-9);
  });
});

describe('runs inside one run log (seed 000)', () => {
  it('compares the runs of one file metric by metric against a baseline run', async () => {
    const file = resolve(FIXTURES, 'run-log/iommu-runs.md');
    const { model } = await parseFile(file, file, { format: 'run-log' });
    const runs = runsWithinOneLog(reportTables(model), model.facts);
    assert.equal(runs.length, 6);
    assert.match(runs[1].label, /flow16-.*16cores/);
    const c = compareTableRuns(runs);
    const t = c.tables[0];
    const throughput = t.rows.find((r) => r.cells[0] === 'Throughput')!;
    // Seed: 221.323 at 8 cores, 344.445 at 16 cores, 273.807 at 20 cores (first variant).
    assert.ok(Math.abs(numberCell(t, throughput, 'value@1:pct')! - (100 * (344.445 - 221.323)) / 221.323) < 1e-9);
    assert.ok(Math.abs(numberCell(t, throughput, 'value@2:delta')! - (273.807 - 221.323)) < 1e-9);
    assert.deepEqual(runsWithinOneLog(reportTables(model).slice(0, 1), model.facts), []);
  });
});
