import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { buildCallTree } from '../../src/analysis/callTree';
import { parsePerfScript } from '../../src/parsers/perf-script';
import { readCorpus } from '../helpers/corpus';

describe('buildCallTree', () => {
  it('builds totals, self weights, parents and sorted children', () => {
    const t = buildCallTree(new Map([['a;b;c', 3], ['a;b', 1], ['a;d', 5], ['e', 2]]));
    const rows = [...t.nodeName].map((n, i) => [t.names[n], t.parent[i] < 0 ? '-' : t.names[t.nodeName[t.parent[i]]], t.columns[0].total[i], t.columns[0].self[i]]);
    assert.deepEqual(rows, [
      ['all', '-', 11, 0],
      ['a', 'all', 9, 0],
      ['d', 'a', 5, 5],
      ['b', 'a', 4, 1],
      ['c', 'b', 3, 3],
      ['e', 'all', 2, 2],
    ]);
  });

  it('orders siblings with equal totals by name (UTF-16 code units), whatever the input order', () => {
    const stacks: Array<[string, number]> = [
      ['q', 11],
      ['r;zeta', 2],
      ['r;Beta', 2],
      ['p', 11],
      ['r;alpha', 2],
      ['r;big', 5],
      ['r;_x', 2],
    ];
    // r (13) first; p and q tie at 11; under r, big (5), then the four 2s: 'B' < '_' < 'a' < 'z'.
    const expected = [['all', 35], ['r', 13], ['big', 5], ['Beta', 2], ['_x', 2], ['alpha', 2], ['zeta', 2], ['p', 11], ['q', 11]];
    for (const order of [stacks, [...stacks].reverse()]) {
      const t = buildCallTree(order);
      assert.deepEqual(
        [...t.nodeName].map((n, i) => [t.names[n], t.columns[0].total[i]]),
        expected,
      );
    }
  });

  it('keeps total = self + children for every node of a real profile', () => {
    const p = parsePerfScript(readCorpus('flamegraph/test/perf-vertx-stacks-01.txt'));
    const t = buildCallTree(stacksOf(p));
    const childSum = new Array<number>(t.columns[0].total.length).fill(0);
    for (let i = 1; i < t.columns[0].total.length; i++) childSum[t.parent[i]] += t.columns[0].total[i];
    for (let i = 0; i < t.columns[0].total.length; i++) assert.ok(Math.abs(t.columns[0].total[i] - t.columns[0].self[i] - childSum[i]) < 1e-9, `node ${i}`);
    assert.equal(t.columns[0].total[0], [...stacksOf(p).values()].reduce((a, b) => a + b, 0));
  });

  it('handles very deep stacks without recursion limits', () => {
    const deep = Array.from({ length: 50000 }, (_, i) => `f${i}`).join(';');
    const t = buildCallTree(new Map([[deep, 1]]));
    assert.equal(t.columns[0].total.length, 50001);
  });

  it('leaves out stacks that weigh nothing or less; the root is "all" and the column unnamed unless told', () => {
    const t = buildCallTree(new Map([['a;b', 2], ['a;neg', -3], ['a;zero', 0], ['nan', NaN]]));
    assert.deepEqual([...stacksOf({ tree: t })], [['a;b', 2]]);
    assert.equal(t.columns[0].total[0], 2);
    assert.equal(t.names[t.nodeName[0]], 'all');
    assert.equal(t.columns[0].label, '');
    const named = buildCallTree([['x', 1]], 'root', 'run 1');
    assert.equal(named.names[named.nodeName[0]], 'root');
    assert.equal(named.columns[0].label, 'run 1');
  });
});
