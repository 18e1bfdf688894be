// `npm run fuzz [-- RUNS [SEED]]`: the property tests of test/properties/ with many inputs per
// property (default 10000) and a random seed (printed, so a failure can be replayed with the same
// SEED). Prints per format: inputs tried, failures, the slowest input. Not part of `npm test`.
//   PERFLENS_FUZZ_TIMEOUT_MS  time bound per input (default 10000)
import { spawnSync } from 'node:child_process';

const [runs = process.env.PERFLENS_FUZZ_RUNS || '10000', seed = process.env.PERFLENS_FUZZ_SEED || String(Math.floor(Math.random() * 2 ** 31))] = process.argv.slice(2);
if (!/^[1-9]\d*$/.test(runs) || !/^\d+$/.test(seed)) {
  console.error('usage: npm run fuzz -- [RUNS [SEED]]');
  process.exit(2);
}
console.log(`fuzz: ${runs} inputs per property, seed ${seed}`);
const t0 = Date.now();
const r = spawnSync(
  'npx',
  ['mocha', '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '0', 'test/properties/formats.property.test.ts'],
  { stdio: 'inherit', env: { ...process.env, PERFLENS_FUZZ_RUNS: runs, PERFLENS_FUZZ_SEED: seed } },
);
console.log(`fuzz: ${((Date.now() - t0) / 1000).toFixed(0)} s, seed ${seed}${r.status ? ' (failures above; replay with the same seed)' : ''}`);
process.exit(r.status ?? 1);
