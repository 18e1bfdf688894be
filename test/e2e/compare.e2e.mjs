// End-to-end tests of the comparison panel in a real VS Code (code-server): two real perf script
// recordings (test/fixtures/compare, see PROVENANCE.md) compared with "Select for Compare" and
// "Compare with Selected": the differential flame graph's most-grown frame, its change and its
// colour, then side by side and the function table. Expected numbers are computed here from the
// perf script text with a reader of its own, not by PerfLens.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from './browser.mjs';
import { closeAllEditors, waitForReady } from './flamegraph.e2e.mjs';
import { hoverText, revealLineText } from './features.e2e.mjs';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/compare');

/** Sample stacks of a perf script as `comm;outermost;…;leaf` paths (symbols without +0x offsets). */
function stacks(text) {
  const out = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length || /^\s/.test(lines[0])) continue;
    const comm = lines[0].trim().split(/\s+/)[0];
    const frames = lines.slice(1).map((l) => l.trim().split(/\s+/)[1].replace(/\+0x[0-9a-f]+$/, ''));
    out.push([comm, ...frames.reverse()]);
  }
  return out;
}

/** Sum of the samples' periods (perf script's number before the event) under one path prefix. */
function periodUnder(text, path) {
  let sum = 0;
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length || /^\s/.test(lines[0])) continue;
    const comm = lines[0].trim().split(/\s+/)[0];
    const frames = lines.slice(1).map((l) => l.trim().split(/\s+/)[1].replace(/\+0x[0-9a-f]+$/, '')).reverse();
    if ([comm, ...frames].slice(0, path.length).join(';') === path.join(';')) sum += Number(/\s(\d+)\s+[\w:-]+:\s*$/.exec(lines[0])[1]);
  }
  return sum;
}

/** Self weight (sum of periods of the samples it is the leaf of) per function. */
function selfPeriods(text) {
  const out = new Map();
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (lines.length < 2 || /^\s/.test(lines[0])) continue;
    const leaf = lines[1].trim().split(/\s+/)[1].replace(/\+0x[0-9a-f]+$/, '');
    out.set(leaf, (out.get(leaf) ?? 0) + Number(/\s(\d+)\s+[\w:-]+:\s*$/.exec(lines[0])[1]));
  }
  return out;
}

/** perf diff -c wdiff:W1,W2 by hand: the function with the largest |new self × W2 − base self × W1|. */
function largestWdiff(baseText, patchedText, [w1, w2]) {
  const a = selfPeriods(baseText);
  const b = selfPeriods(patchedText);
  let best;
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const wdiff = (b.get(name) ?? 0) * w2 - (a.get(name) ?? 0) * w1;
    if (!best || Math.abs(wdiff) > Math.abs(best.wdiff)) best = { name, wdiff };
  }
  return best;
}

/** Share (%) of samples under each path prefix. */
function pathShares(paths) {
  const counts = new Map();
  for (const p of paths) for (let i = 1; i <= p.length; i++) {
    const key = p.slice(0, i).join(';');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts].map(([k, n]) => [k, (100 * n) / paths.length]));
}

/** The frame (path) whose share grew most from baseline to patched, skipping unsymbolised frames. */
export function mostGrown(baseText, patchedText) {
  const a = pathShares(stacks(baseText));
  const b = pathShares(stacks(patchedText));
  let best;
  for (const [path, share] of b) {
    if (path.includes('[unknown]')) continue;
    const delta = share - (a.get(path) ?? 0);
    if (!best || delta > best.delta) best = { path, name: path.split(';').at(-1), delta };
  }
  return best;
}

/** The stack present in one recording only (its parent in both) with the largest share: path, share, run. */
export function partialStacksExpected(baseText, patchedText) {
  const a = pathShares(stacks(baseText));
  const b = pathShares(stacks(patchedText));
  let best;
  for (const [shares, other, run] of [[a, b, 0], [b, a, 1]]) {
    for (const [path, share] of shares) {
      const parent = path.split(';').slice(0, -1).join(';');
      if (other.has(path) || (parent && !other.has(parent))) continue;
      if (!best || share > best.share) best = { path, share, run };
    }
  }
  return best;
}

/** Share (%) of samples whose stack holds `name` anywhere. */
function functionShare(text, name) {
  const all = stacks(text);
  return (100 * all.filter((p) => p.includes(name)).length) / all.length;
}

/**
 * Seed 001's method ("repeated 5 times, throw 1st and last") typed as a run log: base and zc, five
 * runs each. The statistics expected are computed here (medians, and that every zc run beats every base run).
 */
export const REPEATS = { file: 'zc-repeats.run-log', base: [100, 102, 98, 101, 99], zc: [120, 118, 125, 119, 121] };

function writeRepeatsLog(workspace) {
  const block = (name, i, t) => `------- ${name}-RUN-${i + 1} Run Metrics -------\nThroughput: ${t}\nCPU Util: ${50 + (i % 2)}\n\n`;
  const text = REPEATS.base.map((t, i) => block('base', i, t)).join('') + REPEATS.zc.map((t, i) => block('zc', i, t)).join('');
  writeFileSync(join(workspace, REPEATS.file), text);
}

export function prepareCompareFixtures(workspace) {
  writeRepeatsLog(workspace);
  for (const f of ['pipeline-baseline.perf-script', 'pipeline-patched.perf-script']) cpSync(join(FIXTURES, f), join(workspace, f));
  for (const f of ['usemem30-baseline.log', 'usemem30-v12.log']) cpSync(join(FIXTURES, 'seed003', f), join(workspace, f));
  const baseText = readFileSync(join(FIXTURES, 'pipeline-baseline.perf-script'), 'utf8');
  const patchedText = readFileSync(join(FIXTURES, 'pipeline-patched.perf-script'), 'utf8');
  const grown = mostGrown(baseText, patchedText);
  // The most-grown frame's change in the recordings' weight (cpu-clock period), for the threshold in weight.
  grown.weightDelta = periodUnder(patchedText, grown.path.split(';')) - periodUnder(baseText, grown.path.split(';'));
  const lineNo = patchedText.split('\n').findIndex((l) => /\scrc32_sw\+0x/.test(l)) + 1;
  return {
    hover: { lineNo, name: 'crc32_sw', totalDelta: functionShare(patchedText, 'crc32_sw') - functionShare(baseText, 'crc32_sw'), baseTotal: functionShare(baseText, 'crc32_sw') },
    baseline: 'pipeline-baseline.perf-script',
    patched: 'pipeline-patched.perf-script',
    partial: partialStacksExpected(baseText, patchedText),
    wdiff: { weights: [1, 2], ...largestWdiff(baseText, patchedText, [1, 2]) },
    grown,
  };
}

async function compareFrame(wb, timeout = 60_000) {
  return waitFor(async () => (await wb.framesWith('#compare-mode')).at(0), { timeout, message: 'the comparison webview (a frame with #compare-mode)', interval: 500 });
}

/** The seed 000 run log's runs, read here: banner name, heading above it, cores and its Throughput. */
function logRuns(text) {
  const runs = [];
  let heading = '';
  for (const [i, line] of text.split('\n').entries()) {
    const h = /^## (.+)$/.exec(line);
    if (h) heading = h[1].trim();
    const b = /^------- (\S+) Run Metrics -------$/.exec(line);
    if (b) runs.push({ name: b[1], heading, cores: Number(/_(\d+)cores$/.exec(b[1])[1]) });
    const t = /^Throughput: ([\d.]+)$/.exec(line);
    if (t && runs.length && runs.at(-1).throughput === undefined) Object.assign(runs.at(-1), { throughput: Number(t[1]), throughputLine: i + 1 });
  }
  return runs;
}

/**
 * Hovers `needle` on 1-based line `lineNo` of `file` (its text tab, not the comparison's) and
 * returns the hover's text once it holds the open comparison's note.
 */
async function comparisonHover(wb, file, lineNo, needle) {
  await wb.page.locator(`.tabs-container .tab[data-resource-name="${file}"]`).first().click();
  await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 20_000 });
  const box = await revealLineText(wb, lineNo, needle);
  await wb.page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
  return waitFor(async () => {
    const t = await hoverText(wb.page);
    return t.includes('vs baseline') ? t : false;
  }, { timeout: 15_000, interval: 300, message: `a hover with "vs baseline" over ${needle} (${file} line ${lineNo})` });
}

const quickRows = (wb) => wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');

/** "Copy as cover-letter table" in the comparison panel; the clipboard's text once it holds `expected`. */
async function copyAsCoverLetter(wb, frame, expected) {
  await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(wb.page.url()).origin }).catch(() => {});
  await frame.evaluate(() => {
    const s = document.querySelector('#copy-table');
    s.value = 'text';
    s.dispatchEvent(new Event('change'));
  });
  return waitFor(async () => {
    const t = await wb.page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
    return t.includes(expected) ? t : false;
  }, { timeout: 10_000, message: 'the cover-letter table on the clipboard' });
}

/**
 * Waits for the quick pick titled `title`: a pick that follows another (files, then a log's runs,
 * then the baseline) opens when the one before has closed, and rows of the old one must not be used.
 */
async function quickPickTitled(wb, title, what) {
  if (!title) return;
  const heading = wb.page.locator('.quick-input-widget .quick-input-title');
  await waitFor(async () => (await heading.isVisible().catch(() => false)) && ((await heading.textContent()) ?? '').includes(title), { timeout: 30_000, message: `the quick pick "${title}" (${what})` });
}

/** In the open multi-select quick pick: exactly the rows whose label satisfies `keep` end up checked. */
async function checkOnly(wb, keep, what, title) {
  await quickPickTitled(wb, title, what);
  const rows = quickRows(wb);
  await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const label = (await row.getAttribute('aria-label')) ?? '';
    const checked = async () => (await row.getAttribute('aria-checked')) === 'true';
    if (keep(label) !== (await checked())) {
      await row.locator('.quick-input-list-checkbox, input[type=checkbox], .monaco-custom-toggle').first().click();
      await waitFor(async () => keep(label) === (await checked()), { timeout: 5_000, message: `${what}: row "${label}" ${keep(label) ? 'checked' : 'unchecked'}` });
    }
  }
  // The OK button, not Enter: a pick that opens while a panel paints may not have the keyboard focus.
  const ok = wb.page.locator('.quick-input-widget .quick-input-action .monaco-button, .quick-input-widget .monaco-button:has-text("OK")').first();
  if (await ok.isVisible().catch(() => false)) await ok.click();
  else await wb.page.keyboard.press('Enter');
  const heading = wb.page.locator('.quick-input-widget .quick-input-title');
  if (title) await waitFor(async () => !(await heading.isVisible().catch(() => false)) || !((await heading.textContent()) ?? '').includes(title), { timeout: 10_000, message: `${what}: the pick accepted` });
}

/** In the open single-select quick pick: types `text` and accepts the focused row once its label satisfies `match`. */
async function pickFocused(wb, text, match, what, title) {
  await quickPickTitled(wb, title, what);
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill(text);
  const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
  await waitFor(async () => (await row.count()) > 0 && match((await row.first().getAttribute('aria-label')) ?? ''), { timeout: 20_000, message: what });
  await wb.page.keyboard.press('Enter');
}

export const tests = [
  {
    name: 'Compare with Selected: differential flame graph marks the most-grown frame red, side by side, function table',
    timeout: 150_000,
    async run({ wb, fixtures, shot, log }) {
      const { baseline, patched, grown } = fixtures.compare;
      log(`expected most-grown frame: ${grown.name} (+${grown.delta.toFixed(2)} pts) at ${grown.path}`);
      await closeAllEditors(wb);
      await wb.openFile(baseline);
      await wb.runCommand('PerfLens: Select for Compare (PerfLens)');
      await wb.openFile(patched);
      await wb.runCommand('PerfLens: Compare with Selected (PerfLens)');
      const frame = await compareFrame(wb);
      await waitForReady(frame);
      await frame.waitForSelector('#flamegraph g.frame[data-delta]', { timeout: 20_000 });
      const top = await frame.evaluate(() => {
        let best;
        for (const g of document.querySelectorAll('#flamegraph g.frame[data-delta]')) {
          const delta = Number(g.getAttribute('data-delta'));
          if (!best || delta > best.delta) {
            const rect = g.querySelector('rect');
            best = { name: g.getAttribute('data-name'), delta, diff: g.getAttribute('data-diff'), fill: rect ? getComputedStyle(rect).fill : '' };
          }
        }
        return best;
      });
      log(`drawn most-grown frame: ${JSON.stringify(top)}`);
      assert.equal(top.name, grown.name, 'the frame whose share grew most');
      assert.ok(Math.abs(top.delta - grown.delta) <= 0.01, `its change ${top.delta} pts is the recordings' ${grown.delta.toFixed(2)} pts`);
      assert.equal(top.diff, 'grew');
      const [r, , b] = (top.fill.match(/\d+/g) ?? []).map(Number);
      assert.ok(r > b + 40, `a grown frame is drawn red: fill ${top.fill}`);
      await shot('e2e-compare-differential');

      // The noise threshold in the runs' weight (cpu-clock period here): just above the frame's
      // change it turns neutral, just below it stays red.
      log(`its change in weight: ${grown.weightDelta} (cpu-clock period)`);
      assert.ok(grown.weightDelta > 2, 'the most-grown frame gained weight');
      const unitLabel = await frame.evaluate(() => {
        const s = document.querySelector('#threshold-unit');
        s.value = 'weight';
        s.dispatchEvent(new Event('change'));
        return [...s.querySelectorAll('vscode-option')].find((o) => o.getAttribute('value') === 'weight')?.textContent.trim();
      });
      assert.equal(unitLabel, 'cpu-clock period', 'the unit says what the weights count');
      const diffAt = async (threshold) => {
        await frame.evaluate((t) => {
          const f = document.querySelector('#threshold');
          f.value = String(t);
          f.dispatchEvent(new Event('change'));
        }, threshold);
        return waitFor(async () => {
          const d = await frame.evaluate((name) => {
            // The frame of that name that grew most (the name may be drawn under other paths too).
            const gs = [...document.querySelectorAll('#flamegraph g.frame[data-delta]')].filter((x) => x.getAttribute('data-name') === name);
            const g = gs.sort((a, b) => Number(b.getAttribute('data-delta')) - Number(a.getAttribute('data-delta')))[0];
            return g ? g.getAttribute('data-diff') : undefined;
          }, grown.name);
          return d ?? false;
        }, { timeout: 10_000, message: `${grown.name} drawn with a threshold of ${threshold}` });
      };
      assert.equal(await diffAt(grown.weightDelta + 1), 'neutral', `a threshold of ${grown.weightDelta + 1} (above its change) leaves it neutral`);
      assert.equal(await diffAt(grown.weightDelta - 1), 'grew', `a threshold of ${grown.weightDelta - 1} (below its change) keeps it red`);
      await frame.evaluate(() => {
        const s = document.querySelector('#threshold-unit');
        s.value = 'points';
        s.dispatchEvent(new Event('change'));
      });

      // Side by side: two flame graphs, baseline and patched.
      await frame.evaluate(() => {
        const s = document.querySelector('#compare-mode');
        s.value = 'sideBySide';
        s.dispatchEvent(new Event('change'));
      });
      await waitFor(async () => (await frame.locator('.pl-side .pl-flamegraph-view').count()) === 2, { timeout: 10_000, message: 'two flame graphs side by side' });
      const titles = await frame.locator('.pl-side-title').allTextContents();
      assert.deepEqual(titles, [`${baseline} (baseline)`, patched]);
      await shot('e2e-compare-side-by-side');
      // Each side exports on its own: the baseline's button asks where to save its SVG, named after it.
      assert.deepEqual(await frame.locator('.pl-side-head .export-side-svg').evaluateAll((bs) => bs.map((b) => b.dataset.run)), ['0', '1']);
      await frame.locator('.pl-side-head .export-side-svg[data-run="0"]').click();
      const saveInput = wb.page.locator('.quick-input-widget .quick-input-box input');
      const savePath = await waitFor(async () => {
        const v = (await saveInput.isVisible().catch(() => false)) ? await saveInput.inputValue() : '';
        return v.endsWith('.svg') ? v : false;
      }, { timeout: 15_000, message: 'the save dialog for the baseline side' });
      log(`save dialog: ${savePath}`);
      assert.ok(savePath.endsWith(`${baseline}.flamegraph.svg`), `the baseline's graph is saved under its name: ${savePath}`);
      await wb.page.keyboard.press('Escape');

      // The function table: sorted by the largest change of self share; crc32_sw first.
      await frame.evaluate(() => {
        const s = document.querySelector('#compare-mode');
        s.value = 'table';
        s.dispatchEvent(new Event('change'));
      });
      await frame.waitForSelector('.pl-row', { timeout: 10_000 });
      const first = await frame.evaluate(() => [...document.querySelector('.pl-row[data-index="0"]').querySelectorAll('.pl-cell')].map((c) => c.textContent));
      log(`first table row: ${first.join(' | ')}`);
      assert.equal(first[0], grown.name);

      // Stacks in one run only: the largest, as read here from the recordings.
      const { partial } = fixtures.compare;
      const setMode = (mode) => frame.evaluate((m) => {
        const s = document.querySelector('#compare-mode');
        s.value = m;
        s.dispatchEvent(new Event('change'));
      }, mode);
      await setMode('stacks');
      const partialRow = await waitFor(async () => {
        const cells = await frame.evaluate(() => [...(document.querySelector('.pl-row[data-index="0"]')?.querySelectorAll('.pl-cell') ?? [])].map((c) => c.textContent));
        return cells.length > 3 && cells.at(-1).startsWith('only in') ? cells : false;
      }, { timeout: 10_000, message: 'the first row of the stacks in one run only' });
      log(`largest stack in one run only: ${partialRow.join(' | ')}`);
      assert.equal(partialRow[0], partial.path);
      assert.equal(partialRow[1 + partial.run], `${partial.share.toFixed(2)}%`);
      assert.equal(partialRow.at(-1), `only in ${partial.run === 0 ? baseline : patched}`);
      await setMode('table');
      await frame.waitForSelector('.pl-row', { timeout: 10_000 });

      // Copy as a cover-letter table: VS Code's clipboard gets the fixed-width text.
      const copied = await copyAsCoverLetter(wb, frame, 'Function');
      const lines = copied.split('\n');
      log(`copied:\n${lines.slice(0, 6).join('\n')}`);
      assert.match(lines[1], /^-+$/, 'a dashed rule under the title');
      assert.match(lines[2], /^Function\s+Self % base\s+Total % base\s+Self % new\s+Total % new\s+Δ self \(pts\)/);
      const row = lines[4].split(/\s{2,}/);
      assert.equal(row[0], grown.name, 'the most-changed function first');
      assert.equal(row[2], `${fixtures.compare.hover.baseTotal.toFixed(2)}%`, 'its total share in the baseline');
      assert.equal(row[6], fixtures.compare.hover.totalDelta.toFixed(2), 'its change of total share in points');

      // perf diff's weighted diff (-c wdiff:1,2) as the change column: the largest first, as computed here.
      const { wdiff } = fixtures.compare;
      log(`expected largest wdiff:1,2: ${wdiff.name} ${wdiff.wdiff}`);
      await frame.evaluate((w) => {
        const m = document.querySelector('#change-method');
        m.value = 'wdiff';
        m.dispatchEvent(new Event('change'));
        const f = document.querySelector('#wdiff-weights');
        f.value = w;
        f.dispatchEvent(new Event('change'));
      }, wdiff.weights.join(','));
      const wrow = await waitFor(async () => {
        const r = await frame.evaluate(() => {
          const heads = [...document.querySelectorAll('.pl-table-head')].map((h) => h.textContent.trim());
          const cells = [...(document.querySelector('.pl-row[data-index="0"]')?.querySelectorAll('.pl-cell') ?? [])].map((c) => c.textContent);
          return { heads, cells };
        });
        return r.heads.some((h) => h.startsWith('Weighted diff 1,2')) ? r : false;
      }, { timeout: 15_000, message: 'the function table with the Weighted diff 1,2 column' });
      log(`wdiff table: ${wrow.heads.join(' | ')} / ${wrow.cells.join(' | ')}`);
      const wcol = wrow.heads.findIndex((h) => h.startsWith('Weighted diff 1,2'));
      assert.equal(wrow.cells[0], wdiff.name, 'the largest weighted diff first');
      assert.equal(Number(wrow.cells[wcol].replace(/,/g, '')), wdiff.wdiff, 'new × 2 − base × 1 of the self periods');
      await frame.evaluate(() => {
        const m = document.querySelector('#change-method');
        m.value = 'delta';
        m.dispatchEvent(new Event('change'));
      });
      await waitFor(async () => frame.evaluate(() => [...document.querySelectorAll('.pl-table-head')].some((h) => h.textContent.includes('Δ total'))), { timeout: 15_000, message: 'the delta columns back' });

      // With the comparison open, a hover on crc32_sw in the patched run gives the change vs the baseline.
      const { hover } = fixtures.compare;
      const want = `+${hover.totalDelta.toFixed(2)} pts total vs baseline ${baseline}`;
      // Its text tab (the comparison's tab title names the file too, so Quick Open's tab check would match it).
      await wb.page.locator(`.tabs-container .tab[data-resource-name="${patched}"]`).first().click();
      await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 20_000 });
      const box = await revealLineText(wb, hover.lineNo, hover.name);
      await wb.page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
      const text = await waitFor(async () => {
        const t = await hoverText(wb.page);
        return t.includes('vs baseline') ? t : false;
      }, { timeout: 15_000, interval: 300, message: `a hover with "vs baseline" over ${hover.name} (line ${hover.lineNo})` });
      log(`hover: ${text}`);
      assert.ok(text.includes(want), `hover says "${want}"`);
      assert.ok(text.includes(`${hover.baseTotal.toFixed(2)}% total)`), 'and the baseline share');
      await shot('e2e-compare-hover');

      // The patched run as the baseline: one more comparison in the worker; crc32_sw's change flips sign.
      // The tab shown again: its webview may be a new one that reloads, so wait for its table first.
      await wb.page.locator('.tabs-container .tab', { hasText: 'Compare:' }).first().click();
      const swapped = await waitFor(async () => {
        for (const again of await wb.framesWith('#compare-mode')) {
          const cells = await again.evaluate(() => {
            const s = document.querySelector('#baseline-select');
            if (s && s.value !== '1' && s.querySelectorAll('vscode-option').length === 2 && document.querySelector('.pl-row')) {
              s.value = '1';
              s.dispatchEvent(new Event('change'));
            }
            return [...(document.querySelector('.pl-row[data-index="0"]')?.querySelectorAll('.pl-cell') ?? [])].map((c) => c.textContent);
          }).catch(() => []);
          if (cells[0] === grown.name && cells[6] === (-hover.totalDelta).toFixed(2)) return cells;
        }
        return false;
      }, { timeout: 30_000, interval: 500, message: `${grown.name} first with ${(-hover.totalDelta).toFixed(2)} pts total against the patched run` });
      log(`patched as the baseline: ${swapped.join(' | ')}`);
    },
  },
  {
    name: 'Compare two run logs typed from seed 003 (usemem30): +49% throughput, copied as a cover-letter table',
    timeout: 120_000,
    async run({ wb, shot, log }) {
      // The cover letter: Total throughput 7,191,949 -> 10,702,115 KB/s, "49%".
      const want = ((100 * (10702115 - 7191949)) / 7191949).toFixed(2);
      await closeAllEditors(wb);
      await wb.openFile('usemem30-baseline.log');
      await wb.runCommand('PerfLens: Select for Compare (PerfLens)');
      await wb.openFile('usemem30-v12.log');
      await wb.runCommand('PerfLens: Compare with Selected (PerfLens)');
      const frame = await compareFrame(wb);
      await waitForReady(frame);
      await frame.waitForSelector('.pl-row', { timeout: 15_000 });
      const row = await frame.evaluate(() => {
        const heads = [...document.querySelectorAll('.pl-table-head')].map((h) => h.dataset.column);
        const r = [...document.querySelectorAll('.pl-row')].find((x) => x.querySelector('.pl-cell')?.textContent === 'Total throughput (KB/s)');
        return r ? Object.fromEntries([...r.querySelectorAll('.pl-cell')].map((c, i) => [heads[i], c.textContent])) : undefined;
      });
      log(`Total throughput row: ${JSON.stringify(row)}`);
      assert.ok(row, 'the metric has a row');
      assert.equal(row['value@1:pct'], `${want}%`, 'the change the cover letter rounds to 49%');
      assert.equal(Math.round(Number(want)), 49);
      await shot('e2e-compare-run-logs');
      const copied = await copyAsCoverLetter(wb, frame, 'Total throughput');
      log(`copied:\n${copied}`);
      const line = copied.split('\n').find((l) => l.startsWith('Total throughput (KB/s)'));
      assert.match(line, new RegExp(`^Total throughput \\(KB/s\\)\\s+7,191,949\\s+10,702,115\\s+3,510,166\\s+${want}%`));

      // With the comparison open, a hover on the metric's line in the patched log gives its
      // baseline value and the change, as read here from the two logs' text.
      const metric = (file) => {
        const lines = readFileSync(join(FIXTURES, 'seed003', file), 'utf8').split('\n');
        const lineNo = lines.findIndex((l) => l.startsWith('Total throughput (KB/s):')) + 1;
        return { lineNo, text: lines[lineNo - 1].split(':')[1].trim(), value: Number(lines[lineNo - 1].split(':')[1].replace(/,/g, '')) };
      };
      const [base, v12] = [metric('usemem30-baseline.log'), metric('usemem30-v12.log')];
      const grouped = (n) => n.toLocaleString('en-US');
      const wantHover = `+${((100 * (v12.value - base.value)) / base.value).toFixed(2)}% (+${grouped(v12.value - base.value)}) vs baseline usemem30-baseline.log (${base.text}).`;
      await wb.page.locator('.tabs-container .tab[data-resource-name="usemem30-v12.log"]').first().click();
      // VS Code opens a .log file in its own "Log" language, which PerfLens does not take over: the user picks run-log.
      if ((await wb.languageMode()) !== 'Run-metric log') {
        await wb.runCommand('Change Language Mode');
        await pickFocused(wb, 'Run-metric log', (label) => label.includes('Run-metric log'), 'the run-log language');
        await waitFor(async () => (await wb.languageMode()) === 'Run-metric log', { timeout: 10_000, message: 'usemem30-v12.log in the run-log language' });
      }
      const hovered = await comparisonHover(wb, 'usemem30-v12.log', v12.lineNo, 'Total throughput');
      log(`hover: ${hovered}`);
      assert.ok(hovered.includes(wantHover), `hover says "${wantHover}"`);
      await shot('e2e-compare-run-log-hover');

      // Several runs inside one run log (seed 000: 2 variants x 8/16/20 cores): "Compare Runs…" on
      // the log, keep its two 8-core runs, the first variant the baseline.
      const runs = logRuns(readFileSync(resolve(import.meta.dirname, '../fixtures/run-log/iommu-runs.md'), 'utf8'));
      const [base8, other8] = runs.filter((r) => r.cores === 8);
      log(`8-core runs: ${base8.heading} ${base8.throughput}, ${other8.heading} ${other8.throughput}`);
      await closeAllEditors(wb);
      await wb.openFile('iommu-runs.md');
      await wb.runCommand('PerfLens: Compare Runs...');
      await checkOnly(wb, (label) => label.startsWith('iommu-runs.md'), 'the run log among the files', 'pick two or more runs');
      await checkOnly(wb, (label) => label.startsWith('8 cores,'), 'the 8-core runs of the log', 'which runs of this log');
      await pickFocused(wb, base8.heading, (label) => label.includes(base8.heading), `the baseline run (${base8.heading})`, 'which run is the baseline');
      const logFrame = await waitFor(async () => {
        for (const f of await wb.framesWith('#compare-mode')) if ((await f.locator('.pl-row').count()) > 0 && (await f.evaluate(() => document.body.textContent.includes('8 cores')))) return f;
        return false;
      }, { timeout: 60_000, interval: 500, message: 'the comparison of the 8-core runs' });
      const shown = await logFrame.evaluate(() => {
        const heads = [...document.querySelectorAll('.pl-table-head')].map((h) => h.dataset.column);
        const r = [...document.querySelectorAll('.pl-row')].find((x) => x.querySelector('.pl-cell')?.textContent === 'Throughput');
        const options = [...document.querySelectorAll('#baseline-select vscode-option')].map((o) => o.textContent.trim());
        return { heads, options, row: r ? Object.fromEntries([...r.querySelectorAll('.pl-cell')].map((c, i) => [heads[i], c.textContent])) : undefined };
      });
      log(`runs of the log compared: ${JSON.stringify(shown)}`);
      assert.equal(shown.options.length, 2, 'exactly the two runs chosen');
      assert.ok(shown.options[0].startsWith('8 cores') && shown.options[0].includes(base8.heading), `the baseline first: ${shown.options[0]}`);
      assert.ok(shown.options[1].startsWith('8 cores') && shown.options[1].includes(other8.heading), `then the other variant: ${shown.options[1]}`);
      assert.ok(!shown.heads.some((h) => /@2/.test(h)), 'no third run column');
      const pct = ((100 * (other8.throughput - base8.throughput)) / base8.throughput).toFixed(2);
      assert.ok(shown.row, 'a Throughput row');
      assert.equal(shown.row['value@1:pct'], `${pct}%`, `Throughput ${base8.throughput} -> ${other8.throughput}`);
      // What each run's name says, per run; one kernel in both names (read here), so no kernel warning.
      const facts = await logFrame.evaluate(() => ({
        runs: [...document.querySelectorAll('#compare-run-facts .run-facts')].map((r) => r.textContent),
        notes: [...document.querySelectorAll('#compare-notes .note')].map((n) => n.textContent),
      }));
      log(`run facts: ${JSON.stringify(facts)}`);
      const kernelOf = (name) => /^\d{4}(?:-\d\d){5}-(\d+\.\d+\.\d+)-/.exec(name)[1];
      assert.equal(facts.runs.length, 2);
      assert.ok(facts.runs[0].includes(`kernel ${kernelOf(base8.name)}`) && facts.runs[0].includes('8 cores'), facts.runs[0]);
      assert.ok(facts.runs[1].includes(`kernel ${kernelOf(other8.name)}`), facts.runs[1]);
      assert.equal(facts.notes.some((n) => n.includes('different kernels')), kernelOf(base8.name) !== kernelOf(other8.name));
      await shot('e2e-compare-log-runs');

      // A hover on the other run's Throughput line in the log: the run is the block the line is in.
      const change = other8.throughput - base8.throughput;
      const wantRunHover = `${change >= 0 ? '+' : ''}${pct}% (${change >= 0 ? '+' : ''}${change.toLocaleString('en-US', { maximumFractionDigits: 2 })}) vs baseline ${shown.options[0]} (${base8.throughput.toLocaleString('en-US', { maximumFractionDigits: 2 })}).`;
      const runHover = await comparisonHover(wb, 'iommu-runs.md', other8.throughputLine, 'Throughput');
      log(`hover: ${runHover}`);
      assert.ok(runHover.includes(wantRunHover), `hover says "${wantRunHover}"`);
    },
  },
  {
    name: 'Repeated runs inside one run log: per-metric statistics with a Mann-Whitney verdict',
    timeout: 120_000,
    async run({ wb, shot, log }) {
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const want = `+${((100 * (median(REPEATS.zc) - median(REPEATS.base))) / median(REPEATS.base)).toFixed(2)}%`;
      assert.ok(Math.min(...REPEATS.zc) > Math.max(...REPEATS.base), 'every zc run beats every base run: 5+5 separated, p = 2/252 < 0.05');
      await closeAllEditors(wb);
      await wb.openFile(REPEATS.file);
      await wb.runCommand('PerfLens: Compare Runs...');
      await checkOnly(wb, (label) => label.startsWith(REPEATS.file), 'the run log among the files', 'pick two or more runs');
      await checkOnly(wb, () => true, 'all ten runs', 'which runs of this log');
      await pickFocused(wb, 'base-RUN-1', (label) => label.includes('base-RUN-1'), 'the baseline run base-RUN-1', 'which run is the baseline');
      const row = await waitFor(async () => {
        for (const f of await wb.framesWith('#compare-mode')) {
          const r = await f.evaluate(() => {
            const heads = [...document.querySelectorAll('.pl-table-head')].map((h) => h.dataset.column);
            const x = [...document.querySelectorAll('.pl-row')].find((e) => e.querySelector('.pl-cell')?.textContent === 'Throughput');
            return x && heads.includes('verdict1') ? Object.fromEntries([...x.querySelectorAll('.pl-cell')].map((c, i) => [heads[i], c.textContent])) : undefined;
          }).catch(() => undefined);
          if (r) return r;
        }
        return false;
      }, { timeout: 60_000, interval: 500, message: 'the statistics table with a Throughput row' });
      log(`Throughput statistics: ${JSON.stringify(row)}`);
      assert.equal(row.n0, '5');
      assert.equal(row.n1, '5');
      assert.equal(row.verdict1, want, 'the change of the medians, significant');
      await shot('e2e-compare-log-repeats');
    },
  },
];
