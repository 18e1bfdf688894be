// End-to-end tests of PerfLens' editor features in a real VS Code (code-server) + headless Chromium:
// Problems panel diagnostics, hovers, the Outline, the explorer context menu, the event selector of
// a multi-event profile, and a flame graph panel that survives a window reload.
//
// Every expected number is computed here, independently of PerfLens (no import of its parsers),
// from the corpus files: FlameGraph's stored stackcollapse-perf.pl results, inferno's stored
// collapse, or a plain count of the perf script blocks (cross-checked against those results).
// Each test gets ctx = { wb (Workbench), page, fixtures, shot(name), log(msg) } from run.mjs.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './browser.mjs';
import {
  COMMAND,
  breadcrumbSegments,
  closeAllEditors,
  drawnFrames,
  flameGraphFrame,
  rootAndChildren,
  settled,
  stateOf,
  textOf,
  waitForReady,
} from './flamegraph.e2e.mjs';

// ---------------------------------------------------------------------------------------------
// Independent expectations

/** Sums the counts of a folded file per frame name, each stack counting once per name. */
function foldedOnStack(file) {
  const byName = new Map();
  let total = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const sp = line.lastIndexOf(' ');
    const count = Number(line.slice(sp + 1));
    total += count;
    for (const name of new Set(line.slice(0, sp).split(';'))) byName.set(name, (byName.get(name) ?? 0) + count);
  }
  return { byName, total };
}

/**
 * Reads perf script text as blocks (a header line, then TAB/space-indented frame lines, then a blank
 * line), `#` lines skipped. Returns every sample with { header, event, comm, symbols, terminated }
 * where `terminated` says whether a blank line closed it (the perl drops an unterminated last one).
 */
function perfScriptSamples(text) {
  const samples = [];
  let cur;
  // The newline that ends the last line does not make an empty line after it.
  for (const raw of text.replace(/\r?\n$/, '').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      if (cur) cur.terminated = true;
      cur = undefined;
      continue;
    }
    if (!/^\s/.test(line) && !cur) {
      const event = /\s(\S+?):\s*$/.exec(line);
      cur = { header: line, comm: /^(\S+)/.exec(line)[1], event: event?.[1], symbols: [], terminated: false };
      samples.push(cur);
      continue;
    }
    const m = /^\s+[0-9a-f]+\s+(.*?)\s+\(([^()]*)\)\s*$/.exec(line);
    if (cur && m) cur.symbols.push(m[1]);
  }
  return samples;
}

const pct = (part, whole) => `${((100 * part) / whole).toFixed(2)}%`;
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Writes this file's fixtures into the workspace; `need(rel)` resolves a corpus file or throws. */
export function prepareFeatureFixtures(workspace, need) {
  // perf-vertx-stacks-01: Java vert.x, 286 samples, the last one NOT closed by a blank line.
  const vertxPath = need('flamegraph/test/perf-vertx-stacks-01.txt');
  const vertxText = readFileSync(vertxPath, 'utf8');
  writeFileSync(join(workspace, 'vertx.perf-script'), vertxText);
  const perl = foldedOnStack(need('flamegraph/test/results/perf-vertx-stacks-01-collapsed-kernel.txt'));
  const samples = perfScriptSamples(vertxText);

  /**
   * Share of samples that have a frame whose raw symbol satisfies `isIt`, counted here on the perf
   * script blocks; the count over blank-line-terminated samples must equal FlameGraph's stored
   * stackcollapse-perf.pl result for `foldedName` (that validates this little counter). PerfLens by
   * default also counts the unterminated last sample (README: "Where we differ"), so the expected
   * share is over all samples.
   */
  const hoverCase = (line, foldedName, isIt) => {
    const count = (list) => list.filter((s) => s.symbols.some(isIt)).length;
    const closed = samples.filter((s) => s.terminated);
    assert.equal(closed.length, perl.total, 'terminated perf script samples vs. FlameGraph result total');
    assert.equal(count(closed), perl.byName.get(foldedName), `samples with ${foldedName} vs. FlameGraph result`);
    const lines = vertxText.split('\n');
    const lineNo = lines.findIndex((l) => l.includes(line)) + 1;
    assert.ok(lineNo > 0, `no line with ${line}`);
    return {
      lineNo,
      text: line,
      name: foldedName,
      percent: pct(count(samples), samples.length),
      perlPercent: pct(count(closed), closed.length),
    };
  };
  const hover = {
    file: 'vertx.perf-script',
    event: samples[0].event,
    samples: samples.length,
    cpp: hoverCase('JavaThread::run()', 'JavaThread::run', (s) => s === 'JavaThread::run()'),
    java: hoverCase(
      'Lio/netty/channel/nio/NioEventLoop;.run()V',
      'io/netty/channel/nio/NioEventLoop:.run',
      (s) => s.startsWith('Lio/netty/channel/nio/NioEventLoop;.run('),
    ),
  };

  // The same file with one frame line (in the middle of a sample) replaced by garbage.
  const lines = vertxText.split('\n');
  let garbageLine = -1;
  for (let i = 199; i < lines.length; i++) {
    if (/^\t\s*[0-9a-f]+ \S/.test(lines[i]) && /^\t/.test(lines[i + 1] ?? '')) {
      garbageLine = i;
      break;
    }
  }
  assert.ok(garbageLine > 0, 'no frame line to replace in the vertx file');
  lines[garbageLine] = 'THIS IS GARBAGE';
  writeFileSync(join(workspace, 'garbage.perf-script'), lines.join('\n'));

  // Two events: the first one in the file is the default.
  const ciPath = need('flamegraph/test/perf-cycles-instructions-01.txt');
  const ciText = readFileSync(ciPath, 'utf8');
  writeFileSync(join(workspace, 'cycles-instructions.perf-script'), ciText);
  const ciSamples = perfScriptSamples(ciText);
  const byEvent = new Map();
  for (const s of ciSamples) byEvent.set(s.event, (byEvent.get(s.event) ?? 0) + 1);
  const first = ciSamples[0].event;
  const other = [...byEvent.keys()].find((e) => e !== first);
  // FlameGraph's stored collapse (perl, first event only) agrees with the count of first-event samples.
  assert.equal(foldedOnStack(need('flamegraph/test/results/perf-cycles-instructions-01-collapsed-kernel.txt')).total, byEvent.get(first));

  // perf script output saved as .txt (VS Code's plaintext) and a plain `word count` list that must stay plain text.
  writeFileSync(join(workspace, 'perf-out.txt'), ciText);
  writeFileSync(join(workspace, 'word-counts.txt'), 'alpha 12\nbeta 7\ngamma 3\n');

  // A file that is rewritten while its flame graph is open: first the two-event file's first event
  // samples, then the vert.x profile.
  const liveFile = 'live.perf-script';
  writeFileSync(join(workspace, liveFile), ciText);

  return {
    live: {
      file: liveFile,
      path: join(workspace, liveFile),
      before: byEvent.get(first),
      afterText: vertxText,
      after: samples.length,
    },
    plainText: { perf: 'perf-out.txt', other: 'word-counts.txt' },
    vertx: { file: 'vertx.perf-script', samples: samples.length },
    hover,
    garbage: { file: 'garbage.perf-script', line: garbageLine + 1, message: 'unrecognized line: THIS IS GARBAGE' },
    multiEvent: {
      file: 'cycles-instructions.perf-script',
      first: { event: first, samples: byEvent.get(first) },
      other: { event: other, samples: byEvent.get(other) },
      events: [...byEvent.keys()],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Workbench helpers

/** Waits for a webview frame with #flamegraph that is ready and shows `file` in #header. */
async function readyPanelFor(wb, file, timeout = 60_000) {
  const frame = await waitFor(
    async () => {
      for (const f of await wb.framesWith('#flamegraph')) {
        const state = await stateOf(f).catch(() => '');
        const header = await textOf(f, '#header').catch(() => '');
        if ((state === 'ready' || state === 'error') && header.includes(file)) return f;
        if (state === 'error') return f;
      }
      return false;
    },
    { timeout, interval: 500, message: `a flame graph panel for ${file} (body[data-state] ready, #header naming it)` },
  );
  await waitForReady(frame, 5000);
  return frame;
}

/** Visible text of the editor hover widget(s), or ''. */
export async function hoverText(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.monaco-hover')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && !e.classList.contains('hidden') && getComputedStyle(e).visibility !== 'hidden';
      })
      .map((e) => e.innerText.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' | '),
  );
}

/** Goes to a 1-based line with Ctrl+G and returns the box of the rendered text `needle` on that line. */
export async function revealLineText(wb, lineNo, needle) {
  const { page } = wb;
  await wb.focusWorkbench();
  await wb.closeQuickInput();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${lineNo}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  return waitFor(
    async () =>
      page.evaluate(
        ({ needle }) => {
          const editor = document.querySelector('.editor-instance .monaco-editor');
          const cursorLine = editor?.querySelector('.view-overlays .current-line');
          if (!editor || !cursorLine) return false;
          const top = cursorLine.getBoundingClientRect().top;
          const line = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => Math.abs(l.getBoundingClientRect().top - top) < 2);
          if (!line) return false;
          const text = line.textContent.replace(/\u00a0/g, ' ');
          const at = text.indexOf(needle);
          if (at < 0) return { text };
          // The rendered spans (tokens) cover the line; find the range of characters of `needle`.
          const range = document.createRange();
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let seen = 0;
          let startSet = false;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const len = n.textContent.length;
            if (!startSet && at < seen + len) {
              range.setStart(n, at - seen);
              startSet = true;
            }
            if (startSet && at + needle.length <= seen + len) {
              range.setEnd(n, at + needle.length - seen);
              break;
            }
            seen += len;
          }
          const r = range.getBoundingClientRect();
          return { text, x: r.x, y: r.y, w: r.width, h: r.height };
        },
        { needle },
      ).then((r) => (r && r.w > 0 ? r : false)),
    { timeout: 10_000, message: `line ${lineNo} with "${needle}" rendered in the editor` },
  );
}

/** Rows of the Problems panel: { aria, text }. */
export async function problemRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => ({
      aria: r.getAttribute('aria-label') ?? '',
      text: r.innerText.replace(/\s+/g, ' ').trim(),
    })),
  );
}

/** Rows of the Outline view: { name, detail } (label and description of each entry). */
async function outlineRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.monaco-list-row')]
      .filter((r) => r.querySelector('.outline-element'))
      .map((r) => ({
        name: (r.querySelector('.label-name')?.textContent ?? '').trim(),
        detail: (r.querySelector('.label-description')?.textContent ?? '').trim(),
      })),
  );
}

/** The facts of the flame graph #header ("event cycles", "111 samples", ...), whitespace collapsed. */
function headerFacts(frame) {
  return frame.evaluate(() => [...document.querySelectorAll('#header .fact')].map((f) => f.textContent.replace(/\s+/g, ' ').trim()));
}

/** "1,315" / "1 315" / "1315" -> "1315". */
const digitsOnly = (s) => s.replace(/[\s,.\u00a0\u202f']/g, '');
/** Whether the #header facts show `n samples`, however the number is grouped. */
const showsSamples = (facts, n) => facts.some((f) => digitsOnly(f) === `${n}samples`);

/** A clean workbench with `file` open and its flame graph panel ready. */
async function openFlameGraphOf(wb, file) {
  await freshStart(wb);
  await wb.openFile(file);
  await wb.runCommand(COMMAND);
  const frame = await flameGraphFrame(wb);
  await waitForReady(frame);
  return frame;
}

/** Reloads the window with "Developer: Reload Window" and waits for the workbench to be back. */
async function reloadWindow(wb, log) {
  const { page } = wb;
  await page.evaluate(() => {
    window.__perflensBeforeReload = true;
  });
  await wb.runCommand('Developer: Reload Window');
  await waitFor(async () => !(await page.evaluate(() => window.__perflensBeforeReload === true).catch(() => true)), {
    timeout: 30_000,
    message: 'the page to reload after "Developer: Reload Window"',
  });
  log('page reloaded; waiting for the workbench');
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  await page.waitForSelector('#workbench\\.parts\\.statusbar', { timeout: 60_000 });
}

/** What a vscode-single-select holds and shows: { value, face } (face = text of its closed box). */
function selectShows(select) {
  return select.evaluate((e) => ({
    value: e.value,
    face: (e.shadowRoot?.querySelector('.select-face, [role="combobox"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }));
}

/** Opens a vscode-single-select and clicks the option labelled `label`. */
async function choose(select, label) {
  await select.locator('[role="combobox"]').first().click({ timeout: 10_000 });
  await select.locator('li[role="option"]', { hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) }).first().click({ timeout: 10_000 });
}

/** A clean start for a test: no context menu or hover left by a failed test, no editors. */
async function freshStart(wb) {
  const { page } = wb;
  for (let i = 0; i < 3 && (await page.locator('.context-view .monaco-menu').isVisible().catch(() => false)); i++) {
    await page.keyboard.press('Escape');
  }
  await page.mouse.move(5, 500).catch(() => {});
  await closeAllEditors(wb);
}

// ---------------------------------------------------------------------------------------------
// Tests

export const tests = [
  {
    name: 'the flame graph follows its file when it is written again (perf script > out.txt)',
    timeout: 90_000,
    async run({ wb, fixtures, shot, log }) {
      const { file, path, before, afterText, after } = fixtures.live;
      const frame = await openFlameGraphOf(wb, file);
      let facts = await headerFacts(frame);
      assert.ok(showsSamples(facts, before), `#header shows ${before} samples first: ${JSON.stringify(facts)}`);
      writeFileSync(path, afterText);
      facts = await waitFor(
        async () => {
          const f = await headerFacts(frame).catch(() => []);
          return showsSamples(f, after) ? f : false;
        },
        { timeout: 20_000, interval: 500, message: `#header to show ${after} samples after the file was rewritten` },
      );
      log(`header after rewrite: ${JSON.stringify(facts)}`);
      await shot('e2e-live-reload');
    },
  },
  {
    name: 'a .txt file holding perf script output is switched to the perf script language; other text stays plain',
    timeout: 60_000,
    async run({ wb, fixtures, shot, log }) {
      await freshStart(wb);
      await wb.openFile(fixtures.plainText.perf);
      const mode = await waitFor(async () => {
        const m = await wb.languageMode();
        return /perf[ -]?script/i.test(m) ? m : undefined;
      }, { timeout: 15_000, interval: 300, message: `language mode of ${fixtures.plainText.perf} to become perf script` });
      log(`${fixtures.plainText.perf}: ${mode}`);
      await shot('e2e-autodetect');
      await wb.openFile(fixtures.plainText.other);
      await new Promise((r) => setTimeout(r, 1500));
      assert.match(await wb.languageMode(), /plain ?text/i, `${fixtures.plainText.other} stays plain text`);
    },
  },
  {
    name: 'Problems panel: a garbage line is a PerfLens warning at its line',
    timeout: 60_000,
    async run({ wb, page, fixtures, shot, log }) {
      const { file, line, message } = fixtures.garbage;
      await freshStart(wb);
      await wb.openFile(file);
      assert.match(await wb.languageMode(), /perf[ -]?script/i, `language mode of ${file}`);
      await wb.focusWorkbench();
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 15_000 });
      const wanted = new RegExp(`^Warning: ${escapeRe(message)} at line (\\d+) and character 1\\..*generated by PerfLens`);
      const row = await waitFor(
        async () => (await problemRows(page)).find((r) => wanted.test(r.aria)),
        { timeout: 20_000, interval: 500, message: `a Problems row "Warning: ${message} at line … generated by PerfLens"` },
      ).catch(async (e) => {
        throw new Error(`${e.message}; rows: ${JSON.stringify(await problemRows(page))}`);
      });
      await shot('e2e-problems');
      log(`problem: ${row.text}`);
      assert.equal(Number(wanted.exec(row.aria)[1]), line, `line of the warning (aria-label "${row.aria}")`);
      assert.ok(row.text.includes(message), `the row shows the message: "${row.text}"`);
      assert.ok(row.text.includes(`[Ln ${line}, Col 1]`), `the row shows [Ln ${line}, Col 1]: "${row.text}"`);
      assert.match(row.text, /PerfLens/, 'the row names the source PerfLens');
      // The file row counts it: exactly one problem about garbage.
      const garbageRows = (await problemRows(page)).filter((r) => r.aria.includes('THIS IS GARBAGE'));
      assert.equal(garbageRows.length, 1, `one garbage warning, got ${garbageRows.map((r) => r.aria).join(' | ')}`);
    },
  },
  {
    name: 'hover on a C++ frame: function name and "On the stack in X% of" (X counted from the corpus)',
    timeout: 60_000,
    async run({ wb, page, fixtures, shot, log }) {
      const { file, cpp, event, samples } = fixtures.hover;
      log(`expected: ${cpp.name} on the stack in ${cpp.percent} of ${samples} ${event} samples (perl, without the unterminated last sample: ${cpp.perlPercent})`);
      await freshStart(wb);
      await wb.openFile(file);
      const box = await revealLineText(wb, cpp.lineNo, cpp.text);
      await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
      const text = await waitFor(
        async () => {
          const t = await hoverText(page);
          return /On the stack in/.test(t) ? t : false;
        },
        { timeout: 15_000, interval: 300, message: `a hover with "On the stack in" over ${cpp.text} (line ${cpp.lineNo})` },
      ).catch(async (e) => {
        throw new Error(`${e.message}; hover shows: "${await hoverText(page)}"`);
      });
      await shot('e2e-hover-cpp');
      log(`hover: ${text}`);
      assert.ok(text.includes(cpp.name), `hover names ${cpp.name}: "${text}"`);
      assert.ok(text.includes(`On the stack in ${cpp.percent} of`), `hover says "On the stack in ${cpp.percent} of": "${text}"`);
      await page.mouse.move(5, 500);
    },
  },
  {
    name: 'hover on a Java (JIT) frame: tidied name and "On the stack in X% of"',
    timeout: 60_000,
    async run({ wb, page, fixtures, shot, log }) {
      const { file, java } = fixtures.hover;
      log(`expected: ${java.name} on the stack in ${java.percent}`);
      await freshStart(wb);
      await wb.openFile(file);
      const box = await revealLineText(wb, java.lineNo, java.text);
      await page.mouse.move(box.x + Math.min(box.w / 2, 60), box.y + box.h / 2);
      // The hover itself appears (it shows the address/module line even without a share).
      const first = await waitFor(async () => (/address/.test(await hoverText(page)) ? hoverText(page) : false), {
        timeout: 15_000,
        interval: 300,
        message: `a PerfLens hover over ${java.text} (line ${java.lineNo})`,
      });
      // Give the analysis (worker, 300 ms debounce) time to land, then read the final hover.
      const text = await waitFor(
        async () => {
          const t = await hoverText(page);
          return /On the stack in/.test(t) ? t : false;
        },
        { timeout: 8000, interval: 300, message: 'the share line' },
      ).catch(() => first);
      await shot('e2e-hover-java');
      log(`hover: ${text}`);
      assert.ok(
        text.includes(`On the stack in ${java.percent} of`),
        `hover over the Java frame "${java.text}" should say "On the stack in ${java.percent} of" (the share of ${java.name}); it shows: "${text}"`,
      );
      await page.mouse.move(5, 500);
    },
  },
  {
    name: 'Outline: processes with "N samples (P%)"',
    timeout: 60_000,
    async run({ wb, page, fixtures, shot, log }) {
      const { file, expected } = fixtures.perfScript;
      const [first, second] = expected.children;
      const want = (c) => `${c.count} samples (${c.percent}%)`;
      log(`expected (inferno's collapse): ${first.name} ${want(first)}; ${second.name} ${want(second)}`);
      await freshStart(wb);
      await wb.openFile(file);
      await wb.quickPick('F1', 'Focus on Outline View', (l) => /Focus on Outline View/.test(l), 'the Outline focus command', 20_000, '>');
      const rows = await waitFor(
        async () => {
          const r = await outlineRows(page);
          return r.length >= 2 ? r : false;
        },
        { timeout: 20_000, interval: 500, message: 'Outline rows for the perf script file' },
      ).catch(async (e) => {
        throw new Error(`${e.message}; outline rows: ${JSON.stringify(await outlineRows(page))}`);
      });
      await shot('e2e-outline');
      log(`outline: ${rows.map((r) => `${r.name} ${r.detail}`).join(' | ')}`);
      // VS Code orders the Outline itself (outline.sortOrder, by position by default): find by name.
      for (const c of [first, second]) {
        const row = rows.find((r) => r.name === c.name);
        assert.ok(row, `an Outline entry named ${c.name} (entries: ${rows.map((r) => r.name).join(', ')})`);
        assert.equal(row.detail, want(c), `Outline detail of ${c.name}`);
      }
      assert.deepEqual(
        rows.map((r) => r.name).sort(),
        expected.children.map((c) => c.name).sort(),
        'one Outline entry per process',
      );
      await wb.runCommand('View: Show Explorer').catch(() => {});
    },
  },
  {
    name: 'explorer context menu "Open Flame Graph" opens a ready panel for that file',
    timeout: 60_000,
    async run({ wb, page, fixtures, shot, log }) {
      const { file, samples } = fixtures.vertx;
      await freshStart(wb);
      await wb.runCommand('View: Show Explorer');
      const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: new RegExp(`^\\s*${escapeRe(file)}\\s*$`) }).first();
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await row.click({ button: 'right', timeout: 10_000 });
      const item = page.locator('.context-view .monaco-menu .action-item:not(.disabled) .action-label', { hasText: /^Open Flame Graph$/ }).first();
      await item.waitFor({ state: 'visible', timeout: 10_000 }).catch(async (e) => {
        const items = await page.locator('.context-view .monaco-menu .action-label').allInnerTexts().catch(() => []);
        throw new Error(`${e.message.split('\n')[0]}; context menu items: ${JSON.stringify(items)}`);
      });
      await shot('e2e-context-menu');
      await item.click({ timeout: 10_000 });
      const frame = await readyPanelFor(wb, file);
      await shot('e2e-context-menu-panel');
      const header = await textOf(frame, '#header');
      const facts = await headerFacts(frame);
      log(`header: ${JSON.stringify(facts)}`);
      assert.ok(header.includes(file), `#header names ${file}: "${header}"`);
      assert.ok(showsSamples(facts, samples), `#header shows ${samples} samples: ${JSON.stringify(facts)}`);
      const { root, children } = rootAndChildren(await drawnFrames(frame));
      assert.equal(root.percent, '100.00');
      assert.equal(children[0]?.name, 'java', 'the only process of the vert.x profile is drawn above the root');
      const tab = page.locator('.tabs-container .tab.active');
      assert.match((await tab.getAttribute('aria-label')) ?? '', new RegExp(`Flame Graph: ${escapeRe(file)}`), 'active tab title');
    },
  },
  {
    name: 'multi-event profile: header shows the first event, #event-select switches to the other',
    timeout: 90_000,
    async run({ wb, fixtures, shot, log }) {
      const { file, first, other, events } = fixtures.multiEvent;
      log(`expected: ${first.event} (${first.samples} samples) first, then ${other.event} (${other.samples} samples)`);
      const frame = await openFlameGraphOf(wb, file);
      let facts = await headerFacts(frame);
      log(`header: ${JSON.stringify(facts)}`);
      assert.ok(facts.includes(`event ${first.event}`), `#header shows "event ${first.event}": ${JSON.stringify(facts)}`);
      assert.ok(showsSamples(facts, first.samples), `#header shows ${first.samples} samples: ${JSON.stringify(facts)}`);
      const select = frame.locator('#event-select');
      assert.ok(await select.isVisible(), '#event-select is visible for a profile with two events');
      const options = (await frame.locator('#event-select vscode-option').allTextContents()).map((s) => s.trim());
      assert.deepEqual([...options].sort(), [...events].sort(), '#event-select options');
      const before = await selectShows(select);
      assert.equal(before.value, first.event, '#event-select value at first');
      assert.equal(before.face, first.event, '#event-select shows the first event');
      await shot('e2e-multi-event-first');

      await choose(select, other.event);
      facts = await waitFor(
        async () => {
          const f = await headerFacts(frame);
          return (await stateOf(frame)) === 'ready' && f.includes(`event ${other.event}`) ? f : false;
        },
        { timeout: 30_000, interval: 300, message: `#header to show event ${other.event} after choosing it in #event-select` },
      ).catch(async (e) => {
        throw new Error(`${e.message}; header: "${await textOf(frame, '#header')}"`);
      });
      await shot('e2e-multi-event-other');
      log(`header: ${JSON.stringify(facts)}`);
      assert.ok(
        showsSamples(facts, other.samples),
        `#header shows ${other.samples} samples of ${other.event}: ${JSON.stringify(facts)}`,
      );
      const { root } = rootAndChildren(await drawnFrames(frame));
      assert.equal(root.percent, '100.00', 'root after the re-render');
      // The selector itself must now show the chosen event (value and the text on its face), and
      // choosing the first event again must bring it back.
      const problems = [];
      const shown = await waitFor(
        async () => {
          const v = await selectShows(select);
          return v.value === other.event && v.face === other.event ? v : false;
        },
        { timeout: 3000, interval: 200, message: `#event-select to show ${other.event}` },
      ).catch(async () => selectShows(select));
      log(`#event-select after the switch: value "${shown.value}", face "${shown.face}"`);
      if (shown.value !== other.event || shown.face !== other.event) {
        problems.push(`after choosing ${other.event}, the graph shows ${other.event} but #event-select shows "${shown.face}" (value "${shown.value}")`);
      }
      await choose(select, first.event);
      const back = await waitFor(
        async () => {
          const f = await headerFacts(frame);
          return (await stateOf(frame)) === 'ready' && f.includes(`event ${first.event}`) ? f : false;
        },
        { timeout: 10_000, interval: 300, message: `#header to show event ${first.event} again` },
      ).catch(async () => headerFacts(frame));
      log(`header after choosing ${first.event} again: ${JSON.stringify(back)}`);
      if (!back.includes(`event ${first.event}`)) {
        problems.push(`choosing ${first.event} again in #event-select does not switch back: #header stays ${JSON.stringify(back)}`);
      }
      await shot('e2e-multi-event-back');
      assert.deepEqual(problems, [], 'the event selector follows the shown event');
    },
  },
  {
    name: 'reload survival: the zoomed flame graph panel comes back after "Developer: Reload Window"',
    timeout: 120_000,
    async run({ wb, page, fixtures, shot, log }) {
      const { file } = fixtures.vertx;
      const target = fixtures.hover.cpp.name; // JavaThread::run
      let frame = await openFlameGraphOf(wb, file);
      const before = rootAndChildren(await drawnFrames(frame)).root;
      const pick = (frames) => frames.filter((f) => f.name === target).sort((a, b) => b.w - a.w)[0];
      const targetFrame = await settled(frame, pick, (f) => f.w > 0, `a drawn ${target} frame`);
      await frame.locator(`#flamegraph g[data-name="${target}"][data-percent="${targetFrame.percent}"]`).first().click({ timeout: 10_000 });
      const crumb = await waitFor(
        async () => {
          const t = await textOf(frame, '#breadcrumb');
          return breadcrumbSegments(t).at(-1) === target ? t : false;
        },
        { timeout: 10_000, message: `#breadcrumb to end with "${target}"` },
      );
      await settled(frame, pick, (f) => f.w >= 0.98 * before.w, `${target} at full width after the click`);
      log(`zoomed: breadcrumb "${crumb}"`);
      await shot('e2e-reload-before');
      await page.waitForTimeout(500); // the webview's setState reaches the workbench asynchronously

      await reloadWindow(wb, log);
      frame = await waitFor(
        async () => {
          for (const f of await wb.framesWith('#flamegraph')) {
            const s = await stateOf(f).catch(() => '');
            if (s === 'ready' || s === 'error') return f;
          }
          return false;
        },
        { timeout: 45_000, interval: 500, message: 'the flame graph panel to be restored (and ready) after the reload' },
      ).catch(async (e) => {
        await shot('e2e-reload-after').catch(() => {});
        const tabs = await page.locator('.tabs-container .tab').evaluateAll((ts) => ts.map((t) => t.getAttribute('aria-label')));
        throw new Error(`${e.message}; tabs after reload: ${JSON.stringify(tabs)}`);
      });
      await waitForReady(frame, 5000);
      await shot('e2e-reload-after');
      const header = await textOf(frame, '#header');
      assert.ok(header.includes(file), `the restored panel shows ${file}: "${header}"`);
      const restored = await waitFor(async () => textOf(frame, '#breadcrumb'), { timeout: 5000, message: 'a #breadcrumb after the reload' }).catch(
        () => '',
      );
      log(`after reload: breadcrumb "${restored}"`);
      assert.deepEqual(breadcrumbSegments(restored), breadcrumbSegments(crumb), 'the zoom path (breadcrumb) is restored');
      const frames = await drawnFrames(frame);
      const { root } = rootAndChildren(frames);
      assert.equal(root.percent, '100.00', "data-percent of the root 'all' after the reload");
      const z = pick(frames);
      assert.ok(z && z.w >= 0.98 * root.w, `${target} is drawn at full width (zoomed) after the reload`);
    },
  },
];
