/**
 * Big eBPF tables: the in-place reading of quote-free CSV lines gives exactly what the general path
 * (cells split at the delimiter, parseNumber) gives, tables spanning several column chunks read back
 * whole, and `;`-separated CSVs with decimal commas.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WarningLog } from '../../src/model/diagnostics';
import { EBPF_CHUNK_ROWS } from '../../src/model/ebpfTable';
import { ebpfAllRowStats, ebpfLine, ebpfPlainTable, ebpfRowKey } from '../../src/model/ebpfRows';
import { parseEbpf } from '../../src/parsers/ebpf-csv';
import { FastNumberReader } from '../../src/parsers/shared/ebpfNumbers';
import { EbpfTableBuilder } from '../../src/parsers/shared/ebpfTableBuilder';
import { kthSmallest, medianOfPositive } from '../../src/parsers/shared/ebpfMedian';
import { FIXTURES } from '../helpers/golden';

const HEADER = ['function', 'count', 'total_duration_ns', 'mean_ns', 'variance_us'];

/** The same rows through addDelimited and through addRow of the split cells. */
function bothWays(lines: string[], delimiter: string, decimalComma = false) {
  const build = (fast: boolean) => {
    const warnings = new WarningLog();
    const b = new EbpfTableBuilder('t', HEADER, 1, warnings, { decimalComma });
    lines.forEach((l, i) => (fast ? b.addDelimited(l, delimiter, i + 2) : b.addRow(l.split(delimiter), i + 2)));
    const t = b.finish();
    return { rows: ebpfPlainTable(t).rows, stats: ebpfAllRowStats(t), warnings: warnings.items };
  };
  return { fast: build(true), general: build(false) };
}

describe('eBPF tables: quote-free lines read in place', () => {
  it('give the cells, figures and warnings of the general path, for numbers of every shape', () => {
    const shapes = ['0', '7', '-12', '1047815', '23282950277', '22220.48', '6.153900e+02', '-5.200000e-01', '2.165818e+13', '0.007757', '5.983777e-08', '1E3', '.5', '5.', '-0', '007', '123456789012345678', '9007199254740993', '1e400', '1e-400', '+1', ' 3', '3 ', '', 'nan', '-inf', 'NaN', '12%', '1,5', '0x10', 'e5', '1e', '1e+', '--1', '1.2.3'];
    let seed = 11;
    const pick = () => shapes[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % shapes.length];
    const lines: string[] = [];
    // The first row decides the column kinds, so it is all plain numbers.
    lines.push('first_fn,10,1000,100,4');
    for (let i = 0; i < 600; i++) lines.push([`fn_${i}`, pick(), pick(), pick(), pick()].join(','));
    lines.push('short_row,1', 'long_row,1,2,3,4,5', ',1,2,3,4', ' spaced key,1,2,3,4');
    const { fast, general } = bothWays(lines, ',');
    assert.deepStrictEqual(fast.rows, general.rows);
    assert.deepStrictEqual(fast.stats, general.stats);
    assert.deepStrictEqual(fast.warnings, general.warnings);
    // And each plain number is exactly what Number() makes of it (-0 included).
    lines.slice(1, 601).forEach((l, r) => {
      const cells = l.split(',');
      for (let c = 1; c < 5; c++) {
        if (/^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(cells[c]) && Number.isFinite(Number(cells[c]))) {
          assert.ok(Object.is(fast.rows[r + 1].cells[c], Number(cells[c])), `${cells[c]} -> ${String(fast.rows[r + 1].cells[c])}`);
        }
      }
    });
  });

  it('the fast reader says the power of ten of the last printed digit (the rounding the mean × count check allows)', () => {
    const f = new FastNumberReader(false);
    const scale = (s: string) => {
      assert.ok(!Number.isNaN(f.read(s, 0, s.length)), s);
      return f.scale;
    };
    assert.equal(scale('22220.48'), -2);
    assert.equal(scale('6.153900e+02'), -4);
    assert.equal(scale('1047815'), 0);
    assert.equal(scale('5e3'), 3);
    // Digits beyond 2^53 are left to Number() (the caller's general path).
    assert.ok(Number.isNaN(f.read('9007199254740993', 0, 16)));
  });

  it('a table over several column chunks reads back row by row: keys, lines, cells, figures and warnings', () => {
    const n = 2 * EBPF_CHUNK_ROWS + 123;
    const bad = EBPF_CHUNK_ROWS + 5; // a negative variance in the second chunk
    const lines = ['function,count,total_duration_ns,mean_ns,variance_us'];
    for (let r = 0; r < n; r++) lines.push(`fn_number_${r},${r + 1},${(r + 1) * 10},10,${r === bad ? -1 : 0.0001}`);
    const m = parseEbpf(lines.join('\n') + '\n', 'big.csv');
    const t = m.tables[0];
    assert.equal(t.table.rowCount, n);
    // Every row, across text blocks and column chunks (keys of 11 to 15 characters: no two blocks alike).
    for (let r = 0; r < n; r++) {
      if (ebpfRowKey(t, r) !== `fn_number_${r}` || ebpfLine(t, r) !== r + 2) assert.fail(`row ${r}: ${ebpfRowKey(t, r)} on line ${ebpfLine(t, r)}`);
    }
    const rows = ebpfPlainTable(t).rows;
    assert.deepEqual(rows[n - 1].cells.slice(0, 5), [`fn_number_${n - 1}`, n, n * 10, 10, 0.0001]);
    // Integer columns in 32-bit chunks, the variance (fractions) in doubles.
    const kinds = t.table.cells.map((c) => (c.kind === 'number' ? c.chunks.map((x) => x.constructor.name).join() : c.kind));
    assert.deepEqual(kinds, ['text', 'Int32Array,Int32Array,Int32Array', 'Int32Array,Int32Array,Int32Array', 'Int32Array,Int32Array,Int32Array', 'Float64Array,Float64Array,Float64Array']);
    // Total time: 10 ns × (1 + 2 + … + n).
    assert.equal(t.totalNs, (10 * n * (n + 1)) / 2);
    assert.deepEqual(
      m.warnings.map((w) => w.line),
      [bad + 2],
    );
    assert.match(m.warnings[0].message, new RegExp(`^fn_number_${bad}: negative variance`));
  });
});

describe('median selection for the outlier check', () => {
  it('kthSmallest gives what a sort gives, with ties and any order', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rnd() * 60);
      const values = Float64Array.from({ length: n }, () => Math.floor(rnd() * (trial % 2 ? 5 : 1000)) / 7);
      const sorted = Float64Array.from(values).sort();
      const k = Math.floor(rnd() * n);
      assert.equal(kthSmallest(Float64Array.from(values), k), sorted[k], `${Array.from(values).join(',')} k=${k}`);
    }
  });

  it('the median of positive values over chunks equals the sorted middle, scaled; too few positives give none', () => {
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 100; trial++) {
      const chunks = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () =>
        // Spread over many magnitudes, with ties, zeros, negatives and blanks (NaN).
        Float64Array.from({ length: Math.floor(rnd() * 50) }, () => {
          const x = rnd();
          return x < 0.1 ? NaN : x < 0.2 ? 0 : x < 0.3 ? -x : Math.round(10 ** (rnd() * 12)) / 100;
        }),
      );
      const positive = Float64Array.from(chunks.flatMap((c) => Array.from(c).filter((v) => v * 1e3 > 0)).map((v) => v * 1e3)).sort();
      const expected = positive.length >= 5 ? positive[positive.length >> 1] : undefined;
      assert.equal(medianOfPositive(chunks, 1e3, 5), expected, chunks.map((c) => Array.from(c).join(',')).join(' | '));
    }
  });
});

describe('eBPF CSV cut short (head -c, a copy interrupted)', () => {
  it('cut inside a row: the rows before it whole, the cut row partial with located warnings, never a crash', () => {
    const csv = readFileSync(resolve(FIXTURES, 'ebpf-csv/ebpf_guest_stats.csv'), 'utf8');
    const rows = csv.trim().split('\n');
    // Cut in the exponent of row 6's variance (`-1.000000e-01` -> `-1.000000e`), then after its count.
    const inExponent = csv.slice(0, csv.indexOf(rows[5]) + rows[5].indexOf('e-01') + 1);
    const m = parseEbpf(inExponent, 'cut.csv');
    const t = m.tables[0];
    assert.equal(t.table.rowCount, 5);
    const last = ebpfPlainTable(t).rows[4];
    assert.equal(last.line, 6);
    assert.deepEqual(last.cells.slice(0, 7), ['iommu_flush_write_buffer', -1, 1046515, 750177138, 716.83, null, null]);
    assert.deepEqual(
      m.warnings.filter((w) => w.line === 6).map((w) => w.message),
      [
        'row has 6 cells for 7 columns (function, type, count, total_duration_ns, mean_ns, variance_us, count_per_page); missing cells left blank',
        "column 'variance_us': '-1.000000e' is not a number; cell left blank",
      ],
    );
    const afterCount = csv.slice(0, csv.indexOf(rows[5]) + 'iommu_flush_write_buffer,-1,1046515'.length);
    const m2 = parseEbpf(afterCount, 'cut.csv');
    assert.equal(m2.tables[0].table.rowCount, 5);
    assert.deepEqual(ebpfPlainTable(m2.tables[0]).rows[4].cells.slice(0, 7), ['iommu_flush_write_buffer', -1, 1046515, null, null, null, null]);
    assert.ok(m2.warnings.some((w) => w.line === 6 && /row has 3 cells for 7 columns/.test(w.message)));
  });
});

describe('eBPF CSV: decimal commas', () => {
  it('`;`-separated with decimal commas: numbers read with the comma as the point, said once on the header line', () => {
    const m = parseEbpf('function;count;total_ns\ntcp_sendmsg;1234;5,67e+06\nudp_sendmsg;10;1234,5\nip_output;2;1.234,5\n', 'eu.csv');
    const t = m.tables[0];
    assert.deepEqual(
      ebpfPlainTable(t).rows.map((r) => r.cells.slice(0, 3)),
      [
        ['tcp_sendmsg', 1234, 5.67e6],
        ['udp_sendmsg', 10, 1234.5],
        ['ip_output', 2, 1234.5],
      ],
    );
    // Share of time from the hand-read totals.
    const sum = 5.67e6 + 1234.5 + 1234.5;
    assert.ok(Math.abs(ebpfAllRowStats(t)[1].share! - 1234.5 / sum) < 1e-12);
    assert.equal(m.warnings.length, 1);
    assert.equal(m.warnings[0].line, 1);
    assert.match(m.warnings[0].message, /decimal comma/);
  });

  it('`;` with decimal points reads as usual and says nothing; `1,234` is 1.234 under `;`', () => {
    const points = parseEbpf('function;count;total_ns\na;1;1234.5\n');
    assert.deepEqual(ebpfPlainTable(points.tables[0]).rows[0].cells.slice(0, 3), ['a', 1, 1234.5]);
    assert.deepEqual(points.warnings, []);
    const comma = parseEbpf('function;count;total_ns\na;1;1,234\n');
    assert.equal(ebpfPlainTable(comma.tables[0]).rows[0].cells[2], 1.234);
  });

  it('with `,` as the delimiter a quoted `1,234` is thousands grouping (1234), never 1.234', () => {
    const m = parseEbpf('function,count,total_ns\na,"1,234",10\nb,2,"5,000,000"\n');
    assert.deepEqual(
      ebpfPlainTable(m.tables[0]).rows.map((r) => r.cells.slice(0, 3)),
      [
        ['a', 1234, 10],
        ['b', 2, 5000000],
      ],
    );
    assert.ok(!m.warnings.some((w) => /decimal comma/.test(w.message)));
  });

  it('a column of integers that turns fractional, blank or -0 mid-chunk keeps every value', () => {
    const cells = ['1', '2', '2147483647', '3.5', '', '-0', '-2147483648', '2147483648', '7'];
    // (Keys blank in the middle of a block read back blank.)
    const m = parseEbpf(['function,count,total_ns', ...cells.map((c, i) => `${i % 3 === 1 ? '' : `f${i}`},1,${c}`)].join('\n') + '\n');
    assert.deepEqual(
      ebpfPlainTable(m.tables[0]).rows.map((r) => r.cells[0]),
      cells.map((_, i) => (i % 3 === 1 ? null : `f${i}`)),
    );
    const got = ebpfPlainTable(m.tables[0]).rows.map((r) => r.cells[2]);
    const expected = [1, 2, 2147483647, 3.5, null, -0, -2147483648, 2147483648, 7];
    got.forEach((v, i) => assert.ok(Object.is(v, expected[i]), `${cells[i]} -> ${String(v)}`));
  });

  it('the fast path and the general path agree on `;` rows with decimal commas', () => {
    const lines = ['f;1;10,5;2,25;0,5', 'g;2;1.234,5;3;-0,25', 'h;3;7;1,5e+03;1,2,3', 'k;4; 1,5;2;3'];
    const { fast, general } = bothWays(lines, ';', true);
    assert.deepStrictEqual(fast.rows, general.rows);
    assert.deepStrictEqual(fast.warnings, general.warnings);
    assert.deepEqual(fast.rows[0].cells.slice(0, 5), ['f', 1, 10.5, 2.25, 0.5]);
    assert.deepEqual(fast.rows[1].cells.slice(0, 5), ['g', 2, 1234.5, 3, -0.25]);
    assert.equal(fast.rows[2].cells[3], 1500);
  });
});
