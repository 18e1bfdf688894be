import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { WarningLog } from '../../src/model/diagnostics';
import { CsvRecordReader, type CsvRecord } from '../../src/parsers/ebpf-csv/csvRecords';
import { resolve } from 'node:path';
import { checkTable, numberCell } from '../../src/model/table';
import { ebpfAllRowStats, ebpfPlainTable } from '../../src/model/ebpfRows';
import { parseEbpf, EbpfParser } from '../../src/parsers/ebpf-csv';
import { ebpfApplies } from '../../src/parsers/ebpf-csv/applies';
import { formatHead } from '../../src/parsers/formatDefinition';
import { headerRole } from '../../src/parsers/shared/ebpfColumns';
import { bucketPercentile } from '../../src/parsers/shared/histogram';
import { FIXTURES } from '../helpers/golden';
import { corpusFile, readCorpus } from '../helpers/corpus';

const SEED_CSV = readFileSync(resolve(FIXTURES, 'ebpf-csv/ebpf_guest_stats.csv'), 'utf8');

describe('eBPF CSV: column roles', () => {
  it('reads roles and units from names and suffixes', () => {
    assert.deepEqual(headerRole('total_duration_ns'), { role: 'total', unit: 'ns' });
    assert.deepEqual(headerRole('mean_ns'), { role: 'mean', unit: 'ns' });
    assert.deepEqual(headerRole('variance_us'), { role: 'variance', unit: 'us' });
    assert.deepEqual(headerRole('count_per_page'), { role: 'perUnit', unit: 'none', per: 'page' });
    assert.deepEqual(headerRole('function'), { role: 'key', unit: 'none' });
    assert.deepEqual(headerRole('COMM'), { role: 'key', unit: 'none' });
    assert.deepEqual(headerRole('LATENCY_us'), { role: 'time', unit: 'us' });
    assert.deepEqual(headerRole('OFFSET_b'), { role: 'bytes', unit: 'bytes' });
    assert.deepEqual(headerRole('TIME (us)'), { role: 'time', unit: 'us' });
    assert.deepEqual(headerRole('stddev_ms'), { role: 'stddev', unit: 'ms' });
    assert.deepEqual(headerRole('mean_xs'), { role: 'mean', unit: 'none', unknownUnit: 'xs' });
  });
});

describe('eBPF CSV parser', () => {
  it('reads the seed table back from CSV: typed cells, units, derived columns, every value as printed', () => {
    const m = parseEbpf(SEED_CSV, 'ebpf_guest_stats.csv');
    assert.equal(m.tables.length, 1);
    const t = m.tables[0];
    assert.equal(checkTable(ebpfPlainTable(t)), undefined);
    assert.equal(ebpfPlainTable(t).rows.length, 13);
    assert.deepEqual(t.table.keys, ['function']);
    const row = ebpfPlainTable(t).rows[0];
    assert.deepEqual(row.cells.slice(0, 7), ['iommu_map', -1, 1047815, 23282950277, 22220.48, 615.39, 0.007757]);
    assert.equal(row.line, 2);
    // Derived: share of the table's total, stddev = sqrt(variance in µs²) in ns, time per page.
    let total = 0;
    for (const r of ebpfPlainTable(t).rows) total += numberCell(t.table, r, 'total_duration_ns')!;
    assert.equal(t.totalNs, total);
    assert.ok(Math.abs(numberCell(t.table, row, 'share_of_time')! - (23282950277 / total) * 100) < 1e-9);
    assert.ok(Math.abs(numberCell(t.table, row, 'stddev_ns')! - Math.sqrt(615.39) * 1000) < 1e-6);
    const pages = 1047815 / 0.007757;
    assert.ok(Math.abs(numberCell(t.table, row, 'time_per_page_ns')! - 23282950277 / pages) < 1e-6);
    // variance_us holds µs² values: a plain number in the table, its unit kept as squareOf.
    assert.deepEqual(t.table.columns[5], { kind: 'number', id: 'variance_us', label: 'variance_us', unit: 'none' });
    assert.deepEqual(t.columns[5], { id: 'variance_us', role: 'variance', squareOf: 'us' });
    // A negative variance has no standard deviation.
    assert.equal(numberCell(t.table, ebpfPlainTable(t).rows[1], 'stddev_ns'), undefined);
    let shares = 0;
    for (const s of ebpfAllRowStats(t)) shares += s.share!;
    assert.ok(Math.abs(shares - 1) < 1e-12);
  });

  it('flags data-quality problems on their lines with a plain explanation', () => {
    const m = parseEbpf(SEED_CSV);
    const neg = m.warnings.filter((w) => /negative variance/.test(w.message)).map((w) => w.line);
    // variance_us is negative for __iommu_map (-0.52), iommu_flush_write_buffer (-0.1), __iommu_unmap (-0.61).
    assert.deepEqual(neg, [3, 6, 7]);
    assert.match(m.warnings.find((w) => w.line === 3)!.message, /__iommu_map: negative variance \(variance_us -0.52\)/);
    // page_pool_put_unrefed_page: mean 38.1 ms among µs neighbours, variance 2.17e13 µs².
    const outlier = m.warnings.filter((w) => w.line === 14).map((w) => w.message);
    assert.ok(outlier.some((w) => /extreme outlier: mean 38.11 ms/.test(w)));
    assert.ok(outlier.some((w) => /extreme spread/.test(w)));
    // Every mean in the seed matches total / count to its printed precision.
    assert.equal(m.warnings.filter((w) => /impossible mean/.test(w.message)).length, 0);
  });

  it('flags impossible means, time without calls, NaN/inf cells, unknown units and ragged rows', () => {
    const text = ['function,count,total_ns,mean_ns,latency_xs', 'a,10,1000,100.0,1', 'b,10,1000,150.0,1', 'c,0,500,0,1', 'd,5,NaN,inf,1', 'e,5,10', 'f,1,2,2,3,4'].join('\n');
    const m = parseEbpf(text);
    const at = (line: number) => m.warnings.filter((w) => w.line === line).map((w) => w.message);
    assert.deepEqual(at(2), []);
    assert.match(at(3).join(), /b: impossible mean: mean_ns × count = 1.50 µs but total_ns is 1.00 µs/);
    assert.match(at(4).join(), /c: count is 0 but total_ns is 500/);
    assert.match(at(5).join(), /'NaN' is not a finite number/);
    assert.match(at(5).join(), /'inf' is not a finite number/);
    assert.match(at(6).join(), /row has 3 cells for 5 columns/);
    assert.match(at(7).join(), /row has 6 cells for 5 columns/);
    assert.match(at(1).join(), /unknown unit 'xs'/);
    const t = m.tables[0];
    assert.equal(checkTable(ebpfPlainTable(t)), undefined);
    assert.equal(ebpfPlainTable(t).rows.length, 6);
    assert.equal(numberCell(t.table, ebpfPlainTable(t).rows[3], 'total_ns'), undefined);
  });

  it('RFC 4180: quoted fields with commas, escaped quotes and newlines, CRLF; rows on their start lines', () => {
    const text = 'function,count,total_ns\r\n"a,b",1,10\r\n"say ""hi""",2,20\r\n"multi\nline",3,30\r\nz,4,40\r\n';
    const m = parseEbpf(text);
    const t = m.tables[0];
    assert.deepEqual(ebpfPlainTable(t).rows.map((r) => r.cells.slice(0, 3)), [['a,b', 1, 10], ['say "hi"', 2, 20], ['multi\nline', 3, 30], ['z', 4, 40]]);
    assert.deepEqual(ebpfPlainTable(t).rows.map((r) => r.line), [2, 3, 4, 6]);
    assert.equal(m.warnings.length, 0);
  });

  it('same records whatever the chunking (one character at a time)', () => {
    const whole = parseEbpf(SEED_CSV);
    const p = new EbpfParser({ title: '<text>' });
    for (const c of SEED_CSV) p.push(c);
    p.end();
    assert.deepEqual(p.toModel('<text>').tables, whole.tables);
  });

  it('an unclosed quote is located and the rest parses', () => {
    const m = parseEbpf('function,count,total_ns\na,1,10\n"b,2,20\n');
    assert.ok(m.warnings.some((w) => w.line === 3 && /ends inside a quoted field/.test(w.message)));
    assert.equal(ebpfPlainTable(m.tables[0]).rows[0].cells[0], 'a');
  });

  it('tab- and semicolon-separated headers are read with their delimiter', () => {
    for (const d of ['\t', ';']) {
      const m = parseEbpf(['function', 'count', 'total_ns'].join(d) + '\n' + ['a b', '2', '10'].join(d) + '\n');
      assert.deepEqual(ebpfPlainTable(m.tables[0]).rows[0].cells.slice(0, 3), ['a b', 2, 10], JSON.stringify(d));
      assert.equal(ebpfApplies(formatHead(['function', 'count', 'total_ns'].join(d) + '\n')).verdict, 'yes');
    }
  });

  it('bcc --csv output (ext4slower): a per-event table keyed by TASK', () => {
    const m = parseEbpf(readCorpus('bcc/csv-extracts/ext4slower_example.block0.csv'));
    const t = m.tables[0];
    assert.equal(checkTable(ebpfPlainTable(t)), undefined);
    assert.equal(ebpfPlainTable(t).rows.length, readCorpus('bcc/csv-extracts/ext4slower_example.block0.csv').trim().split('\n').length - 1);
    assert.deepEqual(t.table.keys, ['task']);
    assert.deepEqual(ebpfPlainTable(t).rows[0].cells, [127200712278, 'bash', 17225, 'R', 128, 0, 14329, 'cksum']);
    assert.equal(m.warnings.length, 0);
  });

  it('a 100k-row CSV and a 1 MB line finish (bounded work per line)', () => {
    const rows = ['function,count,total_ns,mean_ns'];
    for (let i = 0; i < 100000; i++) rows.push(`f${i},2,${2 * i},${i}`);
    const m = parseEbpf(rows.join('\n') + '\nx,' + '1'.repeat(1 << 20) + ',1,1\n');
    assert.equal(ebpfPlainTable(m.tables[0]).rows.length, 100000);
    assert.deepEqual(m.warnings.map((w) => w.line), [100002]);
    assert.match(m.warnings[0].message, /skipped \(too long for an eBPF table row\)/);
  });
});

describe('eBPF detection', () => {
  const applies = (t: string) => ebpfApplies(formatHead(t)).verdict;
  it('by header content: eBPF CSVs yes, other CSVs no', () => {
    assert.equal(applies(SEED_CSV), 'yes');
    assert.equal(applies(readCorpus('bcc/csv-extracts/xfsslower_example.block0.csv')), 'yes');
    assert.equal(applies('name,age,city\nbob,3,x\n'), 'no');
    assert.equal(applies('a,b,c\n1,2,3\n'), 'no');
  });
  it('histograms and aligned tables', () => {
    assert.equal(applies(readCorpus('bcc/tools/funclatency_example.txt')), 'yes');
    assert.equal(applies(readCorpus('bpftrace/tools/runqlat_example.txt')), 'yes');
    assert.equal(applies('hello world\n'), 'no');
  });
});

describe('eBPF text: pandas tables, bcc tables, histograms, maps', () => {
  it('a pandas print of the seed table equals the CSV, including e-notation', () => {
    const lines = SEED_CSV.trim().split('\n').map((l) => l.split(','));
    const pandas = [`${''.padStart(30)}${lines[0].map((h) => h.padStart(20)).join('  ')}`.replace(/^ {30} +/, '  ' + ' '.repeat(10))];
    lines.slice(1).forEach((r, i) => pandas.push(`${String(i).padEnd(4)}${r.map((c) => c.padStart(28)).join('  ')}`));
    const fromText = parseEbpf(pandas.join('\n'));
    const fromCsv = parseEbpf(SEED_CSV);
    assert.deepEqual(ebpfPlainTable(fromText.tables[0]).rows.map((r) => r.cells), ebpfPlainTable(fromCsv.tables[0]).rows.map((r) => r.cells));
  });

  it('a wide pandas frame wrapped with \\ is joined by index', () => {
    const text = [
      '          function  count  \\',
      '0        iommu_map     10   ',
      '1      __iommu_map      4   ',
      '',
      '   total_duration_ns  mean_ns',
      '0               1000    100.0',
      '1                 40     10.0',
    ].join('\n');
    const m = parseEbpf(text);
    const t = m.tables[0];
    assert.deepEqual(t.table.columns.slice(0, 4).map((c) => c.id), ['function', 'count', 'total_duration_ns', 'mean_ns']);
    assert.deepEqual(ebpfPlainTable(t).rows.map((r) => r.cells.slice(0, 4)), [['iommu_map', 10, 1000, 100], ['__iommu_map', 4, 40, 10]]);
    assert.deepEqual(m.warnings, []);
  });

  it('pandas elided columns (...) and rows: one warning each, the other columns typed', () => {
    const text = [
      '          function  count  ...  mean_ns',
      '0        iommu_map     10  ...    100.0',
      '..            ...    ...  ...      ...',
      '9      __iommu_map      4  ...     10.0',
      '',
      '[10 rows x 5 columns]',
    ].join('\n');
    const m = parseEbpf(text);
    const t = m.tables[0];
    assert.deepEqual(ebpfPlainTable(t).rows.map((r) => [r.cells[0], r.cells[1], r.cells[3]]), [['iommu_map', 10, 100], ['__iommu_map', 4, 10]]);
    const warnings = [...m.warnings].sort((a, b) => a.line - b.line);
    assert.deepEqual(warnings.map((w) => w.line), [1, 3]);
    assert.match(warnings[0].message, /pandas elided columns here \('...' between count and mean_ns/);
    assert.match(warnings[1].message, /pandas elided rows here/);
    assert.equal(t.endLine, 6);
  });

  it('a wrapped frame cut before its second chunk: partial table and a warning', () => {
    const m = parseEbpf('          function  count  \\\n0        iommu_map     10   \n');
    assert.equal(ebpfPlainTable(m.tables[0]).rows.length, 1);
    assert.ok(m.warnings.some((w) => /wrapped .* the table is cut/.test(w.message)));
  });

  it('bcc syscount -L: keys with spaces, TIME (us) read as the total time per syscall', () => {
    const m = parseEbpf(readCorpus('bcc/tools/syscount_example.txt'));
    const t = m.tables.find((x) => x.table.columns.some((c) => c.id === 'time_us'))!;
    assert.deepEqual(ebpfPlainTable(t).rows[0].cells.slice(0, 3), ['select', 16, 3415860.022]);
    const unknown = ebpfPlainTable(t).rows.find((r) => String(r.cells[0]).startsWith('[unknown'));
    assert.deepEqual(unknown?.cells.slice(0, 3), ['[unknown: 321]', 32, 4.965]);
    assert.equal(ebpfAllRowStats(t)[0].totalNs, 3415860.022 * 1000);
  });

  it('bcc log2 histograms with percentiles; funclatency summary attached', () => {
    const m = parseEbpf(readCorpus('bcc/tools/funclatency_example.txt'));
    const h = m.histograms[0];
    assert.equal(h.title, 'nsecs');
    assert.equal(h.scale, 'log2');
    assert.equal(h.unit, 'ns');
    // 124 + 291 + 36 + 16 + 8 + 1 from the file, = its `count: 476`.
    assert.equal(h.total, 476);
    assert.deepEqual(h.summary, { avg: 13746, total: 6543360, count: 476 });
    assert.deepEqual(h.buckets.find((b) => b.count === 291), { low: 4096, high: 8192, count: 291, line: 22 });
    // Median: rank 238 lies in [4096, 8192) after 124 events: 4096 + 4096 * (238 - 124) / 291.
    assert.ok(Math.abs(h.percentiles!.p50 - (4096 + (4096 * 114) / 291)) < 1e-9);
  });

  it('bpftrace histograms: [0], [2, 4), [1K, 2K), open-ended buckets', () => {
    const m = parseEbpf(readCorpus('bpftrace/tests/runtime/outputs/hist.txt'));
    const h = m.histograms[0];
    assert.equal(h.title, '@');
    assert.deepEqual(h.buckets.slice(0, 4).map((b) => [b.low, b.high, b.count]), [[-Infinity, 0, 1], [0, 1, 0], [1, 2, 0], [2, 4, 2]]);
    const r = parseEbpf('@usecs:\n[1K, 2K)  3 |@@@|\n[2K, 4K)  1 |@|\n');
    assert.deepEqual(r.histograms[0].buckets.map((b) => [b.low, b.high]), [[1024, 2048], [2048, 4096]]);
    assert.equal(r.histograms[0].unit, 'us');
  });

  it('percentiles from buckets', () => {
    const b = [{ low: 0, high: 10, count: 50, line: 1 }, { low: 10, high: 20, count: 50, line: 2 }];
    assert.equal(bucketPercentile(b, 0.5), 10);
    assert.equal(bucketPercentile(b, 0.75), 15);
    assert.equal(bucketPercentile([], 0.5), undefined);
  });

  it('bpftrace JSON (-f json): histograms (keyed, open-ended), maps, NDJSON, stats; other types warned; a cut object located', () => {
    const out = 'bpftrace/tests/runtime/outputs/';
    const hist = parseEbpf(readCorpus(out + 'hist.json'));
    assert.equal(ebpfApplies(formatHead(readCorpus(out + 'hist.json'))).verdict, 'yes');
    assert.deepEqual(hist.histograms.map((h) => [h.title, h.total, h.scale]), [['@hist', 2, 'log2']]);
    assert.deepEqual(hist.histograms[0].buckets[0], { low: 2, high: 4, count: 1, line: 1 });
    const lhist = parseEbpf(readCorpus(out + 'lhist.json')).histograms[0];
    assert.deepEqual(lhist.buckets.at(-1), { low: 100, high: Infinity, count: 1, line: 1 });
    assert.equal(lhist.scale, 'linear');
    const keyed = parseEbpf(readCorpus(out + 'hist_multiple_multiple_keys.json'));
    assert.deepEqual(keyed.histograms.map((h) => [h.title, h.total]), [['@[bpftrace,2]', 1], ['@[curl,3]', 2]]);
    assert.deepEqual(parseEbpf(readCorpus(out + 'multiple_maps.ndjson')).maps, [
      { map: '@map1', key: 'key1', value: 2, line: 1 },
      { map: '@map2', key: 'key2', value: 3, line: 2 },
    ]);
    assert.deepEqual(parseEbpf(readCorpus(out + 'stats.json')).maps.map((m) => [m.key, m.value]), [['count', 2], ['average', 6], ['total', 12]]);
    assert.deepEqual(parseEbpf(readCorpus(out + 'scalar.json')).maps, [{ map: '@scalar', key: '', value: 5, line: 1 }]);
    const ts = parseEbpf(readCorpus(out + 'tseries.json'));
    assert.match(ts.warnings[0].message, /bpftrace 'tseries' output .* is not read/);
    const cut = parseEbpf('{"type": "map", "data": {\n  "@m": {"a": 1,\n');
    assert.deepEqual(cut.warnings.map((w) => [w.line, w.message]), [[1, 'the input ends inside this JSON object (cut output?)']]);
    const bad = parseEbpf('{"type": "map", "data": {"@m": {"a": 1}}}\n{"type": "map", "data": {"@m": {"b": }}}\n');
    assert.deepEqual(bad.maps.map((m) => m.key), ['a']);
    assert.match(bad.warnings[0].message, /^invalid JSON/);
    assert.equal(bad.warnings[0].line, 2);
  });

  it('bpftrace maps', () => {
    const m = parseEbpf('@syscalls[read]: 10\n@syscalls[write, 3]: 7\n@total: 17\n');
    assert.deepEqual(m.maps, [
      { map: '@syscalls', key: 'read', value: 10, line: 1 },
      { map: '@syscalls', key: 'write, 3', value: 7, line: 2 },
      { map: '@total', key: '', value: 17, line: 3 },
    ]);
  });
});

describe('eBPF CSV: the quote-free fast path equals csv-parse', () => {
  it('on every line of the bcc CSV extracts and on random quote-free lines (their fields are the text between delimiters)', () => {
    const lines: string[] = [];
    for (const f of readdirSync(corpusFile('bcc/csv-extracts'))) lines.push(...readCorpus(`bcc/csv-extracts/${f}`).split('\n').filter((l) => l.length > 0));
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = "ab ,\t1.e-_\\'";
    for (let i = 0; i < 500; i++) lines.push(Array.from({ length: 1 + Math.floor(rnd() * 20) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    const log = new WarningLog();
    for (const line of lines) {
      const got: CsvRecord[] = [];
      const reader = new CsvRecordReader((r) => got.push(r), (text, n) => got.push({ line: n, fields: text.split(',') }), log);
      reader.line(line, 1);
      reader.end();
      const expected = parse(line + '\n', { relax_column_count: true }) as string[][];
      assert.deepEqual(got.map((r) => r.fields), expected, JSON.stringify(line));
    }
    assert.equal(log.count, 0);
  });
});

describe('eBPF CSV as pandas and other tools write it', () => {
  it("pandas to_csv(): the index under an empty first label; a trailing delimiter on every line", () => {
    const indexed = parseEbpf(',function,count,total_ns\n0,iommu_map,10,1000\n1,__iommu_map,4,40\n');
    const t = indexed.tables[0];
    assert.deepEqual(t.table.columns.slice(0, 4).map((c) => c.id), ['index', 'function', 'count', 'total_ns']);
    assert.deepEqual(ebpfPlainTable(t).rows.map((r) => r.cells.slice(0, 4)), [[0, 'iommu_map', 10, 1000], [1, '__iommu_map', 4, 40]]);
    assert.deepEqual(t.table.keys, ['function']);
    assert.deepEqual(indexed.warnings, []);
    assert.equal(ebpfApplies(formatHead(',function,count,total_ns\n0,a,1,2\n')).verdict, 'yes');
    const trailing = parseEbpf('function,count,total_ns,\na,1,10,\n');
    assert.deepEqual(ebpfPlainTable(trailing.tables[0]).rows[0].cells.slice(0, 4), ['a', 1, 10, null]);
    assert.deepEqual(trailing.warnings, []);
    // Still no CSV: prose with commas.
    assert.equal(parseEbpf('Hello, world, again\n').tables.length, 0);
  });
});
