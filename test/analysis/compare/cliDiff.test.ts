/** `perflens diff` in-process (the CLI subprocess tests cannot reach mutants): real recordings, inferno's diff-folded. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFile } from '../../../src/io/parseFile';
import { diffText, outputFormat, wdiffWeights, type DiffArgs } from '../../../src/cli/diff';
import { corpusFile, readCorpus, sortedLines } from '../../helpers/corpus';
import { FIXTURES } from '../../helpers/golden';

const base = resolve(FIXTURES, 'compare/pipeline-baseline.perf-script');
const patched = resolve(FIXTURES, 'compare/pipeline-patched.perf-script');

async function args(files: string[], more: Partial<DiffArgs> = {}): Promise<DiffArgs> {
  const parsed = await Promise.all(files.map((f) => parseFile(f, f)));
  return { files, parsed, output: 'text', folded: false, normalize: false, stripHex: false, matchSymbols: true, limit: 30, ...more };
}

describe('perflens diff', () => {
  it('prints the function comparison of two recordings, the most-changed function first', async () => {
    const text = diffText(await args([base, patched], { output: 'csv' }));
    const [head, first] = text.split('\r\n');
    assert.equal(head.split(',')[0], 'Function');
    assert.match(first, /^crc32_sw,/);
  });

  it('--wdiff adds perf diff\'s weighted diff of the raw self weights', async () => {
    const plain = JSON.parse(diffText(await args([base, patched], { output: 'json' }))) as { rows: Array<Record<string, number | string>> };
    const weighted = JSON.parse(diffText(await args([base, patched], { output: 'json', weights: [2, 3] }))) as { rows: Array<Record<string, number | string>> };
    assert.ok(!('wdiff1' in plain.rows[0]));
    // crc32_sw's self weight summed here from the recordings: the period of each sample whose leaf it is.
    const leaves = (file: string) =>
      readFileSync(file, 'utf8')
        .split(/\n\s*\n/)
        .map((b) => b.split('\n').filter((l) => l.trim()))
        .filter((l) => l.length > 1 && /^\S/.test(l[0]) && /\scrc32_sw\+0x/.test(l[1]))
        .reduce((sum, l) => sum + Number(/:\s+(\d+)\s+cpu-clock:/.exec(l[0])![1]), 0);
    const crc = weighted.rows.find((r) => r.function === 'crc32_sw')!;
    assert.equal(crc.wdiff1, 3 * leaves(patched) - 2 * leaves(base));
    assert.equal(wdiffWeights('1, 2.5')?.join(), '1,2.5');
    assert.throws(() => wdiffWeights('1'), /--wdiff is two weights/);
    assert.throws(() => wdiffWeights('1,x'), /--wdiff is two weights/);
    assert.throws(() => wdiffWeights('1,'), /--wdiff is two weights/);
  });

  it('--stacks lists the stacks present in only one recording, largest share first', async () => {
    // Read here: each sample as comm;outermost;…;leaf (offsets dropped), share of every path prefix.
    const shares = (file: string) => {
      const paths = readFileSync(file, 'utf8')
        .split(/\n\s*\n/)
        .map((b) => b.split('\n').filter((l) => l.trim()))
        .filter((l) => l.length > 1 && /^\S/.test(l[0]))
        .map((l) => [l[0].split(/\s+/)[0], ...l.slice(1).map((x) => x.trim().split(/\s+/)[1].replace(/\+0x[0-9a-f]+$/, '')).reverse()]);
      const counts = new Map<string, number>();
      for (const p of paths) for (let i = 1; i <= p.length; i++) counts.set(p.slice(0, i).join(';'), (counts.get(p.slice(0, i).join(';')) ?? 0) + 1);
      return new Map([...counts].map(([k, n]) => [k, (100 * n) / paths.length]));
    };
    const a = shares(base);
    const b = shares(patched);
    const partial = [...[...a].filter(([k]) => !b.has(k)), ...[...b].filter(([k]) => !a.has(k))].filter(([k]) => {
      const parent = k.split(';').slice(0, -1).join(';');
      return !parent || (a.has(parent) && b.has(parent));
    });
    const json = JSON.parse(diffText(await args([base, patched], { output: 'json', stacks: true }))) as { rows: Array<Record<string, number | string>> };
    assert.deepEqual(json.rows.map((r) => r.stack).sort(), partial.map(([k]) => k).sort());
    const top = partial.sort((x, y) => y[1] - x[1])[0];
    assert.equal(json.rows[0].stack, top[0]);
    assert.ok(Math.abs((json.rows[0].total0 as number) + (json.rows[0].total1 as number) - top[1]) < 1e-4);
  });

  it('takes another baseline by file name, and swaps the sign of the change', async () => {
    const a = diffText(await args([base, patched], { output: 'json' }));
    const b = diffText(await args([base, patched], { output: 'json', baseline: 'pipeline-patched.perf-script' }));
    const crc = (t: string, col: string) => (JSON.parse(t) as { rows: Array<Record<string, number | string>> }).rows.find((r) => r.function === 'crc32_sw')![col];
    assert.equal(crc(a, 'deltaTotal1'), -(crc(b, 'deltaTotal0') as number));
  });

  it('--folded gives inferno diff-folded output', async () => {
    const dir = 'inferno/tests/data/diff-folded';
    const text = diffText(await args([corpusFile(`${dir}/before.txt`), corpusFile(`${dir}/after.txt`)], { folded: true, normalize: true }));
    assert.deepEqual(sortedLines(text), sortedLines(readCorpus(`${dir}/results/normalize.txt`)).map((l) => l));
  });

  it('says why files cannot be compared', async () => {
    await assert.rejects(async () => diffText(await args([base])), /at least two files/);
    await assert.rejects(async () => diffText(await args([base, patched], { baseline: 'nope' })), /--baseline nope/);
    await assert.rejects(async () => diffText(await args([base, patched, base], { folded: true })), /exactly two/);
    assert.throws(() => outputFormat('html'), /text, markdown, csv, json/);
  });
});

describe('perflens diff --repeats', () => {
  it('groups the files by name and gives the statistics table', async () => {
    const dir = resolve(FIXTURES, 'compare/repeats');
    const files = readdirSync(dir).sort().map((f) => resolve(dir, f));
    const text = diffText(await args(files, { repeats: { trim: false, test: 'mann-whitney', share: 'total' }, limit: 3 }));
    assert.match(text, /^A = pipeline-baseline.perf-script \(n=5\) baseline, B = pipeline-patched.perf-script \(n=5\)/);
    assert.match(text, /\n(parse_request|crc32_sw|handle_request) +5 /);
    await assert.rejects(async () => diffText(await args([base, patched], { repeats: { trim: false, test: 'mann-whitney', share: 'total' } })), /--repeats needs repeated runs/);
  });
});

describe('perflens diff of table reports', () => {
  it('compares two run logs metric by metric (seed 003 retyped: +48.81% throughput)', async () => {
    const dir = resolve(FIXTURES, 'compare/seed003');
    const files = ['usemem30-baseline.log', 'usemem30-v12.log'].map((f) => resolve(dir, f));
    const text = diffText(await args(files));
    assert.match(text, /^metrics of mm-unstable/);
    assert.match(text, /\nTotal throughput \(KB\/s\) +7,191,949 +10,702,115 +3,510,166 +48\.81%/);
    assert.ok(!text.includes('\nruns\n'), 'the run matrix (its rows never meet across files) is left out');
    const json = JSON.parse(diffText(await args(files, { output: 'json', baseline: 'usemem30-v12.log' }))) as { baseline: string; tables: Array<{ rows: Array<Record<string, unknown>> }> };
    assert.equal(json.baseline, 'usemem30-v12.log');
    assert.equal(json.tables[0].rows.find((r) => r.metric === 'elapsed time (sec)')!['value@0:delta'], 93.21 - 69.98);
  });

  it('compares the runs inside one run log, and refuses reports of different kinds', async () => {
    const log = resolve(FIXTURES, 'run-log/iommu-runs.md');
    const csv = diffText(await args([log], { output: 'csv' }));
    assert.match(csv.split('\r\n')[0], /^metric,value \S+8cores,/);
    await assert.rejects(async () => diffText(await args([log, resolve(FIXTURES, 'compare/seed003/usemem30-v12.log'), resolve(FIXTURES, 'strace-summary/strace-batched.txt')])), /different kinds of report/);
  });

  it('--runs compares some runs of one run log, by position or banner name, and says which runs there are', async () => {
    const log = resolve(FIXTURES, 'run-log/iommu-runs.md');
    const banners = [...readFileSync(log, 'utf8').matchAll(/^------- (\S+) Run Metrics -------$/gm)].map((m) => m[1]);
    const json = (t: string) => JSON.parse(t) as { baseline: string; runs: string[]; tables: Array<{ rows: Array<Record<string, unknown>> }> };
    const byPosition = json(diffText(await args([log], { output: 'json', runs: ['2', '5'] })));
    assert.deepEqual(byPosition.runs, [banners[1], banners[4]]);
    assert.equal(byPosition.baseline, banners[1]);
    const byName = json(diffText(await args([log], { output: 'json', runs: [banners[4], banners[1]], baseline: banners[1] })));
    assert.deepEqual(byName.runs, [banners[4], banners[1]]);
    const throughput = (j: ReturnType<typeof json>) => j.tables[0].rows.find((r) => r.metric === 'Throughput')!;
    // The two selections compare the same pair with the same baseline: same change.
    assert.equal(throughput(byName)['value@0:delta'], throughput(byPosition)['value@1:delta']);
    await assert.rejects(async () => diffText(await args([log], { runs: ['2', 'nope'] })), (e: Error) => e.message.includes("no run 'nope'") && e.message.includes(`6: ${banners[5]}`));
    await assert.rejects(async () => diffText(await args([log], { runs: ['3'] })), /--runs names two or more runs/);
    await assert.rejects(async () => diffText(await args([base, patched], { runs: ['1', '2'] })), /--runs picks runs inside one run-metric log/);
  });
});
