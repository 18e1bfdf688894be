/**
 * The counter chart's bundle (dist/webview/statChart.js) on a standalone page in Chromium: it draws
 * one chart per unit, lists counters without values and the metrics as perf printed them, with no
 * page errors or CSP violations. Needs `npm run build` (as the CLI tests do).
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { statChartView } from '../../src/analysis/statChart';
import { renderWebviewHtml } from '../../src/page/webviewHtml';
import { parsePerfStat } from '../../src/parsers/perf-stat';
import { readCorpus } from '../helpers/corpus';

const BUNDLE = resolve(__dirname, '../../dist/webview/statChart.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function page(rel: string): string {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} missing: run npm run build first`);
  const view = statChartView(parsePerfStat(readCorpus(rel)), rel.split('/').pop()!)!;
  const html = renderWebviewHtml({
    title: 'counters',
    nonce: 'n0nceN0nceN0nce0123',
    cspSource: '',
    inlineScript: readFileSync(BUNDLE, 'utf8'),
    inlineStyles: [],
    initialMessage: { type: 'statChart/show', meta: view.meta, blocks: view.blocks },
  });
  const out = join(mkdtempSync(join(tmpdir(), 'perflens-stat-')), 'stat.html');
  writeFileSync(out, html);
  return out;
}

describe('perf stat counter chart in Chromium', function () {
  this.timeout(60000);
  let browser: Browser;

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium (.ci/run does)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  after(async () => browser?.close());

  async function open(rel: string) {
    const p = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await p.goto('file://' + page(rel));
    await p.waitForSelector('body[data-state=ready]', { timeout: 20000 });
    return { p, errors };
  }

  it('-r 3: a chart per unit drawn, <not supported> counters listed, metrics as perf printed them', async () => {
    const { p, errors } = await open('perf-6.1-captures/stat_r.txt');
    assert.deepEqual(await p.$$eval('.pl-stat-chart', (s) => s.map((x) => x.getAttribute('data-unit'))), ['msec', '']);
    assert.match((await p.textContent('.pl-stat-chart[data-unit=""] h3')) ?? '', /error bars: ± perf stat -r noise/);
    // The canvases were drawn on (not blank): some pixel is not transparent.
    const drawn = await p.$$eval('.pl-stat-chart canvas', (cs) =>
      cs.map((el) => {
        // (The test's tsconfig has no DOM types: the canvas as far as this check needs it.)
        const c = el as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
        return false;
      }),
    );
    assert.deepEqual(drawn, [true, true]);
    assert.equal(await p.textContent('#stat-missing'), 'No value (no bar): cycles <not supported>, instructions <not supported>, branches <not supported>, branch-misses <not supported>');
    const rows = await p.$$eval('#stat-metrics tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    assert.deepEqual(rows.slice(0, 3), [
      ['counter', '# ./t'],
      ['task-clock', '1.038 CPUs utilized'],
      ['context-switches', '227.199 /sec'],
    ]);
    assert.deepEqual(errors, [], 'no page errors or CSP violations');
  });

  it('-I: the interval charts over time as well', async () => {
    const { p, errors } = await open('perf-6.1-captures/stat_I.txt');
    assert.equal(await p.$$eval('.pl-stat-series', (s) => s.length), 2);
    assert.match((await p.textContent('.pl-stat-chart h3')) ?? '', /standard deviation over the intervals/);
    assert.deepEqual(errors, []);
  });
});
