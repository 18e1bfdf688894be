// Time to the first painted flame graph when a large perf script is opened in a REAL VS Code
// (code-server 4.99.4 + headless Chromium, the e2e harness): Quick Open the file, Enter, until the
// PerfLens editor shows body[data-state=ready] with frames drawn. Used by scripts/bench.mjs.
// The file is a .txt, as `perf script > out.txt` makes it: VS Code refuses it as too large for the
// text editor and PerfLens opens it in its own editor. Each run touches the file first, so the
// report cache cannot answer from the previous run (a real parse every time).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ensureCodeServer, findChromium, getFreePort, installExtension, startCodeServer } from './code-server.mjs';
import { launchChromium, waitFor, Workbench } from '../test/e2e/browser.mjs';

export async function benchVsCodeOpen({ input, runs = 3, log = console.log } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'perflens-bench-vscode-'));
  let server;
  let browser;
  try {
    const workspace = join(tmp, 'workspace');
    mkdirSync(workspace);
    const name = `${basename(input).replace(/\.[^.]*$/, '')}-out.txt`;
    const file = join(workspace, name);
    symlinkSync(input, file);
    const bin = await ensureCodeServer({ packages: ['chromium'], log: () => {} });
    const chromium = findChromium();
    if (!chromium) throw new Error('Chromium not found');
    const extsDir = join(tmp, 'extensions');
    installExtension(extsDir, { log: () => {} });
    server = await startCodeServer({ bin, port: await getFreePort(), workspace, userDataDir: join(tmp, 'user-data'), extsDir, log: () => {} });
    browser = await launchChromium({ executablePath: chromium, userDataDir: join(tmp, 'chromium') });
    const wb = new Workbench(browser.page);
    await wb.open(server.folderUrl);
    const times = [];
    const breakdowns = [];
    for (let i = 0; i < runs; i++) {
      await wb.runCommand('View: Close All Editors');
      await waitFor(async () => (await wb.page.locator('.tabs-container .tab').count()) === 0, { timeout: 10_000, message: 'editors closed' });
      const now = new Date();
      utimesSync(input, now, now);
      await new Promise((r) => setTimeout(r, 500));
      await wb.focusWorkbench();
      await wb.page.keyboard.press('Control+P');
      const box = wb.page.locator('.quick-input-widget .quick-input-box input');
      await box.waitFor({ state: 'visible' });
      await box.fill(name);
      const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
      await waitFor(async () => (await row.count()) > 0 && ((await row.first().getAttribute('aria-label')) ?? '').includes(name), { timeout: 20_000, message: 'the file in Quick Open' });
      const t0 = Date.now();
      if (process.env.PERFLENS_BENCH_KEEP) log(`   Enter at ${new Date(t0).toISOString()}`);
      await wb.page.keyboard.press('Enter');
      const paintedAt = await waitFor(
        async () => {
          for (const f of await wb.framesWith('#flamegraph')) {
            const ok = await f
              .evaluate(() =>
                document.body.dataset.state === 'ready' && document.body.dataset.paintedAt && document.querySelectorAll('#flamegraph g[data-name]').length > 0
                  ? { ...document.body.dataset }
                  : false,
              )
              .catch(() => false);
            if (ok) {
              // The page's own clock (same machine): when the tree arrived and when it was painted.
              if (process.env.PERFLENS_BENCH_KEEP) log(`   webview: tree received at +${ok.receivedAt - t0} ms, painted at +${ok.paintedAt - t0} ms`);
              return Number(ok.paintedAt);
            }
            const err = await f.evaluate(() => (document.body.dataset.state === 'error' ? document.getElementById('error')?.textContent : '')).catch(() => '');
            if (err) throw new Error(`the panel shows an error: ${err}`);
          }
          return false;
        },
        { timeout: 120_000, interval: 50, message: 'the flame graph to be painted' },
      );
      times.push(paintedAt - t0);
      // The extension's own account of the run, from its "PerfLens" output channel log.
      await new Promise((r) => setTimeout(r, 300));
      const line = lastLogLine(join(tmp, 'user-data', 'logs'));
      breakdowns.push(line);
      log(`   open in VS Code, run ${i + 1}: ${times.at(-1)} ms to the first painted flame graph${line ? `; PerfLens log: ${line}` : ''}`);
    }
    const order = times.map((t, i) => [t, i]).sort((a, b) => a[0] - b[0]);
    const median = order[Math.floor(order.length / 2)];
    return { times, medianMs: median[0], breakdown: breakdowns[median[1]] };
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop().catch(() => {});
    if (process.env.PERFLENS_BENCH_KEEP) log(`   kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

/** The last "flame graph of" line of the PerfLens output channel's log file under `logsDir`. */
function lastLogLine(logsDir) {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/PerfLens\.log$/.test(name)) files.push(p);
    }
  };
  walk(logsDir);
  const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n')).filter((l) => l.includes('flame graph of') && l.includes(' in '));
  return lines.at(-1)?.replace(/^.*?flame graph of \S+: /, '') ?? '';
}

// `node scripts/bench-vscode.mjs FILE`: just this measurement.
if (process.argv[1]?.endsWith('bench-vscode.mjs')) {
  const input = process.argv[2];
  if (!input) throw new Error('usage: node scripts/bench-vscode.mjs PERF_SCRIPT_FILE');
  const r = await benchVsCodeOpen({ input });
  console.log(JSON.stringify(r));
  process.exit(0);
}
