import { strict as assert } from 'node:assert';
import { cellText, renderTable, tableFixedWidth, tableMarkdown } from '../../src/analysis/tableText';
import type { Table } from '../../src/model/table';

const table: Table = {
  title: 't',
  columns: [
    { kind: 'text', id: 'metric', label: 'Metric' },
    { kind: 'number', id: 'base', label: 'Baseline', unit: 'none' },
    { kind: 'number', id: 'new', label: 'v12', unit: 'none' },
    { kind: 'number', id: 'change', label: 'Change', unit: 'percent' },
  ],
  keys: ['metric'],
  rows: [
    { line: 1, cells: ['Total throughput (KB/s)', 7191949, 10702115, 48.8] },
    { line: 2, cells: ['sys time | (sec)', 2190.52, 1651.51, -24.61] },
    { line: 3, cells: ['blank', null, 3, null] },
  ],
};

describe('tables as text', () => {
  it('lays out a cover-letter table: dashed rules, names left, numbers right', () => {
    assert.equal(
      tableFixedWidth(table.columns, table.rows),
      [
        // Widths: 23 (longest name), 9, 10, 7; two spaces between: 55 in all.
        '-------------------------------------------------------',
        'Metric                    Baseline         v12   Change',
        '-------------------------------------------------------',
        'Total throughput (KB/s)  7,191,949  10,702,115   48.80%',
        'sys time | (sec)          2,190.52    1,651.51  -24.61%',
        'blank                                        3',
        '-------------------------------------------------------',
        '',
      ].join('\n'),
    );
  });

  it('writes Markdown with escaped pipes and right-aligned numbers', () => {
    const md = tableMarkdown(table.columns, table.rows.slice(1, 2));
    assert.equal(md, '| Metric | Baseline | v12 | Change |\n| --- | ---: | ---: | ---: |\n| sys time \\| (sec) | 2,190.52 | 1,651.51 | -24.61% |\n');
  });

  it('keeps every row in CSV and JSON, limits text and says how many were left out', () => {
    assert.equal(renderTable(table, 'csv', 1).split('\r\n').length, 5);
    const json = JSON.parse(renderTable(table, 'json', 1)) as { rows: Array<Record<string, unknown>> };
    assert.equal(json.rows.length, 3);
    assert.deepEqual(json.rows[2], { metric: 'blank', base: null, new: 3, change: null });
    assert.match(renderTable(table, 'text', 1), /\(2 more rows\)\n$/);
  });

  it('shows time units at a readable scale', () => {
    assert.equal(cellText({ kind: 'number', id: 'x', label: 'x', unit: 'us' }, 1500), '1.50 ms');
  });
});
