// `npm run mutation [-- STRYKER ARGS]`: builds (the parallel-parse tests run dist/rangeWorker.js), then runs Stryker
// (stryker.config.mjs) with its mocha runner pointed at mocha 11 (see mutation/use-mocha-11.mjs).
// Reports: reports/mutation/index.html and mutation.json. Not part of `npm test` or CI.
// Example, a small scope: npm run mutation -- --mutate 'src/model/**/*.ts,src/parsers/folded/**/*.ts'
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

const built = run('npm', ['run', '-s', 'build']);
if (built !== 0) process.exit(built);
const hook = fileURLToPath(new URL('./mutation/use-mocha-11.mjs', import.meta.url));
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${JSON.stringify(pathToFileURL(hook).href)}`.trim(),
  // The tests run in a sandbox under .stryker-tmp/, where ../shared is not beside them.
  PERFLENS_CORPORA: process.env.PERFLENS_CORPORA || fileURLToPath(new URL('../../shared/corpora', import.meta.url)),
};
const t0 = Date.now();
const status = run(process.execPath, [fileURLToPath(new URL('../node_modules/@stryker-mutator/core/bin/stryker.js', import.meta.url)), 'run', ...process.argv.slice(2)], env);
console.log(`mutation: ${((Date.now() - t0) / 60000).toFixed(1)} min`);
process.exit(status);
