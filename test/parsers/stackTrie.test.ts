import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { parsePerfScript } from '../../src/parsers/perf-script';
import { StackTrie } from '../../src/parsers/shared/stackTrie';
import { foldedStacks } from '../../src/analysis/folded';

describe('StackTrie', () => {
  // The (parent, frame) hash table starts with 64K slots and doubles when half full: 70,000
  // distinct stacks make it rehash twice (at 32K and 64K slots used).
  const N = 70_000;
  const MIDS = 97;
  const mid = (i: number): string => `mid${i % MIDS}`;
  const leaf = (i: number): string => `leaf${i}`;

  it('keeps every stack and its weight across rehashes, and finds old stacks again after them', () => {
    const trie = new StackTrie();
    const proc = trie.intern('proc');
    const frames = new Int32Array(2);
    const add = (i: number, w: number): void => {
      frames[0] = trie.intern(leaf(i)); // leaf first, as perf prints them
      frames[1] = trie.intern(mid(i));
      trie.add(proc, frames, 2, w);
    };
    for (let i = 0; i < N; i++) add(i, 1);
    // Second pass, after both rehashes: every stack must be found, not created again.
    for (let i = 0; i < N; i++) add(i, (i % 1000) + 1);

    // Nodes: the root, proc, the MIDS mid frames and one leaf node per stack.
    assert.equal(trie.export().parent.length, 1 + 1 + MIDS + N);
    const stacks = foldedStacks(trie.toCallTree());
    assert.equal(stacks.size, N);
    for (let i = 0; i < N; i++) {
      const key = `proc;${mid(i)};${leaf(i)}`;
      if (stacks.get(key) !== 2 + (i % 1000)) assert.fail(`${key}: ${stacks.get(key)}, expected ${2 + (i % 1000)}`);
    }

    // The same through export/merge (what parallel parsing does), into a trie that already holds some.
    const other = new StackTrie();
    const f = new Int32Array([other.intern(leaf(7)), other.intern(mid(7))]);
    other.add(other.intern('proc'), f, 2, 1000);
    other.merge(trie.export());
    const merged = foldedStacks(other.toCallTree());
    assert.equal(merged.size, N);
    assert.equal(merged.get(`proc;${mid(7)};${leaf(7)}`), 1000 + 2 + 7);
    for (let i = 0; i < N; i++) {
      if (i !== 7 && merged.get(`proc;${mid(i)};${leaf(i)}`) !== 2 + (i % 1000)) assert.fail(`merged stack ${i}`);
    }
  });

  it('through the perf script parser: 45,000 distinct stacks, each with its own period', () => {
    const n = 45_000;
    let text = '';
    for (let i = 0; i < n; i++) text += `p 1 1.000001: ${i + 1} cycles: \n\t1 ${leaf(i)} (/x)\n\t2 ${mid(i)} (/x)\n\n`;
    const p = parsePerfScript(text);
    assert.equal(p.samples, n);
    const stacks = stacksOf(p);
    assert.equal(stacks.size, n);
    for (let i = 0; i < n; i++) {
      if (stacks.get(`p;${mid(i)};${leaf(i)}`) !== i + 1) assert.fail(`stack ${i}: ${stacks.get(`p;${mid(i)};${leaf(i)}`)}`);
    }
  });
});
