import { strict as assert } from 'node:assert';
import { StackTrie } from '../../src/parsers/shared/stackTrie';
import { foldedStacks } from '../../src/analysis/folded';
import type { CallTree } from '../../src/model/callTree';

/** Adds `root;...;leaf` (root first, as folded text writes it) with `weight`. */
function addStack(trie: StackTrie, stack: string, weight: number): void {
  const [first, ...rest] = stack.split('/');
  const firstId = trie.intern(first);
  const frames = Int32Array.from(rest.reverse().map((f) => trie.intern(f))); // leaf first
  trie.add(firstId, frames, frames.length, weight);
}

function rootTotal(tree: CallTree): number {
  return tree.columns[0].total[0];
}

describe('StackTrie edges', () => {
  it('interns each distinct name once, with ids in first-seen order', () => {
    const trie = new StackTrie();
    assert.equal(trie.intern('main'), 0);
    assert.equal(trie.intern('work'), 1);
    assert.equal(trie.intern('main'), 0);
    assert.deepEqual(trie.frameNames, ['main', 'work']);
  });

  it('names the root "all" and the column "" unless told otherwise', () => {
    const trie = new StackTrie();
    addStack(trie, 'main/work', 3);
    const tree = trie.toCallTree();
    assert.equal(tree.names[tree.nodeName[0]], 'all');
    assert.equal(tree.columns[0].label, '');
    const named = trie.toCallTree('total', 'run A');
    assert.equal(named.names[named.nodeName[0]], 'total');
    assert.equal(named.columns[0].label, 'run A');
  });

  it("splits a frame holding ';' (perf's inline chain) into frames, merging with the same stack written out", () => {
    const trie = new StackTrie();
    // perf script prints an inlined chain as one frame `outer;inner`; folded text has them as two.
    addStack(trie, 'app/outer;inner/leaf', 2);
    addStack(trie, 'app/outer/inner/leaf', 5);
    addStack(trie, 'app/other', 1);
    const tree = trie.toCallTree('all', 'x');
    assert.deepEqual(
      [...foldedStacks(tree)].sort(),
      [
        ['app;other', 1],
        ['app;outer;inner;leaf', 7],
      ],
    );
    assert.equal(rootTotal(tree), 8);
    assert.equal(tree.names[tree.nodeName[0]], 'all');
    assert.equal(tree.columns[0].label, 'x');
  });

  it("splits ';' frames when the trie is filled exactly to its node capacity (1024 nodes)", () => {
    const trie = new StackTrie();
    // The root plus 1023 one-frame stacks fill the first node arrays without growing them.
    for (let i = 0; i < 1022; i++) addStack(trie, `f${i}`, 1);
    addStack(trie, 'a;b', 4);
    assert.equal(trie.export().parent.length, 1024);
    const stacks = foldedStacks(trie.toCallTree());
    assert.equal(stacks.size, 1023);
    assert.equal(stacks.get('a;b'), 4);
    assert.equal(stacks.get('f1021'), 1);
  });

  it('child/addWeight/totalWeight (the perf report trees): the weight of every stack, also at full node capacity', () => {
    const trie = new StackTrie();
    // 1023 nodes under the root fill the first node arrays (1024) exactly.
    let sum = 0;
    for (let i = 0; i < 1023; i++) {
      const node = trie.child(0, trie.intern(`f${i}`));
      trie.addWeight(node, i + 0.5);
      sum += i + 0.5;
    }
    assert.equal(trie.export().parent.length, 1024);
    assert.equal(trie.totalWeight(), sum);
    // The same (parent, frame) is the same node; weights add up.
    const again = trie.child(0, trie.intern('f7'));
    trie.addWeight(again, 2);
    assert.equal(trie.totalWeight(), sum + 2);
    assert.equal(foldedStacks(trie.toCallTree()).get('f7'), 7.5 + 2);
  });

  it('exports arrays as long as the node count, not the capacity', () => {
    const trie = new StackTrie();
    addStack(trie, 'main/a', 1);
    addStack(trie, 'main/b', 2);
    const out = trie.export();
    // root, main, a, b
    assert.equal(out.parent.length, 4);
    assert.equal(out.frame.length, 4);
    assert.equal(out.weight.length, 4);
    assert.deepEqual([...out.weight], [0, 0, 1, 2]);
    assert.deepEqual(out.frameNames, ['main', 'a', 'b']);
  });

  it('merges an exported trie: weights add, no stray node or weight appears', () => {
    const a = new StackTrie();
    addStack(a, 'main/a', 1);
    addStack(a, 'main/b', 2);
    const b = new StackTrie();
    addStack(b, 'other', 10);
    addStack(b, 'main/b', 3);
    b.merge(a.export());
    const tree = b.toCallTree();
    assert.equal(rootTotal(tree), 16);
    assert.deepEqual([...foldedStacks(tree)].sort(), [
      ['main;a', 1],
      ['main;b', 5],
      ['other', 10],
    ]);
    // root, other, main, b, a: nothing else was created.
    assert.equal(b.export().parent.length, 5);
  });

  it('after a rehash, a stack whose first frame has id 0 is still a new node, not the root', () => {
    const trie = new StackTrie();
    // Frame id 0 is only ever a leaf before the rehash: no (root, 0) slot exists yet.
    trie.intern('leaf0');
    const proc = trie.intern('proc');
    const frames = new Int32Array(1);
    // 32,769 distinct children fill more than half of the 64K slots: the table doubles.
    for (let i = 0; i < 32_770; i++) {
      frames[0] = i === 0 ? 0 : trie.intern(`f${i}`);
      trie.add(proc, frames, 1, 1);
    }
    trie.add(0, new Int32Array(0), 0, 7);
    const tree = trie.toCallTree();
    assert.equal(tree.columns[0].self[0], 0, 'no weight on the root');
    assert.equal(foldedStacks(tree).get('leaf0'), 7);
    assert.equal(rootTotal(tree), 32_770 + 7);
  });
});
