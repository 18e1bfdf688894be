// `npm start` (after `npm run build`): runs the built PerfLens in a real VS Code (code-server) on
// http://127.0.0.1:PORT with the samples/ workspace, until Ctrl-C.
//
//   PERFLENS_PORT   port (default 8080)
//   PERFLENS_HOST   bind address (default 127.0.0.1)
//   PERFLENS_WORKSPACE  folder to open (default <repo>/samples)
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import {
  cacheDir,
  ensureCodeServer,
  installExtension,
  repoRoot,
  startCodeServer,
} from './code-server.mjs';

const port = Number(process.env.PERFLENS_PORT || 8080);
const host = process.env.PERFLENS_HOST || '127.0.0.1';
const workspace = resolve(process.env.PERFLENS_WORKSPACE || join(repoRoot, 'samples'));

async function main() {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`bad PERFLENS_PORT: ${process.env.PERFLENS_PORT}`);
  if (!existsSync(workspace)) throw new Error(`workspace folder ${workspace} does not exist`);

  const bin = await ensureCodeServer();

  // A fresh extensions dir each time (only PerfLens, current build); a persistent profile so the
  // layout and open editors survive restarts.
  const base = join(cacheDir, 'start');
  const extsDir = join(base, 'extensions');
  const userDataDir = join(base, 'user-data');
  rmSync(extsDir, { recursive: true, force: true });
  mkdirSync(extsDir, { recursive: true });
  const dest = installExtension(extsDir);
  console.log(`PerfLens installed into ${dest}`);

  const server = await startCodeServer({
    bin,
    port,
    host,
    workspace,
    userDataDir,
    extsDir,
    logFile: join(base, 'code-server.log'),
  });

  let stopping = false;
  const shutdown = async (sig) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${sig}: stopping code-server ...`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));

  const line = '='.repeat(78);
  console.log(`\n${line}`);
  console.log(`  PerfLens is running in VS Code (code-server).`);
  console.log(`  Open ${server.folderUrl} in your browser`);
  console.log(`  Then open a sample (e.g. vertx.perf-script) and run "PerfLens: Open Flame Graph" (F1).`);
  console.log(`  Logs: ${join(base, 'code-server.log')}   Stop: Ctrl-C`);
  console.log(`${line}\n`);

  const exit = await new Promise((r) => {
    const t = setInterval(() => {
      const e = server.exited();
      if (e) {
        clearInterval(t);
        r(e);
      }
    }, 500);
  });
  if (!stopping) {
    console.error(`code-server exited unexpectedly (${exit.code ?? exit.signal}):\n${server.logs().slice(-3000)}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`npm start failed: ${e.message ?? e}`);
  process.exit(1);
});
