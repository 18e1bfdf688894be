import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRunLog } from '../../../src/parsers/run-log';
import { reportTables } from '../../../src/analysis/reportTables';
import { runsWithinOneLog, compareTableRuns } from '../../../src/analysis/compare/compareTables';
import { logRunChoices, runsAt, selectLogRuns } from '../../../src/analysis/compare/logRuns';
import { numberCell } from '../../../src/model/table';
import { FIXTURES } from '../../helpers/golden';

const TEXT = readFileSync(resolve(FIXTURES, 'run-log/iommu-runs.md'), 'utf8');
const model = parseRunLog(TEXT);
const tables = reportTables(model);
const runs = runsWithinOneLog(tables, model.facts);

/** The seed's runs read with a reader of its own: banner name, the heading above it, cores, and its Throughput line. */
function seedRuns(): Array<{ name: string; heading: string; cores: number; throughput: number }> {
  const out: Array<{ name: string; heading: string; cores: number; throughput: number }> = [];
  let heading = '';
  for (const line of TEXT.split('\n')) {
    const h = /^## (.+)$/.exec(line);
    if (h) heading = h[1].trim();
    const b = /^------- (\S+) Run Metrics -------$/.exec(line);
    if (b) out.push({ name: b[1], heading, cores: Number(/_(\d+)cores$/.exec(b[1])![1]), throughput: NaN });
    const t = /^Throughput: ([\d.]+)$/.exec(line);
    if (t && out.length > 0 && Number.isNaN(out[out.length - 1].throughput)) out[out.length - 1].throughput = Number(t[1]);
  }
  return out;
}

describe('choosing runs inside one run log', () => {
  const seed = seedRuns();
  const choices = logRunChoices(tables, model.facts);

  it('lists every run of the log in file order: its banner name, and a label with its cores and heading', () => {
    assert.equal(seed.length, 6);
    assert.deepEqual(choices.map((c) => c.name), seed.map((s) => s.name));
    assert.deepEqual(choices.map((c) => c.index), [0, 1, 2, 3, 4, 5]);
    choices.forEach((c, i) => {
      assert.ok(c.label.startsWith(`${seed[i].cores} cores`), c.label);
      assert.ok(c.label.includes(seed[i].heading), `${c.label} names its heading ${seed[i].heading}`);
    });
    assert.equal(new Set(choices.map((c) => c.label)).size, 6, 'labels tell the runs apart');
  });

  it('selects by banner name, label or 1-based position, once each, and names what matched nothing', () => {
    const s = selectLogRuns(runs, choices, [seed[4].name, '2', choices[0].label, ' 2 ', 'nope', '7']);
    assert.deepEqual(s.indices, [4, 1, 0]);
    assert.deepEqual(s.runs.map((r) => r.label), [seed[4].name, seed[1].name, seed[0].name]);
    assert.deepEqual(s.unknown, ['nope', '7']);
  });

  it('the comparison of two chosen runs has exactly those columns and their throughput change', () => {
    const s = selectLogRuns(runs, choices, ['3', '6']);
    const c = compareTableRuns(s.runs, 0);
    assert.deepEqual(c.labels, [seed[2].name, seed[5].name]);
    const metrics = c.tables[0];
    const row = metrics.rows.find((r) => r.cells[0] === 'Throughput')!;
    assert.ok(row, 'a Throughput row');
    assert.equal(numberCell(metrics, row, 'value@1:delta'), seed[5].throughput - seed[2].throughput);
    assert.ok(Math.abs(numberCell(metrics, row, 'value@1:pct')! - (100 * (seed[5].throughput - seed[2].throughput)) / seed[2].throughput) < 1e-9);
  });

  it('a saved selection comes back by position, and not at all once the log has fewer runs', () => {
    assert.deepEqual(runsAt(runs, [5, 0])!.map((r) => r.label), [seed[5].name, seed[0].name]);
    assert.equal(runsAt(runs, [1, 6]), undefined);
    assert.equal(runsAt(runs, [-1]), undefined);
  });

  it('a log without a run matrix labels runs by name; repeated labels keep their position', () => {
    const noMatrix = tables.filter((t) => t.group !== 'run matrix');
    assert.deepEqual(logRunChoices(noMatrix, model.facts).map((c) => c.label), seed.map((s) => s.name));
    const twice = [...tables.filter((t) => t.group !== 'run matrix'), { ...tables.find((t) => t.group === 'run matrix')!, rows: tables.find((t) => t.group === 'run matrix')!.rows.map((r) => ({ ...r, cells: ['same', ...r.cells.slice(1)] })) }];
    assert.deepEqual(logRunChoices(twice, model.facts).map((c) => c.label), seed.map((_, i) => `same (#${i + 1})`));
  });
});
