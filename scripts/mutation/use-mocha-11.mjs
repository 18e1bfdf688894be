// Preloaded (NODE_OPTIONS=--import) into Stryker and its child processes by scripts/mutation.mjs.
//
// Stryker 9 is the last line that runs on Node 20, and its mocha runner loads mocha's CommonJS
// CLI internals (`require('mocha/lib/cli/options')`), which mocha 12 turned into ES modules. So
// @stryker-mutator/mocha-runner, and only it, is given mocha 11 (installed as the `mocha-11` npm
// alias); the project's own `npx mocha` / `npm test` keep mocha 12. The unit suite passes on both.
// Delete this (and the alias and the `overrides` entry) once Stryker 10 on Node 22 is possible.
import { Module, register } from 'node:module';

const RUNNER = '/@stryker-mutator/mocha-runner/';
const redirect = (request) => (request === 'mocha' || request.startsWith('mocha/') ? `mocha-11${request.slice('mocha'.length)}` : undefined);

// require() / require.resolve() from the runner (it uses createRequire).
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const to = parent?.filename?.replaceAll('\\', '/').includes(RUNNER) ? redirect(request) : undefined;
  return resolveFilename.call(this, to ?? request, parent, ...rest);
};

// `import Mocha from 'mocha'` in the runner's ES modules.
register('./mocha-11-resolve.mjs', import.meta.url, { data: { runner: RUNNER } });
