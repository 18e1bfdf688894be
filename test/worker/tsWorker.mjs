// Runs src/worker/parseWorker.ts as a worker thread in unit tests (dist/parseWorker.js is its
// build): tsx's require hook first, then the TypeScript source as the tests load it.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
load('tsx/cjs');
load('../../src/worker/parseWorker.ts');
