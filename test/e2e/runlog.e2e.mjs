// End-to-end test of run-metric logs in a real VS Code (code-server): seed 000 (an IOMMU study in
// a Markdown note) opened as .md is taken over by the run-log language; its negative variances are
// PerfLens warnings in the Problems panel; a hover on qi_submit_sync gives its figures in every run;
// the run matrix shows a metric and a derived metric from the user's settings. Expected numbers are
// read here from the seed text itself.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from './browser.mjs';
import { closeAllEditors, waitForReady } from './flamegraph.e2e.mjs';
import { hoverText, problemRows, revealLineText } from './features.e2e.mjs';

const FILE = 'iommu-runs.md';
/** The derived metric the e2e user sets (seed 001's ROI). */
export const RUN_LOG_SETTINGS = { 'perflens.runLog.derivedMetrics': [{ name: 'ROI', expression: 'Throughput^2 / CPU' }] };

export function prepareRunLogFixtures(workspace) {
  const src = resolve(import.meta.dirname, '../fixtures/run-log/iommu-runs.md');
  cpSync(src, join(workspace, FILE));
  const lines = readFileSync(src, 'utf8').split('\n');
  // eBPF table rows: "8  qi_submit_sync  -1  1043958  12048701206 ..." -> count per run, in file order.
  const qi = lines.map((l, i) => ({ i, m: /^\s*\d+\s+qi_submit_sync\s+-?\d+\s+(\d+)\s/.exec(l) })).filter((x) => x.m);
  const negative = lines.map((l, i) => ({ i, m: /^\s*\d+\s+(\S+)\s+-?\d+\s+\d+\s+\d+\s+[\d.]+\s+(-\d[\d.e+-]*)\s/.exec(l) })).find((x) => x.m);
  // The 16-core run of the first variant: its banner, Throughput and CPU Util lines.
  const banner = lines.findIndex((l) => /flow16-.*16cores Run Metrics/.test(l));
  const value = (name) => Number(lines.slice(banner).find((l) => l.startsWith(`${name}:`)).split(':')[1]);
  return {
    file: FILE,
    qi: { line: qi[0].i + 1, counts: qi.map((x) => Number(x.m[1])) },
    negative: { line: negative.i + 1, fn: negative.m[1] },
    run16: { throughput: value('Throughput'), cpu: value('CPU Util') },
  };
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const tests = [
  {
    name: 'run log (seed 000 in Markdown): negative variance in Problems, qi_submit_sync hover across runs, run matrix cell and derived ROI',
    timeout: 150_000,
    async run({ wb, fixtures, shot, log }) {
      const { file, qi, negative, run16 } = fixtures.runLog;
      log(`expected: qi_submit_sync counts ${qi.counts.join(', ')} (first at line ${qi.line}); negative variance of ${negative.fn} at line ${negative.line}; 16 cores Throughput ${run16.throughput}, CPU ${run16.cpu}`);
      await closeAllEditors(wb);
      await wb.openFile(file);
      await waitFor(async () => /run[- ]?(metric )?log/i.test(await wb.languageMode()), { timeout: 15_000, message: 'the Markdown note switched to the run-log language' });

      await wb.focusWorkbench();
      await wb.page.keyboard.press('Control+Shift+M');
      await wb.page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 15_000 });
      const row = await waitFor(async () => (await problemRows(wb.page)).find((r) => r.aria.includes(`${negative.fn}: negative variance`)), {
        timeout: 20_000,
        interval: 500,
        message: `a Problems row about ${negative.fn}'s negative variance`,
      });
      log(`problem: ${row.text}`);
      assert.ok(row.text.includes(`[Ln ${negative.line},`), `at line ${negative.line}: ${row.text}`);
      assert.match(row.text, /PerfLens/);
      await shot('e2e-runlog-problems');
      await wb.page.keyboard.press('Control+Shift+M');

      const box = await revealLineText(wb, qi.line, 'qi_submit_sync');
      await wb.page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
      const hover = await waitFor(async () => {
        const t = await hoverText(wb.page);
        return t.includes('other runs') ? t : false;
      }, { timeout: 15_000, interval: 300, message: 'a hover on qi_submit_sync' });
      log(`hover: ${hover}`);
      for (const c of qi.counts) assert.ok(hover.includes(`count ${c.toLocaleString('en-US')}`), `the hover gives qi_submit_sync's count ${c} of every run`);
      await shot('e2e-runlog-hover');

      await wb.runCommand('PerfLens: Show Report (Tables)');
      const frame = await waitFor(async () => (await wb.framesWith('#table-status')).at(-1), { timeout: 60_000, message: 'the Tables webview', interval: 500 });
      await waitForReady(frame);
      await frame.waitForSelector('.pl-row', { timeout: 15_000 });
      const cells = await frame.evaluate(() => {
        const heads = [...document.querySelectorAll('.pl-table-head')].map((h) => h.textContent);
        return [...document.querySelectorAll('.pl-row')].map((r) => Object.fromEntries([...r.querySelectorAll('.pl-cell')].map((c, i) => [heads[i], c.textContent])));
      });
      const r16 = cells.find((r) => r.cores === '16');
      log(`run matrix, 16 cores: ${JSON.stringify(r16)}`);
      assert.ok(r16, 'a 16-core run in the matrix');
      assert.equal(r16.Throughput, fmt.format(run16.throughput));
      assert.equal(r16.ROI, fmt.format(run16.throughput ** 2 / run16.cpu), 'the derived metric ROI = Throughput^2 / CPU');
      await shot('e2e-runlog-matrix');
    },
  },
];
