/** `perflens parse` JSON of the eBPF and run-log models: plain JSON, numbers as numbers, goldens reviewed by hand. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportModelJson } from '../../src/analysis/modelJson';
import { parseEbpf } from '../../src/parsers/ebpf-csv';
import { parseRunLog } from '../../src/parsers/run-log';
import { readCorpus } from '../helpers/corpus';
import { assertGolden, FIXTURES } from '../helpers/golden';

const json = (m: Parameters<typeof reportModelJson>[0]) => JSON.stringify(reportModelJson(m), null, 2) + '\n';

describe('model JSON of eBPF output and run logs', () => {
  it('run log (seed 000): golden; runs, metrics and cells are numbers', () => {
    const text = readFileSync(resolve(FIXTURES, 'run-log/iommu-runs.md'), 'utf8');
    const out = json(parseRunLog(text, 'iommu-runs.md'));
    const back = JSON.parse(out);
    assert.equal(back.format, 'run-log');
    assert.equal(back.kind, 'run-log');
    assert.equal(back.runs.length, 6);
    assert.equal(back.runs[1].metrics[0].value, 344.445);
    assert.equal(back.runs[2].tables[0].table.rows[0].cells[5], 4.326659e12);
    assertGolden('run-log/iommu-runs.json', out);
  });

  it('eBPF CSV: golden', () => {
    const text = readFileSync(resolve(FIXTURES, 'ebpf-csv/ebpf_guest_stats.csv'), 'utf8');
    const out = json(parseEbpf(text, 'ebpf_guest_stats.csv'));
    assert.equal(JSON.parse(out).tables[0].title, 'ebpf_guest_stats.csv');
    assertGolden('ebpf-csv/ebpf_guest_stats.json', out);
  });

  it('bpftrace histograms: open-ended buckets print null bounds (JSON has no Infinity)', () => {
    const m = parseEbpf(readCorpus('bpftrace/tests/runtime/outputs/hist.txt'), 'hist.txt');
    const back = JSON.parse(json(m));
    assert.deepEqual(back.histograms[0].buckets[0], { low: null, high: 0, count: 1, line: 2 });
    assert.equal(m.histograms[0].buckets[0].low, -Infinity);
    assertGolden('ebpf-csv/bpftrace-runqlat.json', json(parseEbpf(readCorpus('bpftrace/tools/runqlat_example.txt'), 'runqlat_example.txt')));
  });
});
