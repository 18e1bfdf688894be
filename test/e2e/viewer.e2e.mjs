// End-to-end tests of the PerfLens custom editor in a real VS Code (code-server): "Reopen Editor
// With… > PerfLens", a report too large for the text editor opening there directly, and "Open
// Flame Graph" using that tab's file. Expected numbers are computed here from the corpus.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { waitFor } from './browser.mjs';
import { COMMAND, closeAllEditors, flameGraphFrame, textOf, waitForReady } from './flamegraph.e2e.mjs';
import { topLevelShares } from './expected.mjs';

/**
 * big.perf-script: FlameGraph's example perf script (inferno's stored collapse of it gives the
 * sample count) repeated past 10 MB, VS Code's text-editor limit for remote files in code-server.
 */
export function prepareViewerFixtures(workspace, need) {
  const one = gunzipSync(readFileSync(need('flamegraph/example-perf-stacks.txt.gz'))).toString('utf8').replace(/\n*$/, '\n\n');
  const samples = topLevelShares(need('inferno/tests/data/collapse-perf/results/example-perf-stacks-collapsed.txt')).total;
  const copies = Math.ceil((12 * 1024 * 1024) / Buffer.byteLength(one));
  writeFileSync(join(workspace, 'big.perf-script'), one.repeat(copies));
  writeFileSync(join(workspace, 'small.perf-script'), one);
  return { big: { file: 'big.perf-script', samples: samples * copies, bytes: Buffer.byteLength(one) * copies }, small: { file: 'small.perf-script', samples } };
}

const digitsOnly = (s) => s.replace(/[\s,.\u00a0\u202f']/g, '');
const headerShowsSamples = async (frame, n) => digitsOnly(await textOf(frame, '#header')).includes(`${n}samples`);

/** Picks `label` in the quick input that is open now. */
async function pickInOpenQuickInput(wb, label, timeout = 20_000) {
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(label);
  const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
  await waitFor(async () => ((await row.count()) ? ((await row.first().getAttribute('aria-label')) ?? '').includes(label) : false), {
    timeout,
    message: `"${label}" in the quick input`,
  });
  await wb.page.keyboard.press('Enter');
}

/** Label of the active editor tab. */
const activeTab = (wb) => wb.page.locator('.tabs-container .tab.active').first().getAttribute('aria-label');

export const tests = [
  {
    name: 'Reopen Editor With… > PerfLens: the file shows as its flame graph in the editor',
    timeout: 90_000,
    async run({ wb, fixtures, shot, log }) {
      const { file, samples } = fixtures.viewer.small;
      await closeAllEditors(wb);
      await wb.openFile(file);
      await wb.runCommand('View: Reopen Editor With...');
      await pickInOpenQuickInput(wb, 'PerfLens');
      const frame = await flameGraphFrame(wb);
      await waitForReady(frame);
      await waitFor(() => headerShowsSamples(frame, samples), { timeout: 10_000, message: `#header to show ${samples} samples` });
      const tab = await activeTab(wb);
      log(`active tab: ${tab}`);
      assert.ok(tab?.includes(file), `the PerfLens editor is the active tab for ${file}: "${tab}"`);
      assert.equal(await wb.page.locator('.editor-instance .monaco-editor .view-lines').count(), 0, 'no text editor is left open');
      await shot('e2e-viewer-reopen-with');
    },
  },
  {
    name: 'a report too large for the text editor opens in PerfLens directly; Open Flame Graph uses that tab',
    timeout: 150_000,
    async run({ wb, fixtures, shot, log }) {
      const { file, samples, bytes } = fixtures.viewer.big;
      log(`${file}: ${(bytes / 1048576).toFixed(1)} MiB, ${samples} samples expected`);
      await closeAllEditors(wb);
      await wb.quickPick('Control+P', file, (label) => label.includes(file), `file ${file}`);
      const frame = await flameGraphFrame(wb, { timeout: 90_000 });
      await waitForReady(frame, 90_000);
      await waitFor(() => headerShowsSamples(frame, samples), { timeout: 10_000, message: `#header to show ${samples} samples` });
      const tabs = await wb.page.locator('.tabs-container .tab').count();
      assert.equal(tabs, 1, 'the text tab with "file is very large" was replaced, not kept beside');
      assert.ok((await activeTab(wb))?.includes(file), 'the PerfLens editor tab is active');
      await shot('e2e-viewer-large-file');
      // The command on that tab draws that file, with no file picker.
      await wb.runCommand(COMMAND);
      const panel = await flameGraphFrame(wb, { exclude: new Set([frame]), timeout: 90_000 });
      await waitForReady(panel, 90_000);
      assert.equal(await wb.page.locator('.quick-input-widget .quick-input-box input').isVisible().catch(() => false), false, 'no file picker');
      await waitFor(() => headerShowsSamples(panel, samples), { timeout: 10_000, message: `the new panel's #header to show ${samples} samples` });
      log(`panel tab: ${await activeTab(wb)}`);
    },
  },
];
