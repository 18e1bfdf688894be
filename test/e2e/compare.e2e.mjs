// End-to-end tests of the comparison panel in a real VS Code (code-server): two real perf script
// recordings (test/fixtures/compare, see PROVENANCE.md) compared with "Select for Compare" and
// "Compare with Selected": the differential flame graph's most-grown frame, its change and its
// colour, then side by side and the function table. Expected numbers are computed here from the
// perf script text with a reader of its own, not by PerfLens.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from './browser.mjs';
import { closeAllEditors, waitForReady } from './flamegraph.e2e.mjs';

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

export function prepareCompareFixtures(workspace) {
  for (const f of ['pipeline-baseline.perf-script', 'pipeline-patched.perf-script']) cpSync(join(FIXTURES, f), join(workspace, f));
  return {
    baseline: 'pipeline-baseline.perf-script',
    patched: 'pipeline-patched.perf-script',
    grown: mostGrown(readFileSync(join(FIXTURES, 'pipeline-baseline.perf-script'), 'utf8'), readFileSync(join(FIXTURES, 'pipeline-patched.perf-script'), 'utf8')),
  };
}

async function compareFrame(wb, timeout = 60_000) {
  return waitFor(async () => (await wb.framesWith('#compare-mode')).at(0), { timeout, message: 'the comparison webview (a frame with #compare-mode)', interval: 500 });
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
    },
  },
];
