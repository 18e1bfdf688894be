/**
 * The webview components in a real browser (Chromium through playwright-core, like
 * cliStandalone.test.ts): two flame graph views on one page keep their own zoom, search,
 * orientation and events, can be kept in step with syncZoom, and the panel shell shows loading,
 * located errors and header facts as text.
 *
 * The components are bundled with esbuild from a small harness (HARNESS below) that puts them on
 * `globalThis.t`; the callbacks given to page.evaluate run in the page.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildCallTree } from '../../src/analysis/callTree';
import { callTreeFromJson, type CallTree } from '../../src/model/callTree';
import type { FlameGraphMeta } from '../../src/protocol';

const ROOT = resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HOSTILE = '</script><img src=x onerror=alert(1)>';

/** Runs in the page: views by host id, a frame reader, and the panel shell. */
const HARNESS = `
import { createFlameGraphView, syncZoom } from './webview/flamegraph/view';
import { createPanelShell } from './webview/shared/panelShell';
import { createTooltip } from './webview/shared/tooltip';

const views = {};
const events = {};
let tooltip;
globalThis.t = {
  create(id, options = {}) {
    tooltip ??= createTooltip({ id: 'tooltip' });
    const v = createFlameGraphView(document.getElementById(id), { tooltip, ...options });
    views[id] = v;
    events[id] = [];
    for (const type of ['zoom', 'search', 'orientation', 'state']) v.on(type, (e) => events[id].push({ type, e: JSON.parse(JSON.stringify(e)) }));
  },
  show(id, tree, meta, state) { views[id].show(tree, meta, state); },
  zoomToPath(id, path) { return views[id].zoomToPath(path); },
  search(id, term) { return views[id].search(term).summary; },
  orientation(id, o) { views[id].setOrientation(o); },
  destroy(id) { views[id].destroy(); },
  sync(ids) { syncZoom(ids.map((i) => views[i])); },
  events(id) { const e = events[id]; events[id] = []; return e; },
  exportSvg(id) { return views[id].exportSvg(); },
  info(id) {
    const host = document.getElementById(id);
    const v = views[id];
    const frames = [...host.querySelectorAll('g.frame[data-name]')].map((g) => {
      const r = g.querySelector(':scope > rect').getBoundingClientRect();
      return { name: g.dataset.name, percent: g.dataset.percent, cls: g.getAttribute('class'), x: r.x, y: r.y, w: r.width };
    });
    return {
      zoomIdx: v.zoomIdx,
      state: v.state,
      searching: host.classList.contains('searching'),
      breadcrumb: host.querySelector('.pl-breadcrumb').textContent,
      ids: [...host.querySelectorAll('[id]')].map((e) => e.id),
      frames,
    };
  },
  shell(options) { globalThis.shell = createPanelShell(options); },
  shellCall(method, ...args) { globalThis.shell[method](...args); },
  page() {
    return { state: document.body.dataset.state, standalone: document.documentElement.classList.contains('standalone') };
  },
};
`;

function folded(text: string): CallTree {
  return buildCallTree(
    text
      .trim()
      .split('\n')
      .map((l): [string, number] => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]),
  );
}

function meta(title: string, samples: number): FlameGraphMeta {
  return { title, format: 'folded', events: [], samples, unit: 'samples', facts: {}, warnings: [], droppedWarnings: 0 };
}

const TREE_A = folded(`
main;parse;read 40
main;parse;lex 20
main;render 30
idle 10
`);
const TREE_B = folded(`
server;accept 25
server;handle;db 50
server;handle;json 15
gc 10
`);

interface FrameInfo {
  name: string;
  percent: string;
  cls: string;
  x: number;
  y: number;
  w: number;
}
interface ViewInfo {
  zoomIdx: number;
  state: { zoomPath: string[]; search: string; orientation: string };
  searching: boolean;
  breadcrumb: string;
  ids: string[];
  frames: FrameInfo[];
}
interface Harness {
  create(id: string, options?: object): void;
  show(id: string, tree: CallTree, meta: FlameGraphMeta, state?: object): void;
  zoomToPath(id: string, path: string[]): boolean;
  search(id: string, term: string): string;
  orientation(id: string, o: string): void;
  destroy(id: string): void;
  sync(ids: string[]): void;
  events(id: string): Array<{ type: string; e: { path?: string[]; term?: string; orientation?: string } }>;
  exportSvg(id: string): { fileName: string; text: string } | undefined;
  info(id: string): ViewInfo;
  shell(options: object): void;
  shellCall(method: 'showLoading' | 'showError' | 'showReady', ...args: unknown[]): void;
  page(): { state?: string; standalone: boolean };
}
type Events = ReturnType<Harness['events']>;

// Each helper runs its callback in the page, where the harness is globalThis.t.
const info = (page: Page, id: string): Promise<ViewInfo> => page.evaluate((i) => (globalThis as unknown as { t: Harness }).t.info(i), id);
const eventsOf = (page: Page, id: string): Promise<Events> => page.evaluate((i) => (globalThis as unknown as { t: Harness }).t.events(i), id);
const pageState = (page: Page): ReturnType<Harness['page']> extends infer R ? Promise<R> : never =>
  page.evaluate(() => (globalThis as unknown as { t: Harness }).t.page());
const shellCall = (page: Page, method: Parameters<Harness['shellCall']>[0], ...args: unknown[]): Promise<void> =>
  page.evaluate(([m, a]) => (globalThis as unknown as { t: Harness }).t.shellCall(m, ...a), [method, args] as const);
const frame = (v: ViewInfo, name: string): FrameInfo => {
  const f = v.frames.find((x) => x.name === name);
  assert.ok(f, `frame ${name} drawn (drawn: ${v.frames.map((x) => x.name).join(', ')})`);
  return f;
};

describe('webview components in Chromium', function () {
  this.timeout(60000);
  let browser: Browser;
  let bundle: string;

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium (.ci/run does)`);
    const out = await esbuild.build({
      stdin: { contents: HARNESS, resolveDir: ROOT, sourcefile: 'harness.js', loader: 'js' },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      loader: { '.css': 'text' },
      logLevel: 'silent',
    });
    bundle = out.outputFiles[0].text;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  after(async () => browser?.close());

  async function newPage(body: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
    await page.addScriptTag({ content: bundle });
    return { page, errors };
  }

  describe('two flame graph views on one page', () => {
    let page: Page;
    let errors: string[];

    beforeEach(async () => {
      ({ page, errors } = await newPage('<div style="display:flex;flex:1;min-height:0"><div id="a"></div><div id="b"></div></div>'));
      await page.evaluate(
        ([a, b, ma, mb]) => {
          const t = (globalThis as unknown as { t: Harness }).t;
          t.create('a');
          t.create('b');
          t.show('a', a, ma);
          t.show('b', b, mb);
        },
        [TREE_A, TREE_B, meta('a.folded', 4), meta('b.folded', 4)] as const,
      );
      await page.evaluate(() => (globalThis as unknown as { t: Harness }).t.events('a'));
      await page.evaluate(() => (globalThis as unknown as { t: Harness }).t.events('b'));
    });
    afterEach(async () => {
      assert.deepEqual(errors, [], 'no page errors');
      await page.close();
    });

    it('draws each tree in its own element, side by side, without page-wide ids', async () => {
      const a = await info(page, 'a');
      const b = await info(page, 'b');
      assert.equal(frame(a, 'all').percent, '100.00');
      assert.equal(frame(a, 'main').percent, '90.00');
      assert.equal(frame(b, 'handle').percent, '65.00');
      assert.ok(!a.frames.some((f) => f.name === 'server') && !b.frames.some((f) => f.name === 'main'), 'no frame of one tree in the other view');
      assert.ok(frame(b, 'all').x >= frame(a, 'all').x + frame(a, 'all').w, 'b is drawn to the right of a');
      assert.deepEqual([...a.ids, ...b.ids], [], 'ids only when the single-view page asks for them');
    });

    it('zooming one view leaves the other alone', async () => {
      const wideA = frame(await info(page, 'a'), 'all').w;
      const bBefore = await info(page, 'b');
      await page.locator('#a g.frame[data-name="parse"]').first().click();
      const a = await info(page, 'a');
      const b = await info(page, 'b');
      assert.deepEqual(a.state.zoomPath, ['main', 'parse']);
      assert.equal(a.breadcrumb.replace(/\s+/g, ' ').trim(), 'main › parse');
      assert.ok(Math.abs(frame(a, 'parse').w - wideA) < 1, 'the zoomed frame takes the full width');
      assert.match(frame(a, 'parse').cls, /\bzoomed\b/);
      assert.equal(frame(a, 'parse').percent, '60.00', 'data-percent stays the share of the whole profile');
      assert.equal(b.zoomIdx, 0);
      assert.deepEqual(b.state.zoomPath, []);
      assert.equal(b.breadcrumb, '');
      assert.deepEqual(b.frames, bBefore.frames, 'b is drawn exactly as before');
      assert.deepEqual(
        (await eventsOf(page, 'a')).filter((e) => e.type === 'zoom').map((e) => e.e.path),
        [['main', 'parse']],
      );
      assert.deepEqual(await eventsOf(page, 'b'), [], 'b hears nothing of a');
    });

    it('search and orientation are per view', async () => {
      const summary = await page.evaluate(() => (globalThis as unknown as { t: Harness }).t.search('a', 'r'));
      // parse, read (inside parse: its weight counts once) and render.
      assert.equal(summary, '3 frames match, 90.00% of samples');
      await page.evaluate(() => (globalThis as unknown as { t: Harness }).t.orientation('b', 'icicle'));
      const a = await info(page, 'a');
      const b = await info(page, 'b');
      assert.ok(a.searching && !b.searching);
      assert.ok(a.frames.some((f) => /\bmatch\b/.test(f.cls)));
      assert.ok(!b.frames.some((f) => /\bmatch\b/.test(f.cls)), 'no match highlighted in b');
      assert.equal(a.state.search, 'r');
      assert.equal(b.state.search, '');
      assert.equal(a.state.orientation, 'flame');
      assert.equal(b.state.orientation, 'icicle');
      assert.ok(frame(a, 'all').y > frame(a, 'main').y, 'a: flame graph, root at the bottom');
      assert.ok(frame(b, 'all').y < frame(b, 'server').y, 'b: icicle, root at the top');
      assert.deepEqual((await eventsOf(page, 'b')).map((e) => e.type), ['orientation', 'state']);
    });

    it('syncZoom keeps the zoom of two views in step, by frame path', async () => {
      await page.evaluate(
        ([a, m]) => {
          const t = (globalThis as unknown as { t: Harness }).t;
          t.show('b', a, m);
          t.sync(['a', 'b']);
        },
        [TREE_A, meta('a again', 4)] as const,
      );
      await page.locator('#b g.frame[data-name="render"]').first().click();
      assert.deepEqual((await info(page, 'a')).state.zoomPath, ['main', 'render'], 'a follows b');
      assert.deepEqual((await info(page, 'b')).state.zoomPath, ['main', 'render']);
      await page.locator('#a g.frame[data-name="main"]').first().click();
      assert.deepEqual((await info(page, 'b')).state.zoomPath, ['main'], 'b follows a (zoom out through a caller)');
      // A path the other tree lacks: the deepest part it has.
      const exact = await page.evaluate(() => (globalThis as unknown as { t: Harness }).t.zoomToPath('a', ['main', 'parse', 'nope']));
      assert.equal(exact, false);
      assert.deepEqual((await info(page, 'a')).state.zoomPath, ['main', 'parse']);
      assert.deepEqual((await info(page, 'b')).state.zoomPath, ['main', 'parse']);
      assert.equal((await eventsOf(page, 'a')).filter((e) => e.type === 'zoom').length, 3, 'one zoom event per change, no echo');
    });

    it('one view can be destroyed while the other keeps working', async () => {
      await page.evaluate(() => (globalThis as unknown as { t: Harness }).t.destroy('a'));
      assert.equal(await page.locator('#a *').count(), 0, 'a is empty');
      await page.setViewportSize({ width: 900, height: 700 });
      await page.locator('#b g.frame[data-name="handle"]').first().click();
      const b = await info(page, 'b');
      assert.deepEqual(b.state.zoomPath, ['server', 'handle']);
      const svg = await page.evaluate(() => (globalThis as unknown as { t: Harness }).t.exportSvg('b'));
      assert.equal(svg?.fileName, 'b.folded.flamegraph.svg');
      assert.match(svg?.text ?? '', /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(svg?.text ?? '', />json</, 'frame labels as SVG text');
    });

    it('two columns of one tree (two runs) draw their own weights', async () => {
      const tree: CallTree = callTreeFromJson({
        names: ['all', 'f', 'g'],
        nodeName: [0, 1, 2],
        parent: [-1, 0, 0],
        columns: [
          { label: 'run 1', total: [10, 8, 2], self: [0, 8, 2] },
          { label: 'run 2', total: [10, 3, 7], self: [0, 3, 7] },
        ],
      });
      await page.evaluate(
        ([tr, m]) => {
          const t = (globalThis as unknown as { t: Harness }).t;
          t.destroy('a');
          t.destroy('b');
          t.create('a', { column: 0 });
          t.create('b', { column: 1 });
          t.show('a', tr, m);
          t.show('b', tr, m);
        },
        [tree, meta('runs', 10)] as const,
      );
      const a = await info(page, 'a');
      const b = await info(page, 'b');
      assert.deepEqual([frame(a, 'f').percent, frame(a, 'g').percent], ['80.00', '20.00']);
      assert.deepEqual([frame(b, 'f').percent, frame(b, 'g').percent], ['30.00', '70.00']);
    });
  });

  describe('panel shell', () => {
    it('loading with percent, located error, header facts as text, data-state', async () => {
      const { page, errors } = await newPage('');
      await page.evaluate(() => (globalThis as unknown as { t: Harness }).t.shell({ inVsCode: false, waiting: 'Waiting for the profile…' }));
      assert.deepEqual(await pageState(page), { state: 'loading', standalone: true });
      assert.equal((await page.textContent('#status'))?.trim(), 'Waiting for the profile…');

      await shellCall(page, 'showLoading', 'x.perf', 42.4);
      assert.equal((await page.textContent('#status'))?.trim(), 'Loading x.perf… 42%');

      await shellCall(page, 'showError', HOSTILE, `${HOSTILE}:7: expected a sample header`, { file: HOSTILE, line: 7 });
      assert.equal((await pageState(page)).state, 'error');
      assert.equal(await page.textContent('#error h2'), HOSTILE);
      assert.equal(await page.textContent('#error .location'), `${HOSTILE}:7`);
      assert.equal(await page.textContent('#error pre'), 'expected a sample header', 'the location is said once');
      assert.ok(await page.isVisible('#error'));
      assert.ok(!(await page.isVisible('#header')) && !(await page.isVisible('#status')));

      await shellCall(page, 'showReady', {
        title: HOSTILE,
        facts: [{ label: 'event', value: HOSTILE }],
        recording: { hostname: HOSTILE, kernel: '6.1.0', arch: 'x86_64', perfVersion: '6.1', cpu: 'Xeon', cpus: 8, cmdline: 'perf record -g', date: 'Thu Jul  9 17:14:37 2015', events: ['cycles'] },
        warnings: [{ line: 3, message: HOSTILE }],
        droppedWarnings: 5,
      });
      assert.equal((await pageState(page)).state, 'ready');
      assert.ok(!(await page.isVisible('#error')) && (await page.isVisible('#header')));
      const facts = await page.$$eval('#header .fact', (fs) => fs.map((f) => (f.textContent ?? '').replace(/\s+/g, ' ').trim()));
      assert.deepEqual(facts, [
        `event ${HOSTILE}`,
        `host ${HOSTILE}`,
        'kernel 6.1.0 x86_64',
        'perf 6.1',
        'CPU Xeon × 8',
        'cmdline perf record -g',
        'recorded Thu Jul 9 17:14:37 2015',
      ]);
      assert.equal(await page.textContent('#header .warnings .badge'), '6', 'listed and dropped warnings');
      assert.match((await page.textContent('#header .warnings summary')) ?? '', /warnings$/);
      assert.deepEqual(await page.$$eval('#header .warnings li', (ls) => ls.map((l) => l.textContent)), [`line 3: ${HOSTILE}`, '… and 5 more']);
      assert.equal(await page.locator('img').count(), 0, 'no report string became markup');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
});
