/** The table model every column report will use, and the unit formatters. */
import { strict as assert } from 'node:assert';
import { checkTable, numberCell, rowKey, type Table } from '../../src/model/table';
import { formatDuration, formatValue, nanosecondsPer } from '../../src/model/units';

const table: Table = {
  title: 'syscalls',
  columns: [
    { kind: 'text', id: 'syscall', label: 'syscall' },
    { kind: 'number', id: 'calls', label: 'calls', unit: 'count' },
    { kind: 'number', id: 'errors', label: 'errors', unit: 'count' },
    { kind: 'number', id: 'total', label: 'total (msec)', unit: 'ms' },
  ],
  keys: ['syscall'],
  rows: [
    { line: 5, cells: ['recvmsg', 8114, null, 1.5] },
    { line: 6, cells: ['epoll_wait', 3, 1, 0.25] },
  ],
};

describe('table model', () => {
  it('reads numeric cells as numbers, blank cells as absent, rows by their key columns', () => {
    assert.equal(numberCell(table, table.rows[0], 'calls'), 8114);
    assert.equal(numberCell(table, table.rows[0], 'errors'), undefined);
    assert.equal(numberCell(table, table.rows[0], 'syscall'), undefined, 'a text column is no number');
    assert.equal(numberCell(table, table.rows[0], 'nope'), undefined);
    assert.equal(rowKey(table, table.rows[1]), 'epoll_wait');
    assert.equal(rowKey({ ...table, keys: ['syscall', 'calls'] }, table.rows[1]), 'epoll_wait / 3');
  });

  it('reads a number from the first column, and keys a blank key cell as empty text', () => {
    const byCount: Table = { ...table, columns: [table.columns[1], table.columns[0]], keys: ['calls', 'syscall'], rows: [{ line: 1, cells: [7, null] }] };
    assert.equal(numberCell(byCount, byCount.rows[0], 'calls'), 7);
    assert.equal(rowKey(byCount, byCount.rows[0]), '7 / ');
  });

  it('checkTable accepts a well-typed table and names the first cell that is not', () => {
    assert.equal(checkTable(table), undefined);
    const bad = structuredClone(table);
    bad.rows[1].cells[1] = '3';
    assert.equal(checkTable(bad), `line 6: column 'calls' holds "3"`);
    const nan = structuredClone(table);
    nan.rows[0].cells[3] = NaN;
    assert.match(checkTable(nan) ?? '', /^line 5: column 'total'/);
    const short = structuredClone(table);
    short.rows[0].cells.pop();
    assert.equal(checkTable(short), 'line 5: 3 cells for 4 columns');
    assert.equal(checkTable({ ...table, keys: ['symbol'] }), "key column 'symbol' is not a column");
    const textNumber = structuredClone(table);
    textNumber.rows[0].cells[0] = 42;
    assert.equal(checkTable(textNumber), "line 5: column 'syscall' holds 42");
  });
});

describe('units', () => {
  it('scales durations to the largest unit that keeps them >= 1', () => {
    assert.equal(formatDuration(812), '812 ns');
    assert.equal(formatDuration(1_500), '1.50 µs');
    assert.equal(formatDuration(2_500_000), '2.50 ms');
    assert.equal(formatDuration(3_000_000_000), '3.00 s');
    assert.equal(formatValue(1.5, 'ms'), '1.50 ms');
    assert.equal(formatValue(0.25, 's'), '250.00 ms');
    assert.equal(formatValue(22220.48, 'ns'), '22.22 µs');
    assert.equal(nanosecondsPer('us'), 1000);
    assert.equal(nanosecondsPer('count'), undefined);
  });

  it('formats counts, shares and sizes', () => {
    assert.equal(formatValue(1234567, 'samples'), '1,234,567 samples');
    assert.equal(formatValue(12.3456, 'percent'), '12.35%');
    assert.equal(formatValue(1536, 'bytes'), '1.5 KiB');
    assert.equal(formatValue(1023, 'bytes'), '1,023 B');
    assert.equal(formatValue(0.5, 'count'), '0.5');
  });
});
