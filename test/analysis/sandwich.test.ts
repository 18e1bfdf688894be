import { strict as assert } from 'node:assert';
import { buildCallTree } from '../../src/analysis/callTree';
import { sandwich } from '../../src/analysis/sandwich';
import { stacksOf } from '../helpers/golden';

describe('sandwich (callers and callees of one function)', () => {
  const tree = buildCallTree([
    ['main;a;f;x', 3],
    ['main;a;f', 2],
    ['main;b;f;y', 5],
    ['main;b;c', 7],
    ['main;f;f;z', 1],
  ]);

  it('callers: turned-around paths weighing the function\u2019s total; callees: merged subtrees', () => {
    const s = sandwich(tree, 'f')!;
    // f is on the stack of 3 + 2 + 5 + 1 = 11 samples, sampled itself in 2 of them.
    assert.equal(s.total, 11);
    assert.equal(s.self, 2);
    assert.deepEqual(stacksOf({ tree: s.callers }), new Map([['a;main', 5], ['b;main', 5], ['main', 1]]));
    // Recursion (main;f;f;z) counts once, from the outermost f; its inner f stays in the callees.
    assert.deepEqual(stacksOf({ tree: s.callees }), new Map([['x', 3], ['y', 5], ['f;z', 1]]));
    assert.equal(s.callers.columns[0].total[0], 11);
    assert.equal(s.callees.columns[0].total[0], 11);
    assert.equal(s.callers.names[s.callers.nodeName[0]], 'f');
  });

  it('a name that is not a frame: undefined', () => {
    assert.equal(sandwich(tree, 'nope'), undefined);
    assert.equal(sandwich(tree, 'all'), undefined);
  });
});
