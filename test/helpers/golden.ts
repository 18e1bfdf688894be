import type { CallTree } from '../../src/model/callTree';
import { foldedStacks, sortedStackEntries } from '../../src/analysis/folded';
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const FIXTURES = resolve(__dirname, '../fixtures');

/**
 * Compares `actual` with the stored golden file. Set UPDATE_GOLDEN=1 to (re)write goldens on
 * purpose; a missing golden is a failure otherwise.
 */
export function assertGolden(rel: string, actual: string): void {
  const p = resolve(FIXTURES, 'golden', rel);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, actual);
    return;
  }
  assert.ok(existsSync(p), `missing golden ${p}: run with UPDATE_GOLDEN=1 after checking the output`);
  assert.equal(actual, readFileSync(p, 'utf8'));
}

/** A stack profile's folded stacks (the exporter's view of its tree), in plain string order. */
export function stacksOf(profile: { tree: CallTree }): Map<string, number> {
  return new Map(sortedStackEntries(foldedStacks(profile.tree)));
}
