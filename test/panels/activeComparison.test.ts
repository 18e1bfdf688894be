import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseFile } from '../../src/io/parseFile';
import { reportTables } from '../../src/analysis/reportTables';
import type { TableRun } from '../../src/analysis/compare/compareTables';
import type { ViewTable } from '../../src/analysis/viewTable';
import { parseFolded } from '../../src/parsers/folded';
import { diffProfiles } from '../../src/analysis/compare/profileDiff';
import { DEFAULT_SYMBOL_MATCHING } from '../../src/analysis/compare/symbols';
import { clearActiveComparison, comparisonNote, setActiveProfileComparison, setActiveTableComparison } from '../../src/panels/activeComparison';
import { FIXTURES } from '../helpers/golden';

const DIR = resolve(FIXTURES, 'compare/seed003');

async function run(file: string): Promise<TableRun> {
  const { model } = await parseFile(resolve(DIR, file), file);
  return { label: file, tables: reportTables(model), facts: model.facts };
}

describe('the active comparison (hovers)', () => {
  const uris = ['file:///w/usemem30-baseline.log', 'file:///w/usemem30-v12.log'];
  let runs: TableRun[];
  const asked: string[] = [];
  const tablesOf = async (uri: string): Promise<readonly ViewTable[] | undefined> => {
    asked.push(uri);
    const i = uris.indexOf(uri);
    return i >= 0 ? runs[i].tables : undefined;
  };
  // The 0-based editor line of Total throughput in the patched log (the same line in the baseline).
  const line = readFileSync(resolve(DIR, 'usemem30-v12.log'), 'utf8').split('\n').findIndex((l) => l.startsWith('Total throughput'));
  const place = (uri: string, format: 'run-log' | 'strace-summary' = 'run-log') => ({ uri, format, line, names: ['Total throughput (KB/s)'], totals: undefined });
  before(async () => {
    runs = [await run('usemem30-baseline.log'), await run('usemem30-v12.log')];
  });
  afterEach(() => {
    clearActiveComparison(owner);
    clearActiveComparison(other);
  });
  const owner = {};
  const other = {};

  it('a table comparison annotates hovers in reports of its format only, until its panel closes', async () => {
    setActiveTableComparison(owner, uris, 'run-log', runs, 0, tablesOf);
    // 10,702,115 against 7,191,949: +3,510,166 = +48.81%.
    assert.equal(await comparisonNote(place(uris[1])), '+48.81% (+3,510,166) vs baseline usemem30-baseline.log (7,191,949).');
    assert.match((await comparisonNote(place(uris[0])))!, /^Baseline of the open comparison \(7,191,949\): usemem30-v12\.log \+48\.81%/);
    asked.length = 0;
    assert.equal(await comparisonNote(place(uris[1], 'strace-summary')), undefined, 'another format');
    assert.deepEqual(asked, [], 'no tables asked for a report of another format');
    clearActiveComparison(other);
    assert.ok(await comparisonNote(place(uris[1])), 'another panel closing leaves it');
    clearActiveComparison(owner);
    assert.equal(await comparisonNote(place(uris[1])), undefined);
  });

  it('the next comparison replaces it, whatever its kind, until that one’s panel closes', async () => {
    setActiveTableComparison(owner, uris, 'run-log', runs, 0, tablesOf);
    const folded = (label: string, text: string) => ({ label, tree: parseFolded(text, label).tree });
    const diff = diffProfiles([folded('a', 'm;f 5\nm;g 5\n'), folded('b', 'm;f 15\nm;g 5\n')]);
    setActiveProfileComparison(other, ['file:///w/a.folded', 'file:///w/b.folded'], diff, DEFAULT_SYMBOL_MATCHING);
    assert.equal(await comparisonNote(place(uris[1])), undefined, 'the table comparison is gone');
    // f: 15 of 20 = 75% against 5 of 10 = 50%.
    const note = await comparisonNote({ uri: 'file:///w/b.folded', format: 'folded', line: 0, names: ['f'], totals: undefined });
    assert.equal(note, '+25.00 pts self, +25.00 pts total vs baseline a (50.00% self, 50.00% total).');
    // The newer panel closes: the older one's comparison is the active one again.
    clearActiveComparison(other);
    assert.equal(await comparisonNote(place(uris[1])), '+48.81% (+3,510,166) vs baseline usemem30-baseline.log (7,191,949).');
    // Shown again (a baseline switch): still one entry for its panel, cleared by one close.
    setActiveTableComparison(owner, uris, 'run-log', runs, 1, tablesOf);
    assert.match((await comparisonNote(place(uris[1])))!, /^Baseline of the open comparison/);
    clearActiveComparison(owner);
    assert.equal(await comparisonNote(place(uris[1])), undefined);
  });
});
