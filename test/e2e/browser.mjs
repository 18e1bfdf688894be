// Drives the code-server workbench in headless Debian Chromium through playwright-core (CDP).
// Chromium is spawned by us in its own process group (so it can always be killed), with the flags
// known to work on this machine kind, and a fresh user-data-dir.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS as BASE_CHROMIUM_FLAGS } from '../../scripts/chromium.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const CHROMIUM_FLAGS = [
  ...BASE_CHROMIUM_FLAGS,
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
  '--password-store=basic',
  '--disable-crash-reporter',
  '--disable-breakpad',
  '--window-size=1600,1000',
];

/** Rejects with `message` when `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${message} (timed out after ${(ms / 1000).toFixed(0)} s)`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Polls `fn` until it returns a truthy value; returns it. `fn` may throw (treated as not yet). */
export async function waitFor(fn, { timeout = 30_000, interval = 250, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${(timeout / 1000).toFixed(0)} s waiting for ${message}${lastError ? ` (last error: ${lastError.message.split('\n')[0]})` : ''}`,
      );
    }
    await sleep(interval);
  }
}

/**
 * Spawns Chromium (own process group, fresh profile in `userDataDir`), connects playwright over CDP.
 * Returns { browser, page, pid, logs(), close() }; close() always kills the process group.
 */
export async function launchChromium({ executablePath, userDataDir, timeoutMs = 30_000 }) {
  mkdirSync(userDataDir, { recursive: true });
  const args = [
    ...CHROMIUM_FLAGS,
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    'about:blank',
  ];
  const child = spawn(executablePath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  let wsUrl;
  let exited = null;
  const onData = (chunk) => {
    const s = chunk.toString();
    out.push(s);
    if (out.length > 300) out.splice(0, out.length - 300);
    const m = /DevTools listening on (ws:\/\/\S+)/.exec(out.join(''));
    if (m) wsUrl = m[1];
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code, signal) => (exited = { code, signal }));
  child.on('error', (e) => {
    out.push(String(e));
    exited = { code: -1 };
  });
  let closed = false;
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.once('exit', kill);
  const handle = {
    pid: child.pid,
    browser: undefined,
    page: undefined,
    logs: () => out.join(''),
    async close() {
      if (closed) return;
      closed = true;
      if (handle.browser) await withTimeout(handle.browser.close(), 5000, 'browser.close').catch(() => {});
      kill(); // the whole process group, whatever browser.close() did
      process.removeListener('exit', kill);
    },
  };
  try {
    await waitFor(() => wsUrl || (exited && Promise.reject(new Error(`chromium exited (${exited.code ?? exited.signal})`))), {
      timeout: timeoutMs,
      message: 'Chromium DevTools endpoint',
    });
    handle.browser = await withTimeout(chromium.connectOverCDP(wsUrl), timeoutMs, 'connectOverCDP');
    const context = handle.browser.contexts()[0] ?? (await handle.browser.newContext());
    handle.page = context.pages()[0] ?? (await context.newPage());
    return handle;
  } catch (e) {
    await handle.close();
    throw new Error(`${e.message}\nchromium output:\n${handle.logs().slice(-2000)}`);
  }
}

/** Helpers for the VS Code workbench page. */
export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async open(url, timeout = 60_000) {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout });
    await this.page.waitForSelector('.monaco-workbench', { timeout });
    // The explorer has rendered the folder and the status bar is up: the workbench is usable.
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
    await this.page.waitForSelector('#workbench\\.parts\\.statusbar', { timeout });
    await this.focusWorkbench();
  }

  /** Gives keyboard focus to the workbench (not to a webview iframe). */
  async focusWorkbench() {
    await this.page.bringToFront();
    await this.page.evaluate(() => {
      if (document.activeElement && document.activeElement.tagName === 'IFRAME') document.activeElement.blur();
    });
  }

  async closeQuickInput() {
    if (await this.page.locator('.quick-input-widget').isVisible().catch(() => false)) {
      await this.page.keyboard.press('Escape');
    }
  }

  /**
   * Opens a quick input with `key`, types `text`, waits until the focused row's label satisfies
   * `match`, then presses Enter.
   */
  async quickPick(key, text, match, what, timeout = 20_000, prefix = '') {
    await this.focusWorkbench();
    await this.closeQuickInput();
    await this.page.keyboard.press(key);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout });
    // fill() replaces the whole value, including the '>' the command palette starts with.
    await input.fill(prefix + text);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
    await waitFor(
      async () => {
        if (!(await row.count())) return false;
        const label = (await row.first().getAttribute('aria-label')) ?? (await row.first().innerText());
        return match(label);
      },
      { timeout, message: `${what} in the quick input (typed "${text}")` },
    );
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }

  /** Quick Open (Ctrl+P) a workspace file and waits for its editor. */
  async openFile(name, timeout = 30_000) {
    await this.quickPick('Control+P', name, (label) => label.includes(name), `file ${name}`, timeout);
    await this.page
      .locator(`.tabs-container .tab.active[aria-label*="${name}"], .tabs-container .tab.active[data-resource-name="${name}"]`)
      .first()
      .waitFor({ timeout });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout });
  }

  /** Runs a command from the command palette (F1) by its full title ("Category: Title"). */
  async runCommand(title, timeout = 20_000) {
    await this.quickPick('F1', title, (label) => label.startsWith(title), `command "${title}"`, timeout, '>');
  }

  /** Text of the status bar's language mode item ("Plain Text", "perf script", ...). */
  async languageMode() {
    const item = this.page.locator('#status\\.editor\\.mode');
    return (await item.innerText({ timeout: 5000 })).trim();
  }

  /** Frames (webview content) whose document has `selector`; detached or busy frames are skipped. */
  async framesWith(selector) {
    const found = [];
    for (const frame of this.page.frames()) {
      if (frame.isDetached()) continue;
      try {
        const has = await withTimeout(
          frame.evaluate((sel) => !!document.querySelector(sel), selector),
          2000,
          'frame probe',
        );
        if (has) found.push(frame);
      } catch {
        /* navigating, detached or cross-process hiccup */
      }
    }
    return found;
  }

  /** Texts of the visible notification toasts (only error ones with `errorsOnly`; progress toasts are info). */
  async notifications({ errorsOnly = false } = {}) {
    const toasts = this.page.locator(
      errorsOnly
        ? '.notifications-toasts .notification-toast:has(.codicon-error)'
        : '.notifications-toasts .notification-toast',
    );
    const n = await toasts.count();
    const texts = [];
    for (let i = 0; i < n; i++) texts.push((await toasts.nth(i).innerText().catch(() => '')).replace(/\s+/g, ' ').trim());
    return texts.filter(Boolean);
  }

  async screenshot(path) {
    await withTimeout(this.page.screenshot({ path }), 15_000, `screenshot ${path}`);
  }
}
