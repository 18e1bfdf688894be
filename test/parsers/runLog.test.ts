import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkTable, numberCell } from '../../src/model/table';
import { ebpfAllRowStats, ebpfPlainTable } from '../../src/model/ebpfRows';
import { parseRunLog, RunLogParser } from '../../src/parsers/run-log';
import { runLogFormat } from '../../src/parsers/run-log';
import { runNameFacts } from '../../src/parsers/run-log/runName';
import { runBanner } from '../../src/parsers/run-log/parser';
import { FIXTURES } from '../helpers/golden';
import { switchableLanguage, takesOver } from '../../src/parsers/languageTakeover';
import { detectFormat } from '../../src/parsers/detect';
import { formatById } from '../../src/parsers/formats';
import { parseEbpf } from '../../src/parsers/ebpf-csv';
import { ebpfApplies } from '../../src/parsers/ebpf-csv/applies';
import { formatHead } from '../../src/parsers/formatDefinition';

const SEED = readFileSync(resolve(FIXTURES, 'run-log/iommu-runs.md'), 'utf8');
const GROUP_1 = 'Skip writel inside qi_submit_sync';
const GROUP_2 = 'Skip writel by completely skipping adding inv desc to the queue';
const VARIANT = 'iommufd-no-writel-host-strict-guest-on-nested-ringbuf-512_sokcetbuf1';

/** Read off the seed by hand: run banner line, group, date, flows, cores, the metrics in file order, table rows. */
const RUNS = [
  { line: 5, group: GROUP_1, date: '2025-10-06 19:38:52', flows: 8, cores: 8, rows: 13,
    metrics: [221.323, 99.9435, 2.16e-6, 0.016818608357920324, 1.193588035875169, 10.154951503097283, 18.511458759769134, 0.10790433717236798, 2.46306754547878, 1327972808.688] },
  { line: 35, group: GROUP_1, date: '2025-10-06 20:29:06', flows: 16, cores: 16, rows: 13,
    metrics: [344.445, 88.65359375, 0.0006922006, 0.04947615057498294, 1.1823682853053463, 10.051158940975725, 18.71930524478509, 0.0, 2.3886559346902527, 2404329229.812] },
  { line: 65, group: GROUP_1, date: '2025-10-06 20:33:59', flows: 20, cores: 20, rows: 15,
    metrics: [273.807, 88.6303, 0.0008421404, 0.027850167138166664, 1.1876182486481939, 10.057482141626705, 16.625878772712163, 0.0, 2.371095155346649, 1754318361.312] },
  { line: 99, group: GROUP_2, date: '2025-10-06 19:20:34', flows: 8, cores: 8, rows: 13,
    metrics: [205.745, 18.4179375, 0.0002968918, 0.024417714370701595, 1.109332706970201, 9.793780529278864, 18.30769636900046, 0.0, 2.0692728206013467, 1167869442.235] },
  { line: 129, group: GROUP_2, date: '2025-10-06 19:09:36', flows: 16, cores: 16, rows: 11,
    metrics: [278.491, 99.8200625, 0.0007358606, 0.04088521947782873, 1.3003971434049932, 11.068191231112015, 19.45128046858109, 0.0, 2.6470694707678737, 2025183414.0] },
  { line: 157, group: GROUP_2, date: '2025-10-06 19:14:32', flows: 20, cores: 20, rows: 13,
    metrics: [336.996, 99.9726, 0.0041669753, 0.046164218162826856, 1.2341563189117972, 10.724418027914776, 15.919911099616042, 0.0, 2.459357086910278, 2153650287.471] },
];
const METRIC_IDS = ['Throughput', 'CPU Util', 'Drop rate', 'Acks per page', 'Per page stats/IOTLB Miss', 'Per page stats/IOTLB First Lookup', 'Per page stats/IOTLB All Lookups', 'Per page stats/IOTLB Inv', 'Per page stats/IOMMU Mem Access', 'Per page stats/PWT Occupancy'];
const COLUMNS = ['function', 'type', 'count', 'total_duration_ns', 'mean_ns', 'variance_us', 'count_per_page'];

describe('run-metric log parser: seed 000 (6 runs in a Markdown note)', () => {
  const log = parseRunLog(SEED, 'iommu-runs.md');

  it('is detected as a run log and parses as 6 runs in 2 groups', () => {
    assert.equal(runLogFormat.applies({ text: SEED, lines: SEED.split('\n') }).verdict, 'yes');
    assert.equal(log.runs.length, 6);
    assert.deepEqual(log.groups, [{ name: GROUP_1, line: 3 }, { name: GROUP_2, line: 97 }]);
  });

  it('every run: name facts, metrics (nested Per page stats), source CSV path — numbers exact', () => {
    log.runs.forEach((run, i) => {
      const want = RUNS[i];
      assert.equal(run.line, want.line, `run ${i}`);
      assert.equal(run.group, want.group);
      assert.deepEqual(run.facts, { date: want.date, kernel: '6.12.9', flows: want.flows, cores: want.cores, variant: VARIANT });
      assert.deepEqual(run.metrics.map((m) => m.id), METRIC_IDS);
      assert.deepEqual(run.metrics.map((m) => m.value), want.metrics);
      assert.deepEqual(run.metrics.map((m) => m.line), METRIC_IDS.map((_, k) => want.line + 1 + k + (k >= 4 ? 1 : 0)));
      assert.equal(run.metrics[4].section, 'Per page stats');
      assert.deepEqual(run.csvPaths, [`../utils/reports/${run.name}-RUN-0/ebpf_guest_stats.csv`]);
      assert.ok(run.name.endsWith(`flow${String(want.flows).padStart(2, '0')}-host-strict-guest-on-nested-ringbuf-512_sokcetbuf1_${want.cores}cores`));
    });
  });

  it('every table cell equals the seed line split on white space (an independent reading)', () => {
    const lines = SEED.split('\n');
    log.runs.forEach((run, i) => {
      assert.equal(run.tables.length, 1);
      const t = run.tables[0];
      assert.equal(checkTable(ebpfPlainTable(t)), undefined);
      assert.equal(t.title, run.csvPaths[0]);
      assert.deepEqual(t.table.columns.slice(0, 7).map((c) => c.id), COLUMNS);
      assert.equal(ebpfPlainTable(t).rows.length, RUNS[i].rows);
      assert.equal(t.line, RUNS[i].line + 13);
      ebpfPlainTable(t).rows.forEach((row, r) => {
        const fields = lines[row.line - 1].trim().split(/\s+/);
        assert.equal(fields[0], String(r), 'pandas index');
        assert.deepEqual(row.cells.slice(0, 7), [fields[1], ...fields.slice(2).map(Number)]);
      });
    });
  });

  it('hand-read rows: qi_submit_sync in run 1, the e-notation count_per_page of run 3', () => {
    const t1 = ebpfPlainTable(log.runs[0].tables[0]);
    const qi = t1.rows.find((r) => r.cells[0] === 'qi_submit_sync')!;
    assert.equal(qi.line, 27);
    assert.deepEqual(qi.cells.slice(0, 7), ['qi_submit_sync', -1, 1043958, 12048701206, 11541.37, 87.35, 0.007728]);
    const t3 = ebpfPlainTable(log.runs[2].tables[0]);
    const slow = t3.rows.find((r) => r.cells[0] === 'page_pool_alloc_pages_slow')!;
    assert.deepEqual(slow.cells.slice(0, 7), ['page_pool_alloc_pages_slow', -1, 10, 85974405, 8597440.5, 6412534, 5.983777e-8]);
    assert.equal(numberCell(t3, t3.rows[0], 'variance_us'), 4.326659e12);
    // Run 5 has no qi_submit_sync row.
    assert.ok(!ebpfPlainTable(log.runs[4].tables[0]).rows.some((r) => r.cells[0] === 'qi_submit_sync'));
  });

  it('negative variances: one located warning per negative variance_us cell, none for the others', () => {
    const lines = SEED.split('\n');
    const negative: number[] = [];
    lines.forEach((l, i) => {
      const f = l.trim().split(/\s+/);
      if (f.length === 8 && /^\d+$/.test(f[0]) && Number(f[6]) < 0) negative.push(i + 1);
    });
    // Counted by hand from the seed: 3 + 2 + 1 + 8 + 3 + 3.
    assert.equal(negative.length, 20);
    const warned = log.warnings.filter((w) => /negative variance/.test(w.message)).map((w) => w.line);
    assert.deepEqual(warned, negative);
    assert.match(log.warnings.find((w) => w.line === 20)!.message, /__iommu_map: negative variance \(variance_us -0.52\)/);
  });

  it('extreme outliers flagged: the 22.6 ms iommu_map mean of the 20-core run among µs neighbours; no impossible means', () => {
    const at = (line: number) => log.warnings.filter((w) => w.line === line).map((w) => w.message).join('\n');
    assert.match(at(79), /iommu_map: extreme outlier: mean 22.60 ms/);
    assert.equal(log.warnings.filter((w) => /impossible mean|count is 0/.test(w.message)).length, 0);
    // Every warning is on a table row line.
    for (const w of log.warnings) assert.match(SEED.split('\n')[w.line - 1], /^\d+\s+\S+\s+-1\s/, w.message);
  });

  it('derived figures: share of the run time sums to 1, stddev from variance in µs²', () => {
    for (const run of log.runs) {
      let s = 0;
      for (const st of ebpfAllRowStats(run.tables[0])) s += st.share!;
      assert.ok(Math.abs(s - 1) < 1e-12);
    }
    const qi = ebpfAllRowStats(log.runs[0].tables[0]).find((s) => s.key === 'qi_submit_sync')!;
    assert.ok(Math.abs(qi.stddevNs! - Math.sqrt(87.35) * 1000) < 1e-9);
    assert.ok(Math.abs(qi.timePerUnitNs! - 12048701206 / (1043958 / 0.007728)) < 1e-9);
  });

  it('same model whatever the chunking', () => {
    const p = new RunLogParser();
    for (let i = 0; i < SEED.length; i += 7) p.push(SEED.slice(i, i + 7));
    p.end();
    assert.deepEqual(p.toModel('iommu-runs.md'), log);
  });
});

describe('run-metric log parser: names and bad input', () => {
  it('reads facts from run names by the built-in rules', () => {
    assert.deepEqual(runNameFacts('2025-10-06-19-38-52-6.12.9-iommufd-no-writel-flow08-host-strict_8cores'), {
      date: '2025-10-06 19:38:52', kernel: '6.12.9', flows: 8, cores: 8, variant: 'iommufd-no-writel-host-strict',
    });
    assert.deepEqual(runNameFacts('baseline'), { variant: 'baseline' });
  });

  it('a configurable name pattern', () => {
    const text = '------- tcp-zc_c4_f2 Run Metrics -------\nThroughput: 10\n';
    const log = parseRunLog(text, 'x', { namePattern: '^(?<variant>[\\w-]+)_c(?<cores>\\d+)_f(?<flows>\\d+)$' });
    assert.deepEqual(log.runs[0].facts, { variant: 'tcp-zc', cores: 4, flows: 2 });
    const bad = parseRunLog(text, 'x', { namePattern: '(' });
    assert.match(bad.warnings[0].message, /not a valid regular expression/);
    assert.equal(bad.runs[0].facts.variant, 'tcp-zc_c4_f2');
  });

  it('metrics after the table end it; a percent sign is the unit', () => {
    const text = [
      '------- r_4cores Run Metrics -------',
      'CPU Util: 99.5%',
      '   function  count  total_ns',
      '0         f     10      1000',
      'Total eBPF time: 1000 ns',
    ].join('\n');
    const log = parseRunLog(text);
    assert.deepEqual(log.runs[0].metrics.map((m) => [m.id, m.value, m.unit]), [['CPU Util', 99.5, '%'], ['Total eBPF time', 1000, 'ns']]);
    assert.equal(ebpfPlainTable(log.runs[0].tables[0]).rows.length, 1);
    assert.deepEqual(log.warnings, []);
  });

  it('plain (no Markdown), units after values, a run without metrics, a non-number, a cut table', () => {
    const text = [
      '------- a_8cores Run Metrics -------',
      'Throughput: 10.5 Gbps',
      'CPU Util: n/a',
      'Reading eBPF stats from /tmp/a.csv',
      '        function  count  total_ns  mean_ns',
      '0             f     10      1000    100.0',
      '1             g      5',
      '------- b_16cores Run Metrics -------',
      '------- c_20cores Run Metrics -------',
      'Throughput: 12',
      'garbage here',
    ].join('\n');
    const log = parseRunLog(text);
    assert.equal(log.runs.length, 3);
    assert.deepEqual(log.runs[0].metrics.map((m) => [m.id, m.value, m.unit]), [['Throughput', 10.5, 'Gbps']]);
    assert.equal(ebpfPlainTable(log.runs[0].tables[0]).rows.length, 2);
    const at = (line: number) => log.warnings.filter((w) => w.line === line).map((w) => w.message).join('\n');
    assert.match(at(3), /metric 'CPU Util': 'n\/a' is not a number/);
    assert.match(at(7), /row has 2 cells for 4 columns/);
    assert.match(at(8), /run 'b_16cores' has no metrics/);
    assert.match(at(11), /expected a 'Name: value' metric/);
    assert.deepEqual(log.runs.map((r) => r.facts.cores), [8, 16, 20]);
  });
});

describe('run logs in Markdown documents', () => {
  it('a yes verdict switches plain text and Markdown documents to run-log, other languages are left alone', () => {
    const d = detectFormat(SEED);
    assert.equal(d.verdict, 'yes');
    const def = formatById(d.format!)!;
    assert.equal(def.languageId, 'run-log');
    assert.ok(switchableLanguage('markdown') && switchableLanguage('plaintext'));
    assert.ok(!switchableLanguage('python'));
    assert.ok(takesOver(def, 'markdown') && takesOver(def, 'plaintext'));
    // `.log` files open in VS Code's Log language: a run log (or strace -c) saved as .log switches too.
    assert.ok(switchableLanguage('log') && takesOver(def, 'log') && takesOver(formatById('strace-summary')!, 'log'));
    // A perf script saved as Markdown stays Markdown: only run logs live in notes.
    assert.ok(!takesOver(formatById('perf-script')!, 'markdown'));
  });
});

describe('run logs: Markdown details', () => {
  it('# lines inside fences are not headings; === banners count', () => {
    const text = ['# Study', '```', '# ./run.sh --cores 8', '======= a_8cores Run Metrics =======', 'Throughput: 1', '```', '## Next', '------- b_16cores Run Metrics -------', 'Throughput: 2'].join('\n');
    const log = parseRunLog(text);
    assert.deepEqual(log.groups.map((g) => g.name), ['Study', 'Next']);
    assert.deepEqual(log.runs.map((r) => [r.name, r.group]), [['a_8cores', 'Study'], ['b_16cores', 'Next']]);
    assert.deepEqual(log.warnings, []);
  });
});

describe('runs that print several eBPF tables', () => {
  const text = [
    '------- a_8cores Run Metrics -------',
    'Throughput: 1',
    'Reading eBPF stats from /r/a/ebpf_guest_stats.csv',
    '   function  count  total_ns',
    '0         f     10      1000',
    'Reading eBPF stats from /r/a/ebpf_host_stats.csv',
    '   function  count  total_ns',
    '0         f      2        50',
    '------- b_16cores Run Metrics -------',
    'Throughput: 2',
    'Reading eBPF stats from /r/b/ebpf_guest_stats.csv',
    '   function  count  total_ns',
    '0         f     20      3000',
    'Reading eBPF stats from /r/b/ebpf_host_stats.csv',
  ].join('\n');
  const log = parseRunLog(text);

  it('keeps every table, titled by the CSV path named before it; a path with no table is warned', () => {
    assert.deepEqual(log.runs.map((r) => r.tables.map((t) => t.title)), [['/r/a/ebpf_guest_stats.csv', '/r/a/ebpf_host_stats.csv'], ['/r/b/ebpf_guest_stats.csv']]);
    assert.deepEqual(log.runs[1].csvPaths, ['/r/b/ebpf_guest_stats.csv', '/r/b/ebpf_host_stats.csv']);
    assert.deepEqual(log.warnings.map((w) => [w.line, w.message]), [[14, "run 'b_16cores' names /r/b/ebpf_host_stats.csv but prints no eBPF table after it"]]);
  });

  it('hovers match a function across runs within the same kind of table', () => {
    const editor = runLogFormat.editor!;
    const index = editor.hoverIndex!(log);
    const lines = text.split('\n');
    const doc = { lineCount: lines.length, lineAt: (i: number) => lines[i] };
    const host = editor.hover!(doc, 7, 12, undefined, index)!; // line 8: f in a's host table
    assert.equal(host.title, 'f');
    // The share is of that table's time when the run printed several tables.
    assert.deepEqual(host.paragraphs, ["8 cores · a — ebpf_host_stats.csv: count 2 · total 50 ns · 100.0% of the table's time", 'Not in 1 of the 2 runs.']);
    assert.equal(host.paragraphs.at(-1), 'Not in 1 of the 2 runs.');
    const guest = editor.hover!(doc, 4, 12, undefined, index)!; // line 5: f in a's guest table
    assert.deepEqual(guest.paragraphs.slice(1), ['In the other runs of this file:', "16 cores · b: count 20 · total 3.00 µs · 100.0% of the run's time"]);
  });
});

describe('tables as Markdown pipe tables (DataFrame.to_markdown())', () => {
  it('in a run block and as eBPF text, with the index column and a missing separator warned', () => {
    const table = ['|    | function   |   count |   total_duration_ns |', '|---:|:-----------|--------:|--------------------:|', '|  0 | iommu_map  |      10 |                1000 |', '|  1 | a \\| b     |       4 |                  40 |'];
    const log = parseRunLog(['------- r_4cores Run Metrics -------', 'Throughput: 3', 'Reading eBPF stats from x/ebpf_guest_stats.csv', ...table, '', 'prose after'].join('\n'));
    const t = log.runs[0].tables[0];
    assert.deepEqual(t.table.columns.slice(0, 4).map((c) => c.id), ['index', 'function', 'count', 'total_duration_ns']);
    assert.deepEqual(ebpfPlainTable(t).rows.map((r) => [r.line, ...r.cells.slice(0, 4)]), [[6, 0, 'iommu_map', 10, 1000], [7, 1, 'a | b', 4, 40]]);
    assert.deepEqual(log.warnings, []);
    const text = parseEbpf(table.join('\n'));
    assert.deepEqual(ebpfPlainTable(text.tables[0]).rows.map((r) => r.cells[1]), ['iommu_map', 'a | b']);
    assert.equal(ebpfApplies(formatHead(table.join('\n'))).verdict, 'yes');
    // The same with a pandas print: prose after a blank line ends the run block quietly.
    const pandas = parseRunLog(['------- r_4cores Run Metrics -------', 'Throughput: 3', '   function  count', '0         f      1', '', 'prose after', 'more prose'].join('\n'));
    assert.deepEqual(pandas.warnings, []);
    assert.equal(ebpfPlainTable(pandas.runs[0].tables[0]).rows.length, 1);
    const noSep = parseEbpf([table[0], table[2]].join('\n'));
    assert.match(noSep.warnings[0].message, /pipe table without its '\|---\|' separator/);
    assert.equal(ebpfPlainTable(noSep.tables[0]).rows.length, 1);
  });
});

describe('run banners', () => {
  it('rules of - or =, the closing rule optional, "Run Metrics" in any case; nothing else', () => {
    assert.equal(runBanner('------- a_8cores Run Metrics -------'), 'a_8cores');
    assert.equal(runBanner('======= a b c Run Metrics ======='), 'a b c');
    assert.equal(runBanner('------- a_8cores Run Metrics'), 'a_8cores');
    assert.equal(runBanner('  --- a_8cores run metrics ---  '), 'a_8cores');
    assert.equal(runBanner('------- Run Metrics -------'), undefined);
    assert.equal(runBanner('------- a_8cores Run Metrics-------'), undefined);
    assert.equal(runBanner('------- a_8cores XRun Metrics -------'), undefined);
    assert.equal(runBanner('a_8cores Run Metrics'), undefined);
    assert.equal(runBanner('---------------------------------'), undefined);
  });
});
