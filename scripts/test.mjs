// `npm test`: every check in order (build, types, lint, unit + golden, grammar, end-to-end in a real
// VS Code), each one's output streamed as it runs, then one closing line with the counts:
//   all: N passed, N failed, N skipped
// A stage that fails (non-zero exit) counts as failed even if it printed no count.
import { spawn } from 'node:child_process';
import { ensureDebianPackages, findChromium } from './code-server.mjs';

/**
 * What a stage needs installed before it runs: a fresh machine has only Node and Debian, and the
 * README's `npm ci && npm test` must work there as written (CI installing things first must not
 * hide a missing step). The unit stage draws the CLI's standalone page in Chromium.
 */
async function needChromium() {
  if (findChromium()) return;
  const missing = await ensureDebianPackages(['chromium'], { log: (m) => console.log(`[test] ${m}`) });
  if (missing.length || !findChromium()) console.log('[test] Chromium is missing and could not be installed (run as root, or apt-get install chromium)');
}

const stages = [
  { name: 'build', cmd: 'npm run -s build' },
  { name: 'typecheck', cmd: 'npm run -s typecheck' },
  { name: 'lint', cmd: 'npm run -s lint' },
  // mocha: "N passing", "N failing", "N pending"
  { name: 'unit', cmd: 'npm run -s test:unit', prepare: needChromium, count: (out) => ({ passed: num(out, /(\d+) passing/), failed: num(out, /(\d+) failing/), skipped: num(out, /(\d+) pending/) }) },
  // vscode-tmgrammar-test: one "✓ FILE run successfuly." per passing file
  { name: 'grammar', cmd: 'npm run -s test:grammar', count: (out) => ({ passed: (out.match(/run successfuly/g) ?? []).length, failed: (out.match(/^✖|failed/gm) ?? []).length, skipped: 0 }) },
  { name: 'e2e', cmd: 'npm run -s test:e2e', count: (out) => ({ passed: num(out, /(\d+) passed, \d+ failed/), failed: num(out, /\d+ passed, (\d+) failed/), skipped: 0 }) },
];

function num(text, re) {
  const all = [...text.matchAll(new RegExp(re, 'g'))];
  return all.length ? Number(all[all.length - 1][1]) : 0;
}

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const total = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
for (const stage of stages) {
  console.log(`\n=== ${stage.name}: ${stage.cmd}`);
  const t0 = Date.now();
  await stage.prepare?.();
  const { code, out } = await run(stage.cmd);
  const c = stage.count ? stage.count(out) : { passed: code === 0 ? 1 : 0, failed: 0, skipped: 0 };
  if (code !== 0 && c.failed === 0) c.failed = 1;
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
  summary.push(`${stage.name.padEnd(10)} ${code === 0 ? 'ok  ' : 'FAIL'} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(3)} failed ${String(c.skipped).padStart(3)} skipped  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // Later stages need a good build; stop there, but still print the summary.
  if (code !== 0 && stage.name === 'build') break;
}
console.log('\n=== summary');
for (const line of summary) console.log(`  ${line}`);
console.log(`all: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed ? 1 : 0);
