import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LineReader } from '../../src/parsers/formatDefinition';
import { ebpfCsvFormat, parseEbpf } from '../../src/parsers/ebpf-csv';
import { parseRunLog, runLogFormat } from '../../src/parsers/run-log';
import { FIXTURES } from '../helpers/golden';
import { readCorpus } from '../helpers/corpus';

function reader(text: string): LineReader {
  const lines = text.split('\n');
  return { lineCount: lines.length, lineAt: (i) => lines[i] };
}

const SEED = readFileSync(resolve(FIXTURES, 'run-log/iommu-runs.md'), 'utf8');

describe('run-log editor features', () => {
  const editor = runLogFormat.editor!;
  const index = editor.hoverIndex!(parseRunLog(SEED));
  const doc = reader(SEED);
  const lineOf = (from: number, prefix: RegExp) => {
    for (let i = from; i < doc.lineCount; i++) if (prefix.test(doc.lineAt(i))) return i;
    throw new Error(`${prefix} not found`);
  };

  it('hover on a function row: its figures in this run and in every other run of the file', () => {
    const line = lineOf(0, /^8\s+qi_submit_sync/); // run 1 (8 cores)
    const h = editor.hover!(doc, line, 10, undefined, index)!;
    assert.equal(h.title, 'qi_submit_sync');
    // Hand-computed from the seed row: 12048701206 ns total, 11541.37 ns mean, sqrt(87.35 µs²) = 9.35 µs.
    assert.match(h.paragraphs[0], /^8 cores, 8 flows · Skip writel inside qi_submit_sync · 2025-10-06 19:38:52: count 1,043,958 · total 12.05 s · mean 11.54 µs · stddev 9.35 µs · /);
    assert.match(h.paragraphs[0], /0\.007728 per page/);
    // 12048701206 ns of the run's 2,476,081,925,225 ns (the sum of its 13 rows' total_duration_ns) = 0.49%.
    assert.match(h.paragraphs[0], /· 0\.5% of the run's time ·/);
    assert.equal(h.paragraphs[1], 'In the other runs of this file:');
    // qi_submit_sync is in the other two runs of group 1 and in no run of group 2 (its tables have no such row).
    const others = h.paragraphs.slice(2, -1);
    assert.deepEqual(others.map((p) => p.split(':')[0]), ['16 cores, 16 flows · Skip writel inside qi_submit_sync · 2025-10-06 20', '20 cores, 20 flows · Skip writel inside qi_submit_sync · 2025-10-06 20']);
    assert.match(others[0], /count 1,798,525 · total 4.78 s · mean 2.66 µs/);
    assert.equal(h.paragraphs.at(-1), 'Not in 3 of the 6 runs.');
  });

  it('hover on a metric line: its value in every run', () => {
    const h = editor.hover!(doc, lineOf(0, /^Throughput:/), 2, undefined, index)!;
    assert.equal(h.title, 'Throughput');
    assert.deepEqual(h.paragraphs.map((p) => p.replace(/^.*: /, '')), ['221.323', '344.445', '273.807', '205.745', '278.491', '336.996']);
    const nested = editor.hover!(doc, lineOf(0, /^\s+PWT Occupancy:/), 12, undefined, index)!;
    assert.equal(nested.title, 'Per page stats/PWT Occupancy');
    assert.match(nested.paragraphs[0], /: 1327972808\.688$/);
    assert.equal(editor.hover!(doc, 0, 0, undefined, index), undefined);
  });

  it('outline: groups, runs and their functions, in file order', () => {
    const items = editor.outline!(doc);
    const names = items.map((i) => i.name);
    assert.equal(names[0], 'Skip writel inside qi_submit_sync');
    assert.equal(names[1], '8 cores, 8 flows · Skip writel inside qi_submit_sync · 2025-10-06 19:38:52');
    assert.equal(names[2], 'iommu_map');
    assert.equal(items.filter((i) => i.detail === 'group').length, 2);
    assert.equal(items.filter((i) => / cores, /.test(i.name)).length, 6);
    assert.equal(items.length, 2 + 6 + 13 + 13 + 15 + 13 + 11 + 13);
    const run = items[1];
    assert.deepEqual([run.start, run.selection], [4, 4]);
    assert.equal(run.end, 30); // 0-based: the last table row of run 1 is line 31, the fence line 32
  });
});

describe('eBPF editor features', () => {
  const editor = ebpfCsvFormat.editor!;
  it('hover on a CSV row and on a histogram header', () => {
    const csv = readFileSync(resolve(FIXTURES, 'ebpf-csv/ebpf_guest_stats.csv'), 'utf8');
    const h = editor.hover!(reader(csv), 1, 0, undefined, editor.hoverIndex!(parseEbpf(csv)))!;
    assert.equal(h.title, 'iommu_map');
    assert.match(h.paragraphs[0], /^count 1,047,815 · total 23.28 s · mean 22.22 µs · stddev 24.81 µs · 0.9% of the table's time · 0.007757 per page · 172.36 ns per page$/);
    const text = readCorpus('bcc/tools/funclatency_example.txt');
    const hh = editor.hover!(reader(text), 8, 0, undefined, editor.hoverIndex!(parseEbpf(text)))!;
    assert.match(hh.paragraphs[0], /^476 events in 22 log2 buckets; estimated p50 5.70 µs/);
  });

  it('outline lists tables with their rows by total time, and histograms', () => {
    const csv = readFileSync(resolve(FIXTURES, 'ebpf-csv/ebpf_guest_stats.csv'), 'utf8');
    const items = editor.outline!(reader(csv));
    assert.equal(items[0].name, 'table 1');
    assert.equal(items[1].name, 'page_pool_put_unrefed_page');
    assert.equal(items.length, 14);
    const hist = editor.outline!(reader(readCorpus('bpftrace/tools/runqlat_example.txt')));
    assert.deepEqual(hist.map((i) => i.name), ['@usecs', '@usecs', '@usecs', '@usecs']);
  });
});

describe('eBPF hover index', () => {
  it("the tables' columns (typed arrays, cheap to send from the worker), no row objects: every row found, absent figures stay absent", () => {
    const rows = ['function,count,total_ns,mean_ns,variance_ns'];
    for (let i = 0; i < 100000; i++) rows.push(`f${i},2,${2 * i},${i},${i % 2 ? -1 : 4}`);
    const text = rows.join('\n');
    const editor = ebpfCsvFormat.editor!;
    const index = editor.hoverIndex!(parseEbpf(text));
    // count (all 2) is kept as 32-bit integers; variance_ns has -1 and 4 only, also integers.
    const cells = index.rows.tables[0].table.cells[1];
    assert.ok(cells.kind === 'number' && cells.chunks.every((c) => c instanceof Int32Array) && index.rows.tables[0].table.lines.every((c) => c instanceof Int32Array));
    assert.equal(structuredClone(index).rows.tables[0].table.rowCount, 100000);
    const doc = reader(text);
    const h = editor.hover!(doc, 54321, 0, undefined, index)!; // line 54322: f54320
    assert.equal(h.title, 'f54320');
    assert.match(h.paragraphs[0], /^count 2 · total 108.64 µs · mean 54.32 µs · stddev 2 ns · /);
    const neg = editor.hover!(doc, 2, 0, undefined, index)!; // f1: variance -1
    assert.match(neg.paragraphs[0], /stddev — \(negative variance\)/);
    assert.equal(editor.hover!(doc, 0, 0, undefined, index), undefined);
  });
});
