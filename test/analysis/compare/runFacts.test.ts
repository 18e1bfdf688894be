/**
 * Runs inside one run log compared: each run's facts come from its name (kernel, date, cores,
 * flows, variant), travel with its metrics table, and the comparison warns plainly when the runs
 * ran different kernels, or differ in variant and scale at once.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRunLog } from '../../../src/parsers/run-log';
import { reportTables } from '../../../src/analysis/reportTables';
import { compareTableRuns, runsWithinOneLog } from '../../../src/analysis/compare/compareTables';
import { compareRunFacts } from '../../../src/analysis/compare/facts';
import { runNameFacts } from '../../../webview/shared/facts';
import { FIXTURES } from '../../helpers/golden';

const block = (name: string, throughput: number): string => `------- ${name} Run Metrics -------\nThroughput: ${throughput}\n\n`;

describe('facts of the runs inside one run log', () => {
  it('every run of seed 000 carries what its name says (read here from the banner lines)', () => {
    const text = readFileSync(resolve(FIXTURES, 'run-log/iommu-runs.md'), 'utf8');
    const model = parseRunLog(text);
    const runs = runsWithinOneLog(reportTables(model), model.facts);
    const banners = [...text.matchAll(/^------- (\S+) Run Metrics -------$/gm)].map((m) => m[1]);
    assert.equal(runs.length, banners.length);
    runs.forEach((r, i) => {
      const [, y, mo, d, h, mi, s, kernel] = /^(\d{4})-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d+\.\d+\.\d+)-/.exec(banners[i])!;
      assert.equal(r.runFacts?.kernel, kernel);
      assert.equal(r.runFacts?.date, `${y}-${mo}-${d} ${h}:${mi}:${s}`);
      assert.equal(r.runFacts?.cores, Number(/_(\d+)cores$/.exec(banners[i])![1]));
      assert.equal(r.runFacts?.flows, Number(/-flow(\d+)-/.exec(banners[i])![1]));
    });
    // One kernel (6.12.9) and one variant by name; cores and flows scale together: nothing doubtful.
    const c = compareTableRuns(runs.slice(0, 3));
    assert.deepEqual(c.factWarnings, []);
    assert.deepEqual(c.runFacts?.map((f) => f.cores), [8, 16, 20]);
  });

  it('warns when the runs ran different kernels, naming each run and its kernel', () => {
    const text = block('2025-10-06-19-38-52-6.12.9-zc_8cores', 100) + block('2025-10-07-10-00-00-6.13.0-zc_8cores', 120);
    const model = parseRunLog(text);
    const runs = runsWithinOneLog(reportTables(model), model.facts);
    const c = compareTableRuns(runs);
    assert.equal(c.factWarnings.length, 1);
    assert.match(c.factWarnings[0], /different kernels/);
    assert.ok(c.factWarnings[0].includes(`${runs[0].label}: 6.12.9; ${runs[1].label}: 6.13.0`), c.factWarnings[0]);
  });

  it('warns when a variant is compared at another core or flow count; not for the date, not for scale alone', () => {
    const facts = (variant: string, cores: number, date: string) => ({ variant, cores, flows: cores, date, kernel: '6.12.9' });
    assert.deepEqual(compareRunFacts([{ label: 'a', facts: facts('base', 8, '2025-10-06') }, { label: 'b', facts: facts('base', 16, '2025-10-07') }]), []);
    assert.deepEqual(compareRunFacts([{ label: 'a', facts: facts('base', 8, '2025-10-06') }, { label: 'b', facts: facts('zc', 8, '2025-10-07') }]), []);
    const w = compareRunFacts([{ label: 'a', facts: facts('base', 8, '2025-10-06') }, { label: 'b', facts: facts('zc', 16, '2025-10-06') }]);
    assert.equal(w.length, 1);
    assert.match(w[0], /variant and in core count and flow count at once/);
    assert.ok(w[0].includes('a: base; b: zc'), w[0]);
    // A kernel stated by one run only is no difference.
    assert.deepEqual(compareRunFacts([{ label: 'a', facts: { kernel: '6.12.9' } }, { label: 'b', facts: {} }]), []);
  });

  it('the panel shows each run\'s facts as text, only those stated', () => {
    const shown = runNameFacts({ kernel: '6.12.9', cores: 8, flows: 1, variant: 'zc', date: '2025-10-06 19:38:52', extra: { mtu: '9000' } });
    assert.deepEqual(shown.map((f) => `${f.label}|${f.value}|${f.suffix ?? ''}`), ['kernel|6.12.9|', '|8| cores', '|1| flow', 'variant|zc|', 'mtu|9000|', 'date|2025-10-06 19:38:52|']);
    assert.deepEqual(runNameFacts({}), []);
    assert.deepEqual(runNameFacts(undefined), []);
  });
});
