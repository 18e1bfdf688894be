import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { parseFolded } from '../../src/parsers/folded';
import { compareProfiles, type ComparedRun } from '../../src/analysis/compare/compareView';
import { compareInWorker, parseInWorker } from '../../src/worker/parseInWorker';
import { DEFAULT_SYMBOL_MATCHING } from '../../src/analysis/compare/symbols';

const WORKER = resolve(__dirname, 'tsWorker.mjs');

function run(label: string, text: string): ComparedRun {
  const m = parseFolded(text, label);
  return { label, format: 'folded', tree: m.tree, facts: m.facts, samples: m.tree.columns[0].total[0], unit: m.weight, warnings: m.warnings };
}

// Baseline: f 5 of 10 samples (50%); patched: f 5 of 20 (25%), k new with 5 (25%).
const runs = [run('base', 'm;f.isra.0 5\nm;g 5\n'), run('new', 'm;f 5\nm;g 10\nm;k 5\n'), run('third', 'm;g 3\nm;k 1\n')];
const options = { baseline: 0, compared: 1, shape: 1, matching: DEFAULT_SYMBOL_MATCHING, test: 'mann-whitney' as const, trim: false };

describe('compareInWorker (the comparison panel merges and diffs off the extension host thread)', function () {
  this.timeout(60_000);

  it('answers with the same comparison as compareProfiles in this thread, without the runs own trees', async () => {
    const out = await compareInWorker(WORKER, { runs, title: 'base vs new', options }, new AbortController().signal);
    assert.equal(out.type, 'compared', JSON.stringify(out));
    if (out.type !== 'compared') return;
    const here = compareProfiles(runs, 'base vs new', options);
    assert.deepEqual(out.view.table, here.table);
    assert.deepEqual(out.view.meta, here.meta);
    assert.deepEqual(out.view.tree, here.tree);
    assert.equal('runTrees' in out.view, false);
    // f.isra.0 met f: 50% -> 25% self share, k only in the patched runs.
    const f = out.view.diff.functions.find((x) => x.name === 'f')!;
    assert.deepEqual(f.self, [50, 25, 0]);
    assert.deepEqual(out.view.diff.totals, [10, 20, 4]);
    assert.ok(out.ms >= 0);
  });

  it('another baseline and shape: one more request, answered for that choice', async () => {
    const out = await compareInWorker(WORKER, { runs, title: 't', options: { ...options, baseline: 2, compared: 1, shape: 2 } }, new AbortController().signal);
    assert.equal(out.type, 'compared');
    if (out.type !== 'compared') return;
    assert.equal(out.view.meta.diff.baseline, 2);
    assert.equal(out.view.meta.diff.shape, 2);
    // Siblings ordered by run 2 (the shape): g (3) before k (1); f absent there comes last.
    const children = [...out.view.tree.parent.keys()].filter((i) => out.view.tree.parent[i] === 1).map((i) => out.view.tree.names[out.view.tree.nodeName[i]]);
    assert.deepEqual(children, ['g', 'k', 'f']);
  });

  it('the change column chosen in the panel (wdiff:2,1) comes back in the table, three runs each against the baseline', async () => {
    const out = await compareInWorker(WORKER, { runs, title: 't', options: { ...options, change: { method: 'wdiff', weights: [2, 1] } } }, new AbortController().signal);
    assert.equal(out.type, 'compared');
    if (out.type !== 'compared') return;
    const t = out.view.table;
    assert.deepEqual(t.columns.filter((c) => c.id.startsWith('wdiff') || c.id.startsWith('delta') || c.id.startsWith('ratio')).map((c) => c.id), ['wdiff1', 'wdiff2']);
    // g: raw self 5 / 10 / 3 -> new x1 - base x2 = 0 and -7; k: 0 / 5 / 1 -> 5 and 1; f: 5 / 5 / 0 -> -5 and -10.
    const cells = (name: string) => t.rows.find((r) => r.cells[0] === name)!.cells.slice(7, 9);
    assert.deepEqual(cells('g'), [0, -7]);
    assert.deepEqual(cells('k'), [5, 1]);
    assert.deepEqual(cells('f'), [-5, -10]);
  });

  it('a cancelled request ends with an error and no answer', async () => {
    const ac = new AbortController();
    const pending = compareInWorker(WORKER, { runs, title: 'stale', options }, ac.signal);
    ac.abort();
    const out = await pending;
    assert.equal(out.type, 'error');
    if (out.type === 'error') assert.match(out.message, /stale: comparing cancelled/);
  });

  it('a comparison that throws comes back as an error (here: a baseline that is no run)', async () => {
    const out = await compareInWorker(WORKER, { runs: [], title: 'none', options }, new AbortController().signal);
    assert.equal(out.type, 'error');
  });

  it('parse requests still parse', async () => {
    const out = await parseInWorker(WORKER, { text: 'm;f 2\nm;g 1\n', name: 'x.folded', title: 'x', views: ['document'], format: 'folded' }, () => undefined, new AbortController().signal);
    assert.equal(out.type, 'result', JSON.stringify(out));
    if (out.type === 'result') assert.equal(out.format, 'folded');
  });
});
