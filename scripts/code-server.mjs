// Shared helpers to run PerfLens inside a real VS Code (code-server 4.99.4 = VS Code 1.99.3):
// used by `npm start` (scripts/start.mjs) and the end-to-end test (test/e2e/run.mjs).
//
//   ensureCodeServer()   installs code-server into ~/.cache/perflens/code-server (once; later calls
//                        return in milliseconds) with ../shared/tools/install-code-server.sh
//   ensureDebianPackages(['chromium'])  apt-get installs missing packages when running as root
//   installExtension(extsDir)           copies the built extension into extsDir/perflens.perflens-0.1.0/
//   writeUserSettings(userDataDir)      settings that make the workbench quiet and deterministic
//   startCodeServer({...})              starts it, waits until HTTP answers, returns { url, stop() }
//
// Environment: PERFLENS_CACHE (default ~/.cache/perflens), PERFLENS_CODE_SERVER_DIR,
// PERFLENS_INSTALL_SCRIPT (default <repo>/../shared/tools/install-code-server.sh).
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';

export const CODE_SERVER_VERSION = '4.99.4';
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = process.env.PERFLENS_CACHE || join(homedir(), '.cache', 'perflens');
export const codeServerDir = process.env.PERFLENS_CODE_SERVER_DIR || join(cacheDir, 'code-server');
export const installScript =
  process.env.PERFLENS_INSTALL_SCRIPT || resolve(repoRoot, '..', 'shared', 'tools', 'install-code-server.sh');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const defaultLog = (msg) => console.log(`[code-server] ${msg}`);

/** Path of the code-server launcher inside an install directory. */
export function codeServerBin(dir = codeServerDir) {
  return join(dir, 'node_modules', '.bin', 'code-server');
}

/**
 * True when every step of install-code-server.sh has completed in `dir` (the script's last steps
 * create the node_modules.asar link, the browser helper link and extensions/node_modules).
 */
export function isCodeServerInstalled(dir = codeServerDir) {
  const pkg = join(dir, 'node_modules', 'code-server', 'package.json');
  const vs = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  try {
    if (!existsSync(codeServerBin(dir))) return false;
    if (JSON.parse(readFileSync(pkg, 'utf8')).version !== CODE_SERVER_VERSION) return false;
    if (!lstatSync(join(vs, 'node_modules.asar')).isSymbolicLink()) return false;
    if (!existsSync(join(vs, 'bin', 'helpers', 'browser.sh'))) return false;
    if (!existsSync(join(vs, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'))) return false;
    return existsSync(join(vs, 'extensions', 'node_modules'));
  } catch {
    return false;
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** A cross-process lock (mkdir is atomic); stale locks of dead processes are taken over. */
async function withLock(name, timeoutMs, log, fn) {
  mkdirSync(cacheDir, { recursive: true });
  const lockDir = join(cacheDir, `${name}.lock`);
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
      } catch {
        /* being created or removed */
      }
      const age = (() => {
        try {
          return Date.now() - statSync(lockDir).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if ((owner && !pidAlive(owner)) || (!owner && age > 10_000)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir} (held by pid ${owner})`);
      if (!announced) log(`waiting for another process (pid ${owner}) that holds ${lockDir} ...`);
      announced = true;
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Runs a command in its own process group with output appended to `logFile`. `killOnExit` kills
 * the group if this process exits first (not for apt/dpkg, which must not be interrupted).
 */
function run(cmd, args, { logFile, env, timeoutMs, killOnExit = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const fd = logFile ? openSync(logFile, 'a') : 'ignore';
    const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: env ?? process.env, detached: true });
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    };
    if (killOnExit) process.once('exit', kill);
    const timer = timeoutMs && setTimeout(kill, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      process.removeListener('exit', kill);
      if (typeof fd === 'number') closeSync(fd);
      resolvePromise({ code, signal });
    });
  });
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Installs the Debian packages that are missing (dpkg -s), with apt-get, when running as root.
 * Returns the list of packages that are still missing (empty = all there).
 */
export async function ensureDebianPackages(packages, { log = defaultLog } = {}) {
  if (!hasCommand('dpkg') || !hasCommand('apt-get')) return [];
  // "install ok installed", not just known to dpkg (a removed package keeps its config files).
  const installed = (p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.trim() === 'install ok installed';
  const missing = () => packages.filter((p) => !installed(p));
  let need = missing();
  if (need.length === 0) return [];
  if (!isRoot()) {
    log(`missing Debian packages (not root, not installing): ${need.join(' ')}`);
    return need;
  }
  return withLock('apt', 20 * 60_000, log, async () => {
    need = missing();
    if (need.length === 0) return [];
    const logFile = join(cacheDir, 'apt-get.log');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = ['-o', 'DPkg::Lock::Timeout=600', '-y', '-q'];
    log(`apt-get install ${need.join(' ')} (log: ${logFile}) ...`);
    let r = await run('apt-get', [...apt, 'install', '--no-install-recommends', ...need], { logFile, env });
    if (r.code !== 0) {
      // Fresh machines have no package lists yet.
      await run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', '-q', 'update'], { logFile, env });
      r = await run('apt-get', [...apt, 'install', '--no-install-recommends', ...need], { logFile, env });
    }
    const still = missing();
    if (still.length) log(`apt-get could not install: ${still.join(' ')}\n${tail(logFile, 15)}`);
    return still;
  });
}

/** The Chromium the e2e drives: PERFLENS_CHROMIUM, else Debian's /usr/bin/chromium. */
export function findChromium() {
  const candidates = [process.env.PERFLENS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => p && existsSync(p));
}

/**
 * Makes sure code-server is installed in `dir`; installs it (~3 min, npm registry + Debian) when not.
 * Fast (a few stat calls) when already installed. `packages` lists extra Debian packages to ensure
 * (e.g. ['chromium'] for the e2e). Returns the path of the code-server launcher.
 */
export async function ensureCodeServer({ dir = codeServerDir, packages = [], log = defaultLog } = {}) {
  if (packages.length) {
    const missing = await ensureDebianPackages(packages, { log });
    if (missing.length) throw new Error(`missing Debian packages: ${missing.join(' ')} (install them as root)`);
  }
  if (isCodeServerInstalled(dir)) return codeServerBin(dir);
  return withLock('code-server-install', 20 * 60_000, log, async () => {
    if (isCodeServerInstalled(dir)) return codeServerBin(dir);
    if (!existsSync(installScript)) {
      throw new Error(`code-server is not installed in ${dir} and the installer ${installScript} does not exist`);
    }
    mkdirSync(dir, { recursive: true });
    const logFile = join(cacheDir, 'install-code-server.log');
    writeFileSync(logFile, `# ${new Date().toISOString()} bash ${installScript} ${dir}\n`);
    const t0 = Date.now();
    log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (takes ~3 min; log: ${logFile}) ...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const r = await run('bash', [installScript, dir], { logFile, env, timeoutMs: 25 * 60_000, killOnExit: true });
    if (r.code !== 0 || !isCodeServerInstalled(dir)) {
      throw new Error(
        `code-server install failed (exit ${r.code ?? r.signal}); last lines of ${logFile}:\n${tail(logFile)}`,
      );
    }
    log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return codeServerBin(dir);
  });
}

/**
 * The files the extension needs at run time (what a .vsix would hold, without node_modules):
 * package.json and its NLS files, dist/ (minus packaged .vsix files), every file package.json points
 * at with a relative path (grammars, language configuration, icons, ...), README/CHANGELOG/LICENSE and
 * the usual asset folders when present.
 */
export function extensionRuntimeFiles(repo = repoRoot) {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const entries = new Set(['package.json', 'dist']);
  for (const name of readdirSync(repo)) {
    if (/^package\.nls(\..+)?\.json$/.test(name)) entries.add(name);
    if (/^(README|CHANGELOG|LICENSE|LICENCE|NOTICE|ThirdPartyNotices)(\.(md|txt))?$/i.test(name)) entries.add(name);
    if (['syntaxes', 'media', 'images', 'icons', 'resources', 'assets', 'snippets', 'schemas'].includes(name)) {
      entries.add(name);
    }
  }
  const visit = (v) => {
    if (typeof v === 'string') {
      if (/^\.\.?\//.test(v) || /^[\w-]+\/[\w./-]+\.\w+$/.test(v)) {
        const rel = v.replace(/^\.\//, '');
        if (!rel.startsWith('..') && existsSync(join(repo, rel))) entries.add(rel.split('/')[0] === 'dist' ? 'dist' : rel);
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit({ main: pkg.main, browser: pkg.browser, icon: pkg.icon, contributes: pkg.contributes });
  const list = [...entries].filter((e) => existsSync(join(repo, e)) && !e.startsWith('node_modules'));
  // Drop files that lie inside a folder that is copied anyway.
  return list.filter((e) => !list.some((o) => o !== e && e.startsWith(`${o}/`)));
}

/**
 * Bare module names the bundle requires at run time that are neither Node built-ins nor 'vscode'
 * (they would fail, as the installed extension has no node_modules).
 */
export function unbundledRequires(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const found = new Set();
  for (const m of text.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const name = m[1].replace(/^node:/, '');
    const base = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0];
    if (base === 'vscode' || builtinModules.includes(base) || builtinModules.includes(name)) continue;
    found.add(base);
  }
  return [...found];
}

/**
 * Copies the built extension into `extsDir/<publisher>.<name>-<version>/` (replacing an older copy)
 * and returns that folder. Throws when the build output named by package.json "main" is missing.
 */
export function installExtension(extsDir, { repo = repoRoot, log = defaultLog } = {}) {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const main = join(repo, pkg.main || 'dist/extension.js');
  const mainFile = existsSync(main) ? main : `${main}.js`;
  if (!existsSync(mainFile)) throw new Error(`${pkg.main} does not exist: build the extension first (npm run build)`);
  const id = `${pkg.publisher}.${pkg.name}-${pkg.version}`;
  const dest = join(extsDir, id);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const entry of extensionRuntimeFiles(repo)) {
    cpSync(join(repo, entry), join(dest, entry), {
      recursive: true,
      dereference: true,
      filter: (src) => !src.endsWith('.vsix') && !src.split(sep).includes('node_modules'),
    });
  }
  const missing = unbundledRequires(mainFile);
  if (missing.length) log(`warning: ${pkg.main} requires modules that are not bundled: ${missing.join(', ')}`);
  // A stale profile manifest could list another copy; VS Code rebuilds it from the folder when absent.
  rmSync(join(extsDir, 'extensions.json'), { force: true });
  return dest;
}

/** Settings for a quiet, deterministic workbench (no welcome page, no trust prompt, no telemetry). */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

/**
 * Writes userDataDir/User/settings.json: DEFAULT_SETTINGS + `extra`, merged into an existing file
 * when it is plain JSON (a persistent profile keeps the user's own settings).
 */
export function writeUserSettings(userDataDir, extra = {}) {
  const file = join(userDataDir, 'User', 'settings.json');
  mkdirSync(dirname(file), { recursive: true });
  let current = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    /* missing or JSONC: replaced */
  }
  writeFileSync(file, `${JSON.stringify({ ...current, ...DEFAULT_SETTINGS, ...extra }, null, 2)}\n`);
  return file;
}

/** A TCP port that is free right now on `host`. */
export function getFreePort(host = '127.0.0.1') {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

function portTaken(port, host) {
  return new Promise((resolvePromise) => {
    const srv = createServer();
    srv.once('error', () => resolvePromise(true));
    srv.listen(port, host, () => srv.close(() => resolvePromise(false)));
  });
}

/** The environment code-server runs with: no inherited VS Code/Electron/code-server variables. */
function cleanEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_|CODE_SERVER_)/.test(k) || ['PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN'].includes(k)) {
      delete env[k];
    }
  }
  return env;
}

/**
 * Starts code-server in its own process group and resolves once its HTTP port answers.
 * Returns { url, folderUrl, port, pid, logs(), stop() }; stop() kills the whole process group.
 */
export async function startCodeServer({
  port = 8080,
  host = '127.0.0.1',
  workspace,
  userDataDir,
  extsDir,
  bin = codeServerBin(),
  settings = {},
  logFile,
  timeoutMs = 90_000,
  log = defaultLog,
} = {}) {
  if (!userDataDir || !extsDir) throw new Error('startCodeServer needs userDataDir and extsDir');
  if (!existsSync(bin)) throw new Error(`code-server not found at ${bin} (call ensureCodeServer first)`);
  if (await portTaken(port, host)) throw new Error(`port ${host}:${port} is already in use`);
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extsDir, { recursive: true });
  writeUserSettings(userDataDir, settings);
  const configFile = join(userDataDir, 'code-server-config.yaml');
  // An own (empty-ish) config so code-server neither reads nor writes ~/.config/code-server/config.yaml.
  writeFileSync(configFile, '# written by scripts/code-server.mjs; the real options are on the command line\nauth: none\n');
  const args = [
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
  ];
  if (workspace) args.push(workspace);

  const out = [];
  let fd = logFile ? openSync(logFile, 'a') : undefined;
  const child = spawn(bin, args, { env: cleanEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const onData = (chunk) => {
    const s = chunk.toString();
    out.push(s);
    if (out.length > 400) out.splice(0, out.length - 400);
    if (fd !== undefined) writeFileSync(fd, s);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => r((exited = { code, signal }))));
  child.on('error', (e) => {
    out.push(String(e));
    exited = exited ?? { code: -1, signal: null };
  });

  let stopped = false;
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const stopSync = () => killGroup('SIGKILL'); // on process exit, even in the middle of stop()
  process.once('exit', stopSync);
  const handle = {
    port,
    pid: child.pid,
    url: `http://${host}:${port}/`,
    folderUrl: workspace ? `http://${host}:${port}/?folder=${encodeURIComponent(resolve(workspace)).replace(/%2F/g, '/')}` : undefined,
    logs: () => out.join(''),
    exited: () => exited,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (!exited) {
        killGroup('SIGTERM');
        await Promise.race([exitPromise, sleep(5000)]);
      }
      killGroup('SIGKILL'); // the rest of the group (extension host, pty host, file watcher)
      process.removeListener('exit', stopSync);
      if (fd !== undefined) {
        const f = fd;
        fd = undefined;
        closeSync(f);
      }
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await handle.stop();
      throw new Error(`code-server exited early (${exited.code ?? exited.signal}):\n${handle.logs().slice(-3000)}`);
    }
    try {
      const res = await globalThis.fetch(`http://${host}:${port}/healthz`, { signal: globalThis.AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`code-server did not answer on ${host}:${port} within ${timeoutMs / 1000} s:\n${handle.logs().slice(-3000)}`);
    }
    await sleep(250);
  }
  log(`code-server ${CODE_SERVER_VERSION} listening on ${handle.url} (pid ${child.pid})`);
  return handle;
}
