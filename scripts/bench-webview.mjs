// Flame graph webview benchmark: loads the standalone page (renderWebviewHtml + the built bundle,
// inline) in headless Chromium and measures, for a deterministic synthetic 500k-node call tree,
//   - first paint: from posting `flameGraph/show` to the first frame painted with the graph,
//   - zoom: from a click on a frame to the first frame painted after the re-prune (median of 5).
// Usage: node scripts/bench-webview.mjs [--nodes N] [--screenshot out.png [--folded FILE]]
// Exports benchWebview() for scripts/bench.mjs; exits non-zero when it cannot measure.
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = CHROMIUM_PATH;
const CHROMIUM_ARGS = CHROMIUM_FLAGS;

/** Bundles a TS module of the repo to a temp ESM file and imports it. */
async function importTs(entry, tmp) {
  const outfile = join(tmp, entry.replace(/[\\/]/g, '_') + '.mjs');
  await esbuild.build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent' });
  return import(pathToFileURL(outfile).href);
}

/** dist/webview/flamegraph.js, or a fresh build of it when missing or with --rebuild. */
async function webviewBundle(tmp, rebuild) {
  const built = join(root, 'dist/webview/flamegraph.js');
  if (!rebuild && existsSync(built)) return readFileSync(built, 'utf8');
  const outfile = join(tmp, 'flamegraph.js');
  await esbuild.build({
    entryPoints: [join(root, 'webview/flamegraph/main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'text' },
    outfile,
    logLevel: 'silent',
  });
  return readFileSync(outfile, 'utf8');
}

/**
 * Deterministic synthetic call tree in CallTree form (pre-order, siblings by total desc). Runs in
 * the page (serialised with toString), so it must stay self-contained. Shape: breadth-first
 * allocation (so the node budget spreads over the whole tree), mostly chains with some fan-out,
 * heavy-tailed leaf weights, names drawn from a shared pool (user, C++, kernel `_[k]`, jit `_[j]`).
 */
function syntheticTree(nodeCount, seed) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const POOL = 40000;
  const names = ['all'];
  for (let i = 0; i < POOL; i++) {
    const k = i % 10;
    if (k < 4) names.push(`lib${i % 37}::mod${i % 101}::Handler<${i % 7}>::process_${i}`);
    else if (k < 7) names.push(`c_function_${i}`);
    else if (k < 9) names.push(`kernel_fn_${i}_[k]`);
    else names.push(`Lcom/example/app/Class${i % 211};::method${i}_[j]`);
  }
  // Structure, breadth first.
  const parentOf = new Int32Array(nodeCount);
  const firstChild = new Int32Array(nodeCount).fill(-1);
  const childNum = new Int32Array(nodeCount);
  parentOf[0] = -1;
  let allocated = 1;
  for (let q = 0; q < allocated && allocated < nodeCount; q++) {
    const r = rnd();
    let k = q === 0 ? 24 : r < 0.08 ? 0 : r < 0.85 ? 1 : 2 + Math.floor(rnd() * rnd() * 14);
    k = Math.min(k, nodeCount - allocated);
    if (k > 0) {
      firstChild[q] = allocated;
      childNum[q] = k;
      for (let j = 0; j < k; j++) parentOf[allocated++] = q;
    }
  }
  const n = allocated;
  // Weights, bottom up (children are allocated after their parent).
  const selfW = new Float64Array(n);
  const totalW = new Float64Array(n);
  const nameOf = new Int32Array(n);
  for (let i = 1; i < n; i++) nameOf[i] = 1 + Math.floor(rnd() * rnd() * POOL);
  for (let i = n - 1; i >= 0; i--) {
    const leaf = childNum[i] === 0;
    selfW[i] = leaf ? 1 + Math.floor(rnd() ** 4 * 2000) : rnd() < 0.3 ? Math.floor(rnd() * 50) : 0;
    totalW[i] += selfW[i];
    if (i > 0) totalW[parentOf[i]] += totalW[i];
  }
  // Pre-order with siblings by total desc.
  const tree = { names, nodeName: [], parent: [], columns: [{ label: '', total: [], self: [] }] };
  const stack = [[0, -1]];
  while (stack.length) {
    const [node, parent] = stack.pop();
    const index = tree.nodeName.length;
    tree.nodeName.push(nameOf[node]);
    tree.parent.push(parent);
    tree.columns[0].total.push(totalW[node]);
    tree.columns[0].self.push(selfW[node]);
    const kids = [];
    for (let c = firstChild[node], e = c + childNum[node]; c >= 0 && c < e; c++) kids.push(c);
    kids.sort((a, b) => totalW[b] - totalW[a] || a - b);
    for (let j = kids.length - 1; j >= 0; j--) stack.push([kids[j], index]);
  }
  // As the extension sends it: typed arrays (VS Code posts them as binary buffers).
  const c = tree.columns[0];
  return { names, nodeName: Int32Array.from(tree.nodeName), parent: Int32Array.from(tree.parent), columns: [{ label: '', total: Float64Array.from(c.total), self: Float64Array.from(c.self) }] };
}

async function launch(tmp) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
    viewport: { width: 1280, height: 800 },
  });
  return context;
}

/** Opens the standalone page; collects console errors, page errors and CSP violations. */
async function openPage(context, tmp, html, name) {
  const file = join(tmp, name);
  writeFileSync(file, html);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Init scripts are injected by the browser, not subject to the page's CSP.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  await page.goto(pathToFileURL(file).href);
  return { page, problems };
}

export async function benchWebview({ nodes = 500_000, rebuild = false, log = console.log } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'perflens-bench-'));
  let context;
  try {
    const { renderWebviewHtml, makeNonce } = await importTs('src/page/webviewHtml.ts', tmp);
    const bundle = await webviewBundle(tmp, rebuild);
    const html = renderWebviewHtml({ title: 'bench', nonce: makeNonce(), cspSource: '', inlineScript: bundle });
    context = await launch(tmp);
    const { page, problems } = await openPage(context, tmp, html, 'bench.html');
    await page.waitForFunction(() => document.body.dataset.state === 'loading' && document.getElementById('flamegraph'));
    const generated = await page.evaluate(`(() => {
      window.__tree = (${syntheticTree.toString()})(${nodes}, 42);
      return { nodes: window.__tree.nodeName.length, total: window.__tree.columns[0].total[0] };
    })()`);

    // The extension posts the message; VS Code delivers it as a window 'message' event (a structured
    // clone, like window.postMessage here), so the clone is part of the measured time.
    const firstPaintMs = await page.evaluate(
      async ({ total }) => {
        // Resolves after the next frame is painted: rAF runs before paint, the timeout after it.
        const afterPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const meta = { title: 'synthetic', format: 'perf-script', event: 'cycles', events: ['cycles'], samples: total, unit: 'samples', facts: {}, warnings: [], droppedWarnings: 0 };
        const ready = new Promise((res) => {
          const mo = new MutationObserver(() => {
            if (document.body.dataset.state !== 'loading') {
              mo.disconnect();
              res();
            }
          });
          mo.observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
        });
        const t0 = performance.now();
        window.postMessage({ type: 'flameGraph/show', meta, tree: window.__tree, state: { zoomPath: [], search: '', orientation: 'flame' } }, '*');
        await ready;
        await afterPaint();
        return performance.now() - t0;
      },
      { total: generated.total },
    );
    const state = await page.evaluate(() => document.body.dataset.state);
    if (state !== 'ready') {
      const err = await page.evaluate(() => document.getElementById('error')?.textContent ?? '');
      throw new Error(`page state ${state}: ${err}`);
    }
    const drawn = await page.evaluate(() => document.querySelectorAll('#flamegraph g[data-name]').length);
    if (drawn === 0) throw new Error('no frames drawn');

    // Zoom: click the widest frame at depth 1..3 (a different one each round), then reset. A user
    // cannot click within a few hundred ms of the first paint: let the page settle (GC) first.
    await page.waitForTimeout(400);
    const zooms = [];
    const resets = [];
    for (let round = 0; round < 7; round++) {
      const r = await page.evaluate(
        async ({ round }) => {
          const afterPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const depth = 1 + (round % 3);
          const frames = [...document.querySelectorAll('#flamegraph g.frame')]
            .filter((g) => g.__data__ && g.__data__.depth === depth && g.__data__.data.role === 'frame')
            .sort((a, b) => b.__data__.x1 - b.__data__.x0 - (a.__data__.x1 - a.__data__.x0));
          const target = frames[Math.min(frames.length - 1, Math.floor(round / 3))];
          if (!target) return undefined;
          const name = target.getAttribute('data-name');
          let t0 = performance.now();
          target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          await afterPaint();
          const zoom = performance.now() - t0;
          const crumb = document.getElementById('breadcrumb').textContent;
          const drawnAfter = document.querySelectorAll('#flamegraph g[data-name]').length;
          t0 = performance.now();
          document.getElementById('reset-zoom').click();
          await afterPaint();
          return { zoom, reset: performance.now() - t0, name, crumb, drawnAfter };
        },
        { round },
      );
      if (!r || !r.crumb.endsWith(r.name)) throw new Error(`zoom did not happen (round ${round}: ${JSON.stringify(r)})`);
      zooms.push(r.zoom);
      resets.push(r.reset);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const csp = await page.evaluate(() => window.__csp);
    const result = {
      nodes: generated.nodes,
      firstPaintMs: Math.round(firstPaintMs),
      zoomMs: Math.round(median(zooms)),
      resetMs: Math.round(median(resets)),
      drawnFrames: drawn,
      cspViolations: csp.length,
    };
    log(`flamegraph first paint (${Math.round(generated.nodes / 1000)}k nodes): ${result.firstPaintMs} ms (${drawn} frames drawn)`);
    log(`flamegraph zoom: ${result.zoomMs} ms (median of ${zooms.length}: ${zooms.map((z) => Math.round(z)).join(', ')}); reset: ${result.resetMs} ms`);
    for (const p of [...csp.map((c) => `CSP violation: ${c}`), ...problems]) log(`  ${p}`);
    return result;
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Screenshot of the standalone page with a folded-stacks file, in a VS Code dark theme. */
export async function screenshotWebview({ folded, out, search = '', zoomPath = [], width = 1280, height = 760, rebuild = false, log = console.log }) {
  const tmp = mkdtempSync(join(tmpdir(), 'perflens-shot-'));
  let context;
  try {
    const { renderWebviewHtml, makeNonce } = await importTs('src/page/webviewHtml.ts', tmp);
    const { buildCallTree } = await importTs('src/analysis/callTree.ts', tmp);
    const stacks = [];
    for (const line of readFileSync(folded, 'utf8').split('\n')) {
      const m = /^(.*\S)\s+(\d+)\s*$/.exec(line);
      if (m) stacks.push([m[1], Number(m[2])]);
    }
    const tree = buildCallTree(stacks);
    const samples = stacks.length;
    const theme = `body {
      --vscode-font-family: system-ui, 'Segoe UI', Ubuntu, 'Droid Sans', sans-serif; --vscode-font-size: 13px;
      --vscode-editor-font-family: 'DejaVu Sans Mono', monospace;
      --vscode-editor-background: #1f1f1f; --vscode-foreground: #cccccc; --vscode-descriptionForeground: #9d9d9d;
      --vscode-charts-red: #f14c4c; --vscode-charts-orange: #d18616; --vscode-charts-yellow: #cca700;
      --vscode-charts-green: #89d185; --vscode-charts-blue: #3794ff; --vscode-charts-purple: #b180d7;
      --vscode-button-background: #0078d4; --vscode-button-foreground: #ffffff; --vscode-button-secondaryBackground: #313131;
      --vscode-button-secondaryForeground: #cccccc; --vscode-input-background: #313131; --vscode-input-foreground: #cccccc;
      --vscode-settings-textInputBorder: #3c3c3c; --vscode-focusBorder: #0078d4; --vscode-panel-border: #2b2b2b;
      --vscode-textLink-foreground: #4daafc; --vscode-editorWarning-foreground: #cca700;
      --vscode-editorHoverWidget-background: #202020; --vscode-editorHoverWidget-foreground: #cccccc;
      --vscode-editorHoverWidget-border: #454545; --vscode-disabledForeground: #6e6e6e;
    }`;
    const html = renderWebviewHtml({
      title: folded.replace(/^.*\//, ''),
      nonce: makeNonce(),
      cspSource: '',
      inlineScript: await webviewBundle(tmp, rebuild),
      inlineStyles: [theme],
      initialMessage: {
        type: 'flameGraph/show',
        meta: {
          title: folded.replace(/^.*\//, ''),
          format: 'folded',
          events: [],
          samples,
          unit: 'samples',
          warnings: [{ line: 3, message: 'stack line without a count: </script><img src=x onerror=alert(1)>' }],
          droppedWarnings: 0,
        },
        tree,
        state: { zoomPath, search, orientation: 'flame' },
      },
    });
    context = await launch(tmp);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: 'dark' });
    const { problems } = await openPage(context, tmp, html, 'shot.html');
    await page.waitForFunction(() => document.body.dataset.state !== 'loading');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    // Hover a frame so the tooltip is in the picture.
    const target = await page.evaluate(() => {
      const g = [...document.querySelectorAll('#flamegraph g.frame:not(.fade)')].find((x) => x.__data__?.depth === 4);
      const r = g?.querySelector('rect')?.getBoundingClientRect();
      return r ? { x: r.x + Math.min(r.width / 2, 60), y: r.y + r.height / 2 } : undefined;
    });
    if (target) await page.mouse.move(target.x, target.y);
    await page.screenshot({ path: out });
    const csp = await page.evaluate(() => window.__csp);
    log(`screenshot: ${out} (state ${await page.evaluate(() => document.body.dataset.state)})`);
    for (const p of [...csp.map((c) => `CSP violation: ${c}`), ...problems]) log(`  ${p}`);
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rebuild = args.includes('--rebuild');
  try {
    const shot = opt('--screenshot');
    if (shot) {
      await screenshotWebview({
        out: resolve(shot),
        folded: opt('--folded') ?? '/work/shared/corpora/inferno/tests/data/collapse-perf/results/example-perf-stacks-collapsed.txt',
        search: opt('--search') ?? '',
        rebuild,
      });
    } else {
      const r = await benchWebview({ nodes: Number(opt('--nodes') ?? 500_000), rebuild });
      if (!(r.firstPaintMs > 0 && r.zoomMs > 0)) throw new Error('no measurement');
    }
  } catch (err) {
    console.error(`bench-webview: cannot measure: ${err instanceof Error ? err.stack : err}`);
    process.exitCode = 1;
  }
}
