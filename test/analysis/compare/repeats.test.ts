/**
 * Repeated runs: grouping by name, and the statistics of real repeated recordings
 * (test/fixtures/compare/repeats) checked against shares read here from the perf script text.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePerfScript } from '../../../src/parsers/perf-script';
import { chosenGroups, configurationName, groupRuns, namesGroupRepeats, repeatedRunsTable } from '../../../src/analysis/compare/repeats';
import { checkTable, numberCell } from '../../../src/model/table';
import { compareProfiles } from '../../../src/analysis/compare/compareView';
import { FIXTURES } from '../../helpers/golden';

const DIR = resolve(FIXTURES, 'compare/repeats');
const files = readdirSync(DIR).filter((f) => f.endsWith('.perf-script')).sort();

/** Share (%) of samples whose stack has `name` (an independent reader of perf script blocks). */
function shareOf(text: string, name: string): number {
  const blocks = text.split(/\n\s*\n/).filter((b) => b.trim() && !/^\s/.test(b));
  const hits = blocks.filter((b) => b.split('\n').slice(1).some((l) => l.trim().split(/\s+/)[1]?.replace(/\+0x[0-9a-f]+$/, '') === name));
  return (100 * hits.length) / blocks.length;
}

describe('repeated runs', () => {
  it('groups runs by configuration name', () => {
    assert.equal(configurationName('pipeline-baseline-RUN-3.perf-script'), 'pipeline-baseline.perf-script');
    assert.equal(configurationName('kernel_run12.txt'), 'kernel.txt');
    assert.equal(configurationName('v6.8-patched.4.folded'), 'v6.8-patched.folded');
    assert.equal(configurationName('plain.txt'), 'plain.txt');
    const groups = groupRuns(files.map((label) => ({ label })));
    assert.deepEqual(groups.map((g) => [g.name, g.runs.length]), [
      ['pipeline-baseline.perf-script', 5],
      ['pipeline-patched.perf-script', 5],
    ]);
  });

  it('gives per-function statistics and a Mann-Whitney verdict on real repeated recordings', () => {
    const runs = files.map((f) => {
      const text = readFileSync(resolve(DIR, f), 'utf8');
      return { label: f, text, tree: parsePerfScript(text, {}, f).tree };
    });
    const groups = groupRuns(runs);
    const t = repeatedRunsTable(groups);
    assert.equal(checkTable(t), undefined);
    assert.match(t.title, /^A = pipeline-baseline.perf-script \(n=5\) baseline, B = pipeline-patched.perf-script \(n=5\): total % per function, Mann-Whitney U/);
    const crc = t.rows.find((r) => r.cells[0] === 'crc32_sw')!;
    assert.ok(crc, 'crc32_sw has a row');
    const base = groups[0].runs.map((r) => shareOf(r.text, 'crc32_sw'));
    const next = groups[1].runs.map((r) => shareOf(r.text, 'crc32_sw'));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    assert.ok(Math.abs(numberCell(t, crc, 'mean0')! - mean(base)) < 1e-3, `baseline mean ${numberCell(t, crc, 'mean0')} vs ${mean(base)}`);
    assert.ok(Math.abs(numberCell(t, crc, 'mean1')! - mean(next)) < 1e-3);
    // Every patched run checksums more than every baseline run: U = 25 of 25. Two patched runs tie at
    // exactly 90% (54/60 and 36/40 samples), so the normal approximation with tie correction applies:
    // var = 25/12 * (11 - (2^3-2)/(10*9)) = 22.7778, z = (12.5 - 0.5)/sqrt(var) = 2.5143, p = 0.0119.
    assert.ok(Math.min(...next) > Math.max(...base), 'the recordings separate');
    assert.equal(next.filter((x) => x === 90).length, 2, 'the tie in the recordings');
    assert.equal(numberCell(t, crc, 'p1'), 0.0119);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2];
    const change = (100 * (median(next) - median(base))) / median(base);
    assert.equal(crc.cells[t.columns.findIndex((c) => c.id === 'verdict1')], `+${change.toFixed(2)}%`);
    assert.equal(t.rows[0].cells[0] === 'crc32_sw' || t.rows[0].cells[0] === 'parse_request' || t.rows[0].cells[0] === 'handle_request', true, 'a significant change leads');
  });

  it('trims the first and last run, and says when n is too small', () => {
    const runs = files.map((f) => ({ label: f, tree: parsePerfScript(readFileSync(resolve(DIR, f), 'utf8'), {}, f).tree }));
    const t = repeatedRunsTable(groupRuns(runs), { trim: true });
    assert.match(t.title, /\(n=3\) baseline, .*\(n=3\).*first and last run dropped/);
    // 3+3 fully separated, the two 90% runs tied: var = 9/12 * (7 - 6/30) = 5.1,
    // z = (4.5 - 0.5)/sqrt(5.1) = 1.7712, p = 0.0765; but 3+3 can never show p < 0.05: '?'.
    const crc = t.rows.find((r) => r.cells[0] === 'crc32_sw')!;
    assert.equal(numberCell(t, crc, 'p1'), 0.0765);
    assert.equal(crc.cells[t.columns.findIndex((c) => c.id === 'verdict1')], '?');
    assert.throws(() => repeatedRunsTable(groupRuns(runs.slice(0, 2))), /at least two configurations/);
  });
});

describe('comparison view with repeated runs', () => {
  it('adds the statistics table when the runs are repeats of two configurations, not for two single runs', () => {
    const run = (f: string) => {
      const p = parsePerfScript(readFileSync(resolve(DIR, f), 'utf8'), {}, f);
      return { label: f, format: 'perf-script' as const, tree: p.tree, facts: p.facts, samples: p.samples, unit: p.weight, warnings: p.warnings };
    };
    const all = compareProfiles(files.map(run), 'all');
    assert.match(all.stats!.title, /^A = pipeline-baseline.perf-script \(n=5\) baseline/);
    assert.equal(compareProfiles(files.slice(0, 2).map(run), 'two').stats, undefined);
    // The baseline run's configuration is the baseline group.
    const swapped = compareProfiles(files.map(run), 'swapped', { baseline: 5 });
    assert.match(swapped.stats!.title, /B = pipeline-patched.perf-script \(n=5\) baseline/);
  });
});

describe('repeated runs: min, max and outliers', () => {
  it('gives each configuration min and max and names the runs Tukey fences mark as outliers', () => {
    const run = (label: string, text: string) => ({ label, tree: parsePerfScript(text, {}, label).tree });
    const sample = (f: number, g: number) => `p 1 1.0: 1 cpu-clock:\n\t1 ${'f'}+0x0 (/x)\n\n`.repeat(f) + `p 1 1.0: 1 cpu-clock:\n\t2 g+0x0 (/x)\n\n`.repeat(g);
    // f's share in A: 50, 52, 48, 51, 90 (run 5 an outlier); in B: 20, 21, 19, 22, 20.
    const a = [[50, 50], [52, 48], [48, 52], [51, 49], [90, 10]].map(([f, g], i) => run(`A-RUN-${i + 1}.txt`, sample(f, g)));
    const b = [[20, 80], [21, 79], [19, 81], [22, 78], [20, 80]].map(([f, g], i) => run(`B-RUN-${i + 1}.txt`, sample(f, g)));
    const t = repeatedRunsTable(groupRuns([...a, ...b]));
    const f = t.rows.find((r) => r.cells[0] === 'f')!;
    assert.equal(numberCell(t, f, 'min0'), 48);
    assert.equal(numberCell(t, f, 'max0'), 90);
    assert.equal(f.cells[t.columns.findIndex((c) => c.id === 'outliers0')], 'A-RUN-5.txt (90.00%)');
    assert.equal(f.cells[t.columns.findIndex((c) => c.id === 'outliers1')], '');
  });
});

describe('comparison view: statistics options', () => {
  it("passes the panel's test and trimming choices to the statistics", () => {
    const run = (f: string) => {
      const p = parsePerfScript(readFileSync(resolve(DIR, f), 'utf8'), {}, f);
      return { label: f, format: 'perf-script' as const, tree: p.tree, facts: p.facts, samples: p.samples, unit: p.weight, warnings: p.warnings };
    };
    const v = compareProfiles(files.map(run), 'all', { test: 'welch', trim: true });
    assert.match(v.stats!.title, /\(n=3\) baseline, .*Welch's t-test, α=0\.05, first and last run dropped$/);
  });
});

describe('repeats grouped by the user', () => {
  const run = (f: string, label: string) => {
    const p = parsePerfScript(readFileSync(resolve(DIR, f), 'utf8'), {}, f);
    return { label, format: 'perf-script' as const, tree: p.tree, facts: p.facts, samples: p.samples, unit: p.weight, warnings: p.warnings };
  };
  // The same ten recordings under names that say nothing about repeats.
  const anonymous = files.map((f, i) => run(f, `run-${String.fromCharCode(97 + i)}.perf-script`));

  it('names alone: no repeats; the groups the user gave: the same statistics as the names would give', () => {
    assert.equal(namesGroupRepeats(anonymous.map((r) => r.label)), false);
    assert.equal(namesGroupRepeats(files), true);
    assert.equal(compareProfiles(anonymous, 'x').stats, undefined);
    const groups = [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]];
    const chosen = compareProfiles(anonymous, 'x', { groups }).stats!;
    assert.match(chosen.title, /^A = run-a.perf-script \+4 \(n=5\) baseline, B = run-f.perf-script \+4 \(n=5\)/);
    const byName = compareProfiles(files.map((f) => run(f, f)), 'y').stats!;
    const crc = (t: typeof chosen) => t.rows.find((r) => r.cells[0] === 'crc32_sw')!;
    assert.equal(numberCell(chosen, crc(chosen), 'p1'), numberCell(byName, crc(byName), 'p1'));
    assert.equal(numberCell(chosen, crc(chosen), 'mean0'), numberCell(byName, crc(byName), 'mean0'));
    // The baseline run's group is the baseline configuration.
    assert.match(compareProfiles(anonymous, 'x', { groups, baseline: 7, compared: 0 }).stats!.title, /B = run-f.perf-script \+4 \(n=5\) baseline/);
  });

  it('groups that are not a partition of distinct runs into two or more are ignored', () => {
    const r = anonymous.slice(0, 4);
    assert.equal(chosenGroups(r, [[0, 1, 2, 3]]), undefined);
    assert.equal(chosenGroups(r, [[0, 1], []]), undefined);
    assert.equal(chosenGroups(r, [[0, 1], [1, 2]]), undefined);
    assert.equal(chosenGroups(r, [[0, 1], [2, 4]]), undefined);
    assert.deepEqual(chosenGroups(r, [[0, 1], [3]])!.map((g) => [g.name, g.runs.length]), [['run-a.perf-script +1', 2], ['run-d.perf-script', 1]]);
  });
});
