import { strict as assert } from 'node:assert';
import { parseFolded } from '../../src/parsers/folded';
import { reportTables, tablesView } from '../../src/analysis/reportTables';
import { checkTable, numberCell } from '../../src/model/table';
import { barFraction, cellText, tableCsv } from '../../webview/shared/tableCells';

describe('tables view model', () => {
  // 10 samples: a on every stack; b on 7 (leaf of 3); c leaf of 4 under b; d leaf of 3 under a.
  const profile = parseFolded('a;b 3\na;b;c 4\na;d 3\n', 't.folded');

  it('gives a stack profile one function table: total and self weights and shares', () => {
    const [t] = reportTables(profile);
    assert.equal(checkTable(t), undefined);
    assert.deepEqual(t.keys, ['function']);
    assert.equal(t.sortBy, 'totalShare');
    assert.deepEqual(t.bars, ['totalShare', 'selfShare']);
    const byName = new Map(t.rows.map((r) => [r.cells[0], r]));
    assert.equal(numberCell(t, byName.get('a')!, 'totalShare'), 100);
    assert.equal(numberCell(t, byName.get('a')!, 'self'), 0);
    assert.equal(numberCell(t, byName.get('b')!, 'total'), 7);
    assert.equal(numberCell(t, byName.get('b')!, 'selfShare'), 30);
    assert.equal(numberCell(t, byName.get('c')!, 'self'), 4);
    assert.equal(numberCell(t, byName.get('d')!, 'totalShare'), 30);
    assert.ok(t.rows.every((r) => r.line === 0), 'functions are not lines of the file');
  });

  it('wraps the tables with the report facts and warnings', () => {
    const v = tablesView(profile, 'title');
    assert.equal(v?.meta.title, 'title');
    assert.equal(v?.meta.format, 'folded');
    assert.equal(v?.tables.length, 1);
  });
});

describe('table cells as text', () => {
  const text = { kind: 'text', id: 'name', label: 'Name' } as const;
  const pct = { kind: 'number', id: 'p', label: 'P', unit: 'percent' } as const;
  const ms = { kind: 'number', id: 't', label: 'Time', unit: 'ms' } as const;
  const n = { kind: 'number', id: 'n', label: 'N', unit: 'samples' } as const;

  it('shows numbers in their unit and blanks as nothing', () => {
    assert.equal(cellText(pct, 12.5), '12.50%');
    assert.equal(cellText(ms, 1.5), '1.50 ms');
    assert.equal(cellText(n, 1234567), '1,234,567');
    assert.equal(cellText(n, null), '');
    assert.equal(cellText(text, 'x'), 'x');
  });

  it('exports CSV with raw numbers and quoted text', () => {
    const csv = tableCsv([text, pct], [{ cells: ['a,"b"', 1.5] }, { cells: ['c', null] }]);
    assert.equal(csv, 'Name,P (percent)\r\n"a,""b""",1.5\r\nc,\r\n');
  });

  it('draws percent bars to scale and other bars against the column maximum', () => {
    assert.equal(barFraction(pct, 25, 50), 0.25);
    assert.equal(barFraction(ms, 25, 50), 0.5);
    assert.equal(barFraction(pct, 300, 400), 0.75);
    assert.equal(barFraction(ms, null, 50), 0);
    assert.equal(barFraction(ms, 5, 0), 0);
    assert.equal(barFraction(ms, -100, 50), 1);
  });
});
