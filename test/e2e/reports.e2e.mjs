// End-to-end tests of the column reports in a real VS Code (code-server): a perf report (perf 6.1
// capture) and real strace -c captures. Hovers, the Outline, the Tables view, the flame graph of a
// report's call graph, the Syscall Costs chart and a comparison of two strace runs. Expected values
// are read here from the files' own text with small readers of their own.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from './browser.mjs';
import { closeAllEditors, drawnFrames, flameGraphFrame, waitForReady } from './flamegraph.e2e.mjs';
import { hoverText, revealLineText } from './features.e2e.mjs';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** perf report rows: `  58.46%  t  t  [.] leaf_a` -> { line, overhead, symbol }. */
function reportRows(text) {
  const rows = [];
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const m = /^\s+(\d+\.\d+)%\s+\S+\s+\S+\s+\[.\]\s+(\S+)/.exec(l);
    // A row whose next line opens a call-graph block (`|` or `---`) has chains.
    if (m) rows.push({ line: i + 1, overhead: m[1], symbol: m[2], chains: /^\s+(\||---)/.test(lines[i + 1] ?? '') });
  });
  return rows;
}

/** strace -c rows: { line, time, seconds, calls, errors, syscall } (errors may be blank). */
function straceRows(text) {
  const rows = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+)\s+(\d+)\s+(\d+\s+)?([a-z_0-9]+)\s*$/.exec(l);
    if (m && m[6] !== 'total') rows.push({ line: i + 1, time: m[1], seconds: Number(m[2]), calls: Number(m[4]), errors: Number(m[5] ?? 0), syscall: m[6] });
  });
  return rows;
}

export function prepareReportFixtures(workspace, need) {
  const report = 'callgraph.perf-report';
  cpSync(need('perf-6.1-captures/g_nochildren.txt'), join(workspace, report));
  const reportText = readFileSync(join(workspace, report), 'utf8');
  const small = 'strace-small-messages.txt';
  const batched = 'strace-batched.txt';
  for (const f of [small, batched]) cpSync(join(FIXTURES, 'strace-summary', f), join(workspace, f));
  return {
    report: { file: report, rows: reportRows(reportText) },
    strace: { small, batched, rows: straceRows(readFileSync(join(workspace, small), 'utf8')), batchedRows: straceRows(readFileSync(join(workspace, batched), 'utf8')) },
  };
}

async function frameWith(wb, selector, what, timeout = 60_000) {
  return waitFor(async () => (await wb.framesWith(selector)).at(-1), { timeout, message: what, interval: 500 });
}

async function hoverOn(wb, lineNo, needle) {
  const box = await revealLineText(wb, lineNo, needle);
  await wb.page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
  return waitFor(async () => {
    const t = await hoverText(wb.page);
    return t.includes(needle) && t.length > needle.length + 10 ? t : false;
  }, { timeout: 15_000, interval: 300, message: `a hover over ${needle} (line ${lineNo})` });
}

const firstRowCells = (frame) =>
  frame.evaluate(() => [...(document.querySelector('.pl-row[data-index="0"]')?.querySelectorAll('.pl-cell') ?? [])].map((c) => c.textContent));

export const tests = [
  {
    name: 'perf report: hover on a symbol, the Outline, Show Report (Tables) first row, the flame graph widest frame share',
    timeout: 150_000,
    async run({ wb, fixtures, shot, log }) {
      const { file, rows } = fixtures.reports.report;
      const top = rows[0];
      log(`expected from the report: first row ${top.symbol} ${top.overhead}% (line ${top.line}); rows with chains sum to ${rows.filter((r) => r.chains).reduce((s, r) => s + Number(r.overhead), 0).toFixed(2)}%`);
      await closeAllEditors(wb);
      await wb.openFile(file);
      const hover = await hoverOn(wb, top.line, top.symbol);
      log(`hover: ${hover}`);
      assert.ok(hover.includes(`Overhead ${top.overhead}%`), `the hover gives the row's overhead ${top.overhead}%`);
      assert.ok(/Rank 1 of \d+ rows/.test(hover), 'and its rank');
      await shot('e2e-report-hover');

      await wb.quickPick('F1', 'Focus on Outline View', (l) => /Focus on Outline View/.test(l), 'the Outline focus command', 20_000, '>');
      const outline = await waitFor(async () => {
        const r = await wb.page.evaluate(() =>
          [...document.querySelectorAll('.monaco-list-row')].filter((x) => x.querySelector('.outline-element')).map((x) => (x.querySelector('.label-name')?.textContent ?? '').trim()),
        );
        return r.includes(top.symbol) ? r : false;
      }, { timeout: 20_000, message: `the Outline to list ${top.symbol}` });
      log(`outline: ${outline.join(' | ')}`);
      assert.ok(outline.some((n) => n.startsWith('cpu-clock')), 'the event is in the Outline');
      await wb.runCommand('View: Show Explorer').catch(() => {});

      await wb.page.locator(`.tabs-container .tab[data-resource-name="${file}"]`).first().click();
      await wb.runCommand('PerfLens: Show Report (Tables)');
      const tables = await frameWith(wb, '#table-status', 'the Tables webview');
      await waitForReady(tables);
      await tables.waitForSelector('.pl-row[data-index="0"]', { timeout: 15_000 });
      const cells = await firstRowCells(tables);
      log(`first table row: ${cells.join(' | ')}`);
      assert.equal(cells[0], `${top.overhead}%`, 'the first row is the report\'s first row');
      assert.equal(cells.at(-1), top.symbol);
      // A row click shows its line in the editor.
      await tables.click('.pl-row[data-index="0"]');
      await waitFor(async () => (await wb.page.locator('.editor-instance .monaco-editor .view-overlays .current-line').count()) > 0, { timeout: 10_000, message: 'the row line revealed' });
      await shot('e2e-report-tables');

      await wb.page.locator(`.tabs-container .tab[data-resource-name="${file}"]`).first().click();
      await wb.runCommand('PerfLens: Open Flame Graph');
      const fg = await flameGraphFrame(wb);
      await waitForReady(fg);
      // The root (100%, named after the event) is not a frame of the report.
      const frames = (await drawnFrames(fg)).filter((f) => f.percent !== '100.00');
      const widest = frames.sort((a, b) => b.w - a.w)[0];
      log(`frames by width: ${frames.slice(0, 5).map((f) => `${f.name} ${f.percent}% w=${Math.round(f.w)}`).join(' | ')}`);
      const want = rows.filter((r) => r.chains).reduce((s, r) => s + Number(r.overhead), 0).toFixed(2);
      log(`widest frame: ${widest.name} ${widest.percent}%`);
      assert.equal(widest.name, 'start_thread');
      assert.equal(widest.percent, want, 'its share is the report\'s: the rows whose chains run through it');
      await shot('e2e-report-flamegraph');
    },
  },
  {
    name: 'strace -c: hover recvmsg, Syscall Costs top bar, compare two runs (delta of calls)',
    timeout: 150_000,
    async run({ wb, fixtures, shot, log }) {
      const { small, batched, rows, batchedRows } = fixtures.reports.strace;
      const recv = rows.find((r) => r.syscall === 'recvmsg');
      const topRow = [...rows].sort((a, b) => b.seconds - a.seconds)[0];
      const recvBatched = batchedRows.find((r) => r.syscall === 'recvmsg');
      log(`expected: recvmsg ${recv.calls} calls, ${recv.time}% (line ${recv.line}); top by time ${topRow.syscall} ${topRow.seconds} s; batched recvmsg ${recvBatched.calls} calls`);
      await closeAllEditors(wb);
      await wb.openFile(small);
      const hover = await hoverOn(wb, recv.line, 'recvmsg');
      log(`hover: ${hover}`);
      assert.ok(hover.includes('receive a message from a socket'), 'the man page description');
      assert.ok(hover.includes(`${recv.calls.toLocaleString('en-US')} calls`), 'its calls');
      assert.ok(hover.includes(`${recv.time}% of the syscall time`), 'its share of the time');
      await shot('e2e-strace-hover');

      await wb.runCommand('PerfLens: Show Syscall Costs');
      const chart = await frameWith(wb, 'canvas#syscall-chart', 'the Syscall Costs webview');
      await waitForReady(chart);
      const bar = await waitFor(async () => {
        const d = await chart.evaluate(() => ({ ...document.querySelector('canvas#syscall-chart').dataset }));
        return d.topLabel ? d : false;
      }, { timeout: 15_000, message: 'the top bar' });
      log(`top bar: ${JSON.stringify(bar)}`);
      assert.equal(bar.topLabel, topRow.syscall, 'the top bar is the syscall with the most time');
      const inUs = topRow.seconds * 1e6;
      const drawn = Number(bar.topValue) * ({ us: 1, ms: 1e3, s: 1e6 }[bar.unit] ?? NaN);
      assert.ok(Math.abs(drawn - inUs) <= Math.max(1, inUs * 1e-6), `its value ${bar.topValue} ${bar.unit} is the file's ${topRow.seconds} s`);
      await shot('e2e-strace-syscall-costs');

      // Compare: the small-message run is the baseline, the batched run moves the same bytes in fewer calls.
      await wb.page.locator(`.tabs-container .tab[data-resource-name="${small}"]`).first().click();
      await wb.runCommand('PerfLens: Select for Compare (PerfLens)');
      await wb.openFile(batched);
      await wb.runCommand('PerfLens: Compare with Selected (PerfLens)');
      const cmp = await frameWith(wb, '#compare-mode', 'the comparison webview');
      await waitForReady(cmp);
      await cmp.waitForSelector('.pl-row', { timeout: 15_000 });
      const row = await cmp.evaluate(() => {
        const heads = [...document.querySelectorAll('.pl-table-head')].map((h) => h.dataset.column);
        const r = [...document.querySelectorAll('.pl-row')].find((x) => x.querySelector('.pl-cell')?.textContent === 'recvmsg');
        return r ? Object.fromEntries([...r.querySelectorAll('.pl-cell')].map((c, i) => [heads[i], c.textContent])) : undefined;
      });
      log(`recvmsg in the comparison: ${JSON.stringify(row)}`);
      assert.ok(row, 'recvmsg has a row');
      assert.equal(row['calls@1:delta'], (recvBatched.calls - recv.calls).toLocaleString('en-US'), 'the change of recvmsg calls');
      await shot('e2e-strace-compare');
    },
  },
];
