/**
 * `perflens flamegraph FILE -o out.html` in a real browser: the standalone page (same webview bundle,
 * data inline, stand-in VS Code API) must draw the flame graph with the right shares.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { readCorpus } from './helpers/corpus';

const CLI = resolve(__dirname, '../dist/cli.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('perflens flamegraph: the standalone HTML page in Chromium', function () {
  this.timeout(60000);
  let browser: Browser;

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium (.ci/run does)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  after(async () => browser?.close());

  it('draws the profile with the shares of the stored expected folded output', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'perflens-html-')), 'fg.html');
    // The corpus holds the input gzip'd: feed it on stdin.
    const r = spawnSync(process.execPath, [CLI, 'flamegraph', '-', '-o', out], { input: readCorpus('flamegraph/example-perf-stacks.txt.gz'), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    // Independent expectation: inferno's stored default-options result.
    let total = 0;
    const byRoot = new Map<string, number>();
    for (const line of readCorpus('inferno/tests/data/collapse-perf/results/example-perf-stacks-collapsed.txt').split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp < 0) continue;
      const n = Number(line.slice(sp + 1));
      total += n;
      const root = line.slice(0, line.indexOf(';') < 0 ? sp : line.indexOf(';'));
      byRoot.set(root, (byRoot.get(root) ?? 0) + n);
    }
    const [hotName, hotCount] = [...byRoot].sort((a, b) => b[1] - a[1])[0];

    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('file://' + out);
    await page.waitForSelector('body[data-state=ready]', { timeout: 20000 });
    const frames = await page.$$eval('#flamegraph g[data-name]', (gs) => gs.map((g) => [g.getAttribute('data-name'), g.getAttribute('data-percent')]));
    assert.ok(frames.some(([n, p]) => n === 'all' && p === '100.00'), 'root frame at 100.00%');
    assert.ok(frames.some(([n, p]) => n === hotName && p === ((100 * hotCount) / total).toFixed(2)), `hottest process ${hotName} at ${((100 * hotCount) / total).toFixed(2)}%`);
    assert.match(await page.textContent('#header') ?? '', new RegExp(`${total.toLocaleString('en-US')}\\s+samples`));
    assert.deepEqual(errors, [], 'no page errors or CSP violations');
  });

  it('a perf report\u2019s call graph, and the caller/callee view of a clicked frame', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'perflens-html-')), 'report.html');
    const r = spawnSync(process.execPath, [CLI, 'flamegraph', '-', '-o', out], { input: readCorpus('perf-6.1-captures/g_nochildren.txt'), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('file://' + out);
    await page.waitForSelector('body[data-state=ready]', { timeout: 20000 });
    const read = (id: string) => page.$$eval(`#${id} g[data-name]`, (gs) => gs.map((g) => `${g.getAttribute('data-name')} ${g.getAttribute('data-percent')}`));
    // The report's rows with call graphs are leaf_a 58.46% and leaf_b 40.52%, all under start_thread;
    // shares are of the event count, as in the report (mid: 19.64% + 20.02%).
    const main = await read('flamegraph');
    assert.ok(main.includes(`start_thread ${(58.46 + 40.52).toFixed(2)}`), main.join(', '));
    assert.ok(main.includes(`mid ${(19.64 + 20.02).toFixed(2)}`), main.join(', '));
    await page.locator('#flamegraph g[data-name="mid"]').first().click();
    await page.click('#sandwich-toggle');
    await page.waitForSelector('#sandwich:not([hidden])');
    // mid is called by top only (then worker, start_thread) and calls leaf_a 19.64 / leaf_b 20.02.
    assert.deepEqual(await read('sandwich-callers'), ['mid 100.00', 'top 100.00', 'worker 100.00', 'start_thread 100.00']);
    assert.deepEqual(await read('sandwich-callees'), ['mid 100.00', `leaf_b ${((100 * 20.02) / 39.66).toFixed(2)}`, `leaf_a ${((100 * 19.64) / 39.66).toFixed(2)}`]);
    assert.match((await page.textContent('#sandwich-callers-title')) ?? '', /^Callers of mid/);
    await page.click('#sandwich-toggle');
    assert.equal(await page.locator('#sandwich').isHidden(), true);
    assert.deepEqual(errors, []);
  });
});
