// End-to-end tests of the Tables panel in a real VS Code (code-server): "PerfLens: Show Tables" on
// a perf script shows its function table; sorting and filtering work in the webview. Expected
// numbers are computed here from inferno's stored collapse of the same profile, not by PerfLens.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { waitFor } from './browser.mjs';
import { closeAllEditors, waitForReady, textOf } from './flamegraph.e2e.mjs';

export const SHOW_TABLES = 'PerfLens: Show Tables';

/** Per function: the samples of stacks that contain it (once per stack), and as leaf; from folded text. */
export function functionShares(foldedFile) {
  const totals = new Map();
  const selfs = new Map();
  let all = 0;
  for (const line of readFileSync(foldedFile, 'utf8').split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    const n = Number(line.slice(sp + 1));
    const frames = line.slice(0, sp).split(';');
    all += n;
    for (const f of new Set(frames)) totals.set(f, (totals.get(f) ?? 0) + n);
    const leaf = frames.at(-1);
    selfs.set(leaf, (selfs.get(leaf) ?? 0) + n);
  }
  const pct = (v) => ((100 * v) / all).toFixed(2);
  const byTotal = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const bySelf = [...selfs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { all, functions: totals.size, top: { name: byTotal[0][0], percent: pct(byTotal[0][1]) }, topSelf: { name: bySelf[0][0], percent: pct(bySelf[0][1]) }, names: [...totals.keys()] };
}

async function tablesFrame(wb, timeout = 60_000) {
  return waitFor(async () => (await wb.framesWith('#table-status')).at(0), { timeout, message: 'the Tables webview (a frame with #table-status)', interval: 500 });
}

/** The cells' text of the first rendered rows (in display order). */
const firstRows = (frame, n = 3) =>
  frame.evaluate((count) => {
    const rows = [...document.querySelectorAll('.pl-row')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
    return rows.slice(0, count).map((r) => [...r.querySelectorAll('.pl-cell')].map((c) => c.textContent));
  }, n);

export const tests = [
  {
    name: 'Show Tables on a perf script: function table, top total share, sort by self, filter',
    timeout: 120_000,
    async run({ wb, fixtures, shot, log }) {
      const { file, expectedFilePath } = fixtures.perfScript;
      const expected = functionShares(expectedFilePath);
      log(`expected: ${expected.functions} functions; top total ${expected.top.name} ${expected.top.percent}%, top self ${expected.topSelf.name} ${expected.topSelf.percent}%`);
      await closeAllEditors(wb);
      await wb.openFile(file);
      await wb.runCommand(SHOW_TABLES);
      const frame = await tablesFrame(wb);
      await waitForReady(frame);
      await waitFor(async () => (await textOf(frame, '#table-status')).length > 0, { timeout: 10_000, message: '#table-status' });
      const status = await textOf(frame, '#table-status');
      log(`status: ${status}`);
      assert.equal(status.replace(/[,\s]/g, ''), `${expected.functions}of${expected.functions}rows`);
      let rows = await firstRows(frame);
      assert.equal(rows[0][0], expected.top.name, 'the first row is the function with the largest total');
      assert.equal(rows[0][1], `${expected.top.percent}%`, 'its Total % is its share of the samples');
      // Sort by Self % (numbers sort descending first).
      await frame.click('.pl-table-head[data-column="selfShare"]');
      await waitFor(async () => (await frame.getAttribute('.pl-table-head[data-column="selfShare"]', 'aria-sort')) === 'descending', { timeout: 5000, message: 'Self % sorted descending' });
      rows = await firstRows(frame);
      assert.equal(rows[0][0], expected.topSelf.name, 'sorted by Self %: the hottest leaf first');
      assert.equal(rows[0][2], `${expected.topSelf.percent}%`);
      await shot('e2e-tables-sorted');
      // Filter: rows whose name contains the text (case-insensitive), counted from the folded file.
      const term = 'sys_';
      const want = expected.names.filter((n) => n.toLowerCase().includes(term)).length;
      await frame.locator('#table-filter input').fill(term).catch(async () => {
        await frame.click('#table-filter');
        await wb.page.keyboard.type(term);
      });
      await waitFor(async () => (await textOf(frame, '#table-status')).replace(/[,\s]/g, '').startsWith(`${want}of`), { timeout: 10_000, message: `${want} rows after filtering by "${term}"` });
      rows = await firstRows(frame, 50);
      assert.ok(rows.every((r) => r[0].toLowerCase().includes(term)), 'every row shown contains the filter text');
    },
  },
];
