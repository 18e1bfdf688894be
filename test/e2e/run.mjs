// `npm run test:e2e`: PerfLens end to end in a REAL VS Code (code-server 4.99.4 = VS Code 1.99.3),
// driven through headless Debian Chromium with playwright-core.
//
//  1. ensure code-server (cached in ~/.cache/perflens/code-server) and /usr/bin/chromium
//  2. install the built extension (dist/) into a fresh temporary extensions dir
//  3. start code-server on a free port with a temporary workspace holding real fixtures from
//     ../shared/corpora, open it in Chromium and run the tests of flamegraph.e2e.mjs and
//     features.e2e.mjs (Problems, hover, Outline, explorer menu, event selector, window reload)
//  4. always kill code-server and Chromium (process groups), print `N passed, N failed`
//
// Artifacts: test-results/e2e-*.png (screenshots), test-results/e2e-logs/ (on failure).
// Env: PERFLENS_E2E_KEEP=1 keeps the temp dir; PERFLENS_CORPORA overrides ../shared/corpora;
//      PERFLENS_E2E_FILTER=<substring> runs only matching tests;
//      PERFLENS_E2E_EXTENSION=<dir> tests the built extension in <dir> instead of this repo's.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  ensureCodeServer,
  findChromium,
  getFreePort,
  installExtension,
  repoRoot,
  startCodeServer,
} from '../../scripts/code-server.mjs';
import { launchChromium, withTimeout, Workbench } from './browser.mjs';
import { topLevelShares } from './expected.mjs';
import { tests as flameGraphTests } from './flamegraph.e2e.mjs';
import { prepareFeatureFixtures, tests as featureTests } from './features.e2e.mjs';
import { prepareViewerFixtures, tests as viewerTests } from './viewer.e2e.mjs';
import { tests as tablesTests } from './tables.e2e.mjs';
import { prepareCompareFixtures, tests as compareTests } from './compare.e2e.mjs';
import { prepareReportFixtures, tests as reportTests } from './reports.e2e.mjs';
import { prepareRunLogFixtures, RUN_LOG_SETTINGS, tests as runLogTests } from './runlog.e2e.mjs';

const TOTAL_BUDGET_MS = 5 * 60_000; // the e2e proper (code-server start, browser, all tests)
const INSTALL_BUDGET_MS = 20 * 60_000; // a cold code-server + chromium install (~1-3 min normally)
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[e2e ${secs(Date.now() - t0).padStart(7)}] ${msg}`);

const resultsDir = join(repoRoot, 'test-results');
const logsDir = join(resultsDir, 'e2e-logs');
const extensionRepo = resolve(process.env.PERFLENS_E2E_EXTENSION || repoRoot);
const corpora = resolve(process.env.PERFLENS_CORPORA || join(repoRoot, '..', 'shared', 'corpora'));

let server;
let browser;
let tmp;
let cleaning;

/** Kills Chromium and code-server (process groups) and removes the temp dir; idempotent. */
function cleanup() {
  cleaning ??= doCleanup();
  return cleaning;
}

async function doCleanup() {
  if (browser) await withTimeout(browser.close(), 8000, 'closing chromium').catch(() => {});
  if (server) await withTimeout(server.stop(), 8000, 'stopping code-server').catch(() => {});
  if (tmp && !process.env.PERFLENS_E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) log(`kept ${tmp}`);
}

// Never hang: a watchdog for the whole run (armed once code-server is installed: a cold install has
// its own 20 min limit), and signals clean up too.
let watchdog;
function armWatchdog() {
  watchdog = setTimeout(async () => {
    console.error(`\n[e2e] the e2e exceeded ${TOTAL_BUDGET_MS / 60_000} min: aborting`);
    await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 10_000))]);
    console.log('0 passed, 1 failed (e2e timed out)');
    process.exit(1);
  }, TOTAL_BUDGET_MS);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    console.error(`\n[e2e] ${sig}: cleaning up`);
    await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 10_000))]);
    process.exit(130);
  });
}

function ensureBuilt() {
  const needed = ['dist/extension.js', 'dist/webview/flamegraph.js', 'dist/webview/tables.js', 'dist/webview/compare.js', 'dist/webview/syscallCosts.js', 'dist/webview/statChart.js'];
  const missing = () => needed.filter((f) => !existsSync(join(extensionRepo, f)));
  if (missing().length && extensionRepo !== repoRoot) throw new Error(`${extensionRepo} lacks ${missing().join(', ')}`);
  if (missing().length) {
    log(`build output missing (${missing().join(', ')}): running node scripts/build.mjs`);
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit', timeout: 120_000 });
    if (r.status !== 0 || missing().length) throw new Error(`the build failed or did not produce ${missing().join(', ')}`);
  }
}

/** Writes the fixtures into the workspace and computes the expectations from stored folded files. */
function prepareFixtures(workspace) {
  const need = (rel) => {
    const p = join(corpora, rel);
    if (!existsSync(p)) throw new Error(`fixture ${p} not found (the e2e needs ../shared/corpora beside the repo, or PERFLENS_CORPORA)`);
    return p;
  };
  mkdirSync(workspace, { recursive: true });
  // perf script of `perf record -F 99 -a -g -- sleep 10` (FlameGraph's example-perf-stacks.txt.gz);
  // inferno's expected collapse of it with DEFAULT options is results/example-perf-stacks-collapsed.txt.
  const expectedFile = need('inferno/tests/data/collapse-perf/results/example-perf-stacks-collapsed.txt');
  writeFileSync(join(workspace, 'example.perf-script'), gunzipSync(readFileSync(need('flamegraph/example-perf-stacks.txt.gz'))));
  const expected = topLevelShares(expectedFile);
  // The same profile as folded stacks (language "folded" through the *-collapsed*.txt file name pattern).
  cpSync(expectedFile, join(workspace, 'example-perf-stacks-collapsed.txt'));
  // A `perf report --stdio` text (perf 6.1 capture) that is NOT a perf script: must be rejected clearly.
  cpSync(need('perf-6.1-captures/g_nochildren.txt'), join(workspace, 'report.perf-script'));
  return {
    perfScript: { file: 'example.perf-script', expected, expectedFile: relative(corpora, expectedFile), expectedFilePath: expectedFile },
    folded: { file: 'example-perf-stacks-collapsed.txt', expected },
    notAProfile: { file: 'report.perf-script' },
    // vertx.perf-script, garbage.perf-script, cycles-instructions.perf-script and their expectations.
    ...prepareFeatureFixtures(workspace, need),
    viewer: prepareViewerFixtures(workspace, need),
    compare: prepareCompareFixtures(workspace),
    reports: prepareReportFixtures(workspace, need),
    runLog: prepareRunLogFixtures(workspace),
  };
}

/** Copies code-server's and the extension host's logs into test-results/e2e-logs/. */
function saveLogs(userDataDir) {
  try {
    mkdirSync(logsDir, { recursive: true });
    if (server) writeFileSync(join(logsDir, 'code-server.out.log'), server.logs());
    if (browser) writeFileSync(join(logsDir, 'chromium.out.log'), browser.logs());
    const logs = join(userDataDir, 'logs');
    if (existsSync(logs)) cpSync(logs, join(logsDir, 'vscode'), { recursive: true });
    log(`logs saved in ${relative(repoRoot, logsDir)}/`);
  } catch (e) {
    log(`could not save logs: ${e.message}`);
  }
}

/** Lines of the extension host logs that mention PerfLens errors (shown when a test fails). */
function extensionHostErrors(userDataDir) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/exthost|extensionHost|remoteagent/i.test(p) && name.endsWith('.log')) {
        for (const line of readFileSync(p, 'utf8').split('\n')) {
          if (/\[error\]/i.test(line) || /perflens.*(error|fail)/i.test(line)) out.push(`${name}: ${line}`);
        }
      }
    }
  };
  try {
    walk(join(userDataDir, 'logs'));
  } catch {
    /* no logs */
  }
  return out.slice(-20);
}

async function main() {
  let passed = 0;
  let failed = 0;
  const consoleErrors = [];
  rmSync(logsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  for (const f of readdirSync(resultsDir)) if (/^e2e-.*\.png$/.test(f)) rmSync(join(resultsDir, f)); // stale screenshots
  tmp = mkdtempSync(join(tmpdir(), 'perflens-e2e-'));
  const workspace = join(tmp, 'workspace');
  const extsDir = join(tmp, 'extensions');
  const userDataDir = join(tmp, 'user-data');
  try {
    ensureBuilt();
    const fixtures = prepareFixtures(workspace);

    let t = Date.now();
    const bin = await withTimeout(
      ensureCodeServer({ packages: ['chromium'], log: (m) => log(m) }),
      INSTALL_BUDGET_MS,
      'installing code-server and chromium',
    );
    log(`code-server ready (${secs(Date.now() - t)})`);
    armWatchdog();
    const chromiumPath = findChromium();
    if (!chromiumPath) throw new Error('Chromium not found (/usr/bin/chromium); install the Debian package "chromium"');

    const dest = installExtension(extsDir, { repo: extensionRepo, log: (m) => log(m) });
    log(`extension installed: ${relative(tmp, dest)}`);

    t = Date.now();
    const port = await getFreePort();
    server = await startCodeServer({ bin, port, workspace, userDataDir, extsDir, settings: { ...RUN_LOG_SETTINGS }, log: (m) => log(m) });
    log(`code-server up (${secs(Date.now() - t)})`);

    t = Date.now();
    browser = await launchChromium({ executablePath: chromiumPath, userDataDir: join(tmp, 'chromium') });
    const page = browser.page;
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`[console.error] ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`[pageerror] ${e.message}`));
    const wb = new Workbench(page);
    await wb.open(server.folderUrl);
    log(`workbench loaded in Chromium (${secs(Date.now() - t)})`);

    const shot = async (name) => {
      const file = join(resultsDir, `${name}.png`);
      await wb.screenshot(file);
      log(`screenshot ${relative(repoRoot, file)}`);
    };
    const filter = process.env.PERFLENS_E2E_FILTER;
    for (const test of [...flameGraphTests, ...featureTests, ...viewerTests, ...tablesTests, ...compareTests, ...reportTests, ...runLogTests]) {
      if (filter && !test.name.includes(filter)) continue;
      const started = Date.now();
      log(`▶ ${test.name}`);
      try {
        await withTimeout(
          test.run({ wb, page, fixtures, shot, log: (m) => log(`  ${m}`) }),
          test.timeout ?? 90_000,
          `test "${test.name}"`,
        );
        passed++;
        console.log(`  ✔ PASS ${test.name} (${secs(Date.now() - started)})`);
      } catch (e) {
        failed++;
        console.log(`  ✘ FAIL ${test.name} (${secs(Date.now() - started)})\n    ${String(e.message ?? e).replace(/\n/g, '\n    ')}`);
        const slug = test.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40).toLowerCase();
        await shot(`e2e-failure-${slug}`).catch(() => {});
        await wb.closeQuickInput().catch(() => {});
      }
    }
  } catch (e) {
    failed++;
    console.log(`  ✘ FAIL e2e setup\n    ${String(e.message ?? e).replace(/\n/g, '\n    ')}`);
  } finally {
    if (failed) {
      const errs = extensionHostErrors(userDataDir);
      if (errs.length) console.log(`extension host errors:\n  ${errs.join('\n  ')}`);
      if (consoleErrors.length) console.log(`browser console errors (last 15):\n  ${consoleErrors.slice(-15).join('\n  ')}`);
      saveLogs(userDataDir);
    }
    await cleanup();
  }
  if (watchdog) clearTimeout(watchdog);
  console.log(`\nPerfLens e2e (${secs(Date.now() - t0)}): ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
