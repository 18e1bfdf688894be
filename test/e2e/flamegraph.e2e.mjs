// End-to-end tests of the flame graph panel in a real VS Code (code-server) + headless Chromium.
// Each test gets ctx = { wb (Workbench), page, fixtures, shot(name), log(msg) } from run.mjs.
import assert from 'node:assert/strict';
import { waitFor } from './browser.mjs';

export const COMMAND = 'PerfLens: Open Flame Graph';

/** Waits for a webview frame whose document has #flamegraph (and that is not in `exclude`). */
export async function flameGraphFrame(wb, { exclude = new Set(), timeout = 60_000 } = {}) {
  return waitFor(
    async () => (await wb.framesWith('#flamegraph')).find((f) => !exclude.has(f)),
    { timeout, message: 'the flame graph webview (a frame with #flamegraph) to appear', interval: 500 },
  );
}

/** body[data-state] of a webview frame. */
export const stateOf = (frame) => frame.evaluate(() => document.body.dataset.state ?? '');
export const textOf = (frame, sel) =>
  frame.evaluate((s) => (document.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim(), sel);

/** Waits until the panel leaves 'loading'; returns the final state. Throws with #error's text on 'error'. */
export async function waitForReady(frame, timeout = 60_000) {
  const state = await waitFor(
    async () => {
      const s = await stateOf(frame);
      return s === 'ready' || s === 'error' ? s : false;
    },
    { timeout, message: 'body[data-state] to become "ready"' },
  );
  if (state === 'error') throw new Error(`the panel shows an error instead of a flame graph: ${await textOf(frame, '#error')}`);
  return state;
}

/** Every drawn frame: name, percent and the geometry of its own rect (or the g's box). */
export function drawnFrames(frame) {
  return frame.evaluate(() =>
    [...document.querySelectorAll('#flamegraph g[data-name]')].map((g) => {
      const shape = g.querySelector(':scope > rect') ?? g;
      const r = shape.getBoundingClientRect();
      return { name: g.dataset.name, percent: g.dataset.percent, x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
}

/** The root ('all') and its children, found by geometry: the row adjacent to the root's row. */
export function rootAndChildren(frames) {
  const roots = frames.filter((f) => f.name === 'all').sort((a, b) => b.w - a.w);
  assert.ok(roots.length > 0, `no drawn frame with data-name="all" (drawn: ${frames.slice(0, 5).map((f) => f.name).join(', ')} ...)`);
  const root = roots[0];
  const cy = (f) => f.y + f.h / 2;
  const inside = frames.filter(
    (f) => f !== root && f.w > 0 && Math.abs(cy(f) - cy(root)) > root.h / 2 && f.x >= root.x - 1 && f.x + f.w <= root.x + root.w + 1,
  );
  const nearest = Math.min(...inside.map((f) => Math.abs(cy(f) - cy(root))));
  const children = inside.filter((f) => Math.abs(Math.abs(cy(f) - cy(root)) - nearest) < root.h / 2);
  children.sort((a, b) => b.w - a.w);
  return { root, children };
}

/** Waits for the geometry of a frame selected by `pick` to satisfy `ok` and stay unchanged (transitions done). */
export async function settled(frame, pick, ok, message, timeout = 10_000) {
  let last;
  return waitFor(
    async () => {
      const f = pick(await drawnFrames(frame));
      const same = f && last && Math.abs(f.w - last.w) < 0.5 && Math.abs(f.x - last.x) < 0.5;
      last = f;
      return same && ok(f) ? f : false;
    },
    { timeout, interval: 300, message },
  );
}

export function breadcrumbSegments(text) {
  return text
    .split('›')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Asserts the root is 100 % and the expected hottest root child is drawn with its share. */
async function assertTopLevel(frame, expected) {
  const frames = await drawnFrames(frame);
  assert.ok(frames.length > 10, `only ${frames.length} frames drawn`);
  const { root, children } = rootAndChildren(frames);
  assert.equal(root.percent, '100.00', 'root frame "all" data-percent');
  assert.ok(children.length > 0, 'no frames drawn next to the root');
  const hot = expected.children[0];
  const hottest = children[0];
  assert.equal(
    hottest.name,
    hot.name,
    `hottest child of the root: drawn ${children
      .slice(0, 4)
      .map((c) => `${c.name} ${c.percent}%`)
      .join(', ')}; expected ${hot.name} ${hot.percent}%`,
  );
  assert.equal(hottest.percent, hot.percent, `data-percent of ${hot.name}`);
  const share = hot.count / expected.total;
  assert.ok(
    Math.abs(hottest.w / root.w - share) < 0.01,
    `${hot.name} is drawn ${((100 * hottest.w) / root.w).toFixed(2)}% as wide as the root, expected ${(100 * share).toFixed(2)}%`,
  );
  // The runner-up too, so a coincidence on one number cannot pass.
  if (expected.children[1]) {
    const second = expected.children[1];
    const drawn = children.find((c) => c.name === second.name);
    assert.ok(drawn, `second root child ${second.name} is not drawn next to the root`);
    assert.equal(drawn.percent, second.percent, `data-percent of ${second.name}`);
  }
  return { root, hottest, share };
}

export async function closeAllEditors(wb) {
  await wb.runCommand('View: Close All Editors');
  await waitFor(async () => (await wb.page.locator('.tabs-container .tab').count()) === 0, {
    timeout: 10_000,
    message: 'all editors to close',
  });
}

export const tests = [
  {
    name: 'perf script file → flame graph: root 100 %, hottest process share, zoom and reset',
    timeout: 150_000,
    async run({ wb, fixtures, shot, log }) {
      const { file, expected } = fixtures.perfScript;
      const hot = expected.children[0];
      log(`expected from ${fixtures.perfScript.expectedFile}: ${expected.total} samples, hottest root child ${hot.name} ${hot.percent}%`);

      await wb.openFile(file);
      const mode = await wb.languageMode();
      assert.match(mode, /perf[ -]?script/i, `language mode of ${file}`);
      await wb.runCommand(COMMAND);
      const frame = await flameGraphFrame(wb);
      await waitForReady(frame);
      await shot('e2e-flamegraph-loaded');

      const header = await textOf(frame, '#header');
      assert.ok(header.includes(file), `#header should name the file ${file}: "${header}"`);
      assert.match(header.replace(/[\s,.\u00a0\u202f']/g, ''), new RegExp(String(expected.total)), `#header should show ${expected.total} samples: "${header}"`);
      assert.match(header, /cycles/, `#header should show the event (cycles): "${header}"`);

      const { root, share } = await assertTopLevel(frame, expected);
      const fullWidth = root.w;
      const isHot = (f) => f.name === hot.name && f.percent === hot.percent;
      const pickHot = (frames) => frames.filter(isHot).sort((a, b) => b.w - a.w)[0];

      // Zoom into the hottest process.
      await frame.locator(`#flamegraph g[data-name="${hot.name}"][data-percent="${hot.percent}"]`).first().click({ timeout: 10_000 });
      const crumb = await waitFor(
        async () => {
          const t = await textOf(frame, '#breadcrumb');
          return breadcrumbSegments(t).at(-1) === hot.name ? t : false;
        },
        { timeout: 10_000, message: `#breadcrumb to end with "${hot.name}"` },
      );
      log(`breadcrumb after zoom: "${crumb}"`);
      const zoomed = await settled(
        frame,
        pickHot,
        (f) => f.w >= 0.98 * fullWidth,
        `${hot.name} to be drawn at full width (${fullWidth.toFixed(0)} px) after the click`,
      );
      assert.equal(zoomed.percent, hot.percent, 'data-percent stays the share of the whole profile when zoomed');
      await shot('e2e-flamegraph-zoomed');

      // Reset.
      await frame.locator('#reset-zoom').click({ timeout: 10_000 });
      await waitFor(
        async () => breadcrumbSegments(await textOf(frame, '#breadcrumb')).at(-1) !== hot.name,
        { timeout: 10_000, message: `#breadcrumb to drop "${hot.name}" after #reset-zoom` },
      );
      await settled(
        frame,
        pickHot,
        (f) => Math.abs(f.w / fullWidth - share) < 0.01,
        `${hot.name} to be drawn at ${(100 * share).toFixed(2)}% of the width again after #reset-zoom`,
      );
      await assertTopLevel(frame, expected);
    },
  },
  {
    name: 'folded file (*-collapsed*.txt) → same flame graph as its perf script source',
    timeout: 90_000,
    async run({ wb, fixtures, shot }) {
      const { file, expected } = fixtures.folded;
      await closeAllEditors(wb);
      await wb.openFile(file);
      const mode = await wb.languageMode();
      assert.match(mode, /folded/i, `language mode of ${file}`);
      await wb.runCommand(COMMAND);
      const frame = await flameGraphFrame(wb);
      await waitForReady(frame);
      await shot('e2e-folded-loaded');
      await assertTopLevel(frame, expected);
    },
  },
  {
    name: 'not a profile (perf report text opened as perf script) → clear located error, no blank panel',
    timeout: 90_000,
    async run({ wb, fixtures, shot, log }) {
      const { file } = fixtures.notAProfile;
      await closeAllEditors(wb);
      await wb.openFile(file);
      await wb.runCommand(COMMAND);
      // Either the panel shows body[data-state=error] with #error, or VS Code shows an error notification.
      const outcome = await waitFor(
        async () => {
          for (const f of await wb.framesWith('#flamegraph, #error')) {
            const state = await stateOf(f).catch(() => '');
            if (state === 'error') return { where: 'webview', frame: f, text: await textOf(f, '#error') };
            if (state === 'ready') return { where: 'drawn', frame: f, frames: (await drawnFrames(f)).length };
          }
          const toasts = await wb.notifications({ errorsOnly: true });
          if (toasts.length) return { where: 'notification', text: toasts.join(' | ') };
          return false;
        },
        { timeout: 45_000, interval: 500, message: 'an error in the panel (body[data-state=error]) or an error notification' },
      );
      await shot('e2e-error');
      if (outcome.where === 'drawn') {
        assert.fail(`a perf report text was accepted and drawn as a flame graph (${outcome.frames} frames) instead of being rejected`);
      }
      log(`${outcome.where}: "${outcome.text}"`);
      assert.ok(outcome.text.length >= 15, `the error message is empty or too short: "${outcome.text}"`);
      // "Located": the message says where (file name and/or line number).
      assert.match(outcome.text, new RegExp(`${file.replace(/\./g, '\\.')}|\\bline\\s*\\d+|:\\d+`, 'i'), 'the error names the file or a line');
      if (outcome.where === 'webview') {
        const visible = await outcome.frame.evaluate(() => {
          const el = document.querySelector('#error');
          const r = el?.getBoundingClientRect();
          return !!el && r.width > 0 && r.height > 0 && window.getComputedStyle(el).visibility !== 'hidden';
        });
        assert.ok(visible, '#error is not visible in the panel');
        // The `file:line` of the error opens that line in the editor.
        const location = outcome.frame.locator('#error .location');
        const where = (await location.textContent()) ?? '';
        const line = Number(/:(\d+)$/.exec(where.trim())?.[1]);
        assert.ok(line > 1 && where.includes(file), `#error names ${file}:LINE: "${where}"`);
        await location.click();
        const cursor = await waitFor(
          async () => {
            const t = (await wb.page.locator('#status\\.editor\\.selection').innerText({ timeout: 2000 }).catch(() => '')).trim();
            return t.startsWith(`Ln ${line},`) ? t : false;
          },
          { timeout: 15_000, interval: 300, message: `the editor's cursor at line ${line} after clicking the error's location` },
        );
        log(`clicked ${where.trim()}: editor at ${cursor}`);
      }
    },
  },
];
