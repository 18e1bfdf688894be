/** Laying out call trees given as nodes (src/model/callTreeBuilder.ts). */
import { strict as assert } from 'node:assert';
import { buildTreeFromColumns, buildTreeFromNodes, CallTreeNodes, withRootRemainder } from '../../src/model/callTreeBuilder';
import type { CallTree } from '../../src/model/callTree';

/** Each node as `name<parent name` with its total and self in every column, in the tree's order. */
function rows(t: CallTree): string[] {
  return [...t.nodeName].map((n, i) => {
    const parent = t.parent[i] < 0 ? '-' : t.names[t.nodeName[t.parent[i]]];
    return `${t.names[n]}<${parent} ${t.columns.map((c) => `${c.total[i]}/${c.self[i]}`).join(' ')}`;
  });
}

describe('buildTreeFromNodes', () => {
  it('leaves out nodes that weigh nothing, and every array ends with the last node kept', () => {
    // root, a (0), a;b (3), a;z (0), c (0, with a child of 0)
    const names = ['all', 'a', 'b', 'z', 'c', 'd'];
    const t = buildTreeFromNodes(names, [0, 1, 2, 3, 4, 5], [-1, 0, 1, 1, 0, 4], [0, 0, 3, 0, 0, 0]);
    assert.deepEqual(rows(t), ['all<- 3/0', 'a<all 3/0', 'b<a 3/3']);
    assert.equal(t.parent.length, 3);
    assert.equal(t.columns[0].total.length, 3);
    assert.equal(t.columns[0].self.length, 3);
    assert.equal(t.columns[0].label, '');
  });

  it('keeps a node that weighs something in any column, and orders siblings by the shape column', () => {
    const names = ['all', 'x', 'y'];
    const t = buildTreeFromColumns(
      names,
      [0, 1, 2],
      [-1, 0, 0],
      [
        { label: 'base', self: [0, 5, 0] },
        { label: 'new', self: [0, 1, 7] },
      ],
      1,
    );
    assert.deepEqual(rows(t), ['all<- 5/0 8/0', 'y<all 0/0 7/7', 'x<all 5/5 1/1']);
    assert.deepEqual(
      t.columns.map((c) => c.label),
      ['base', 'new'],
    );
  });
});

describe('CallTreeNodes', () => {
  it('finds a (parent, name) child again and keeps different names apart', () => {
    const nodes = new CallTreeNodes('root');
    const a = nodes.child(0, nodes.table.intern('a'));
    const b = nodes.child(a, nodes.table.intern('b'));
    const c = nodes.child(a, nodes.table.intern('c'));
    assert.equal(nodes.child(0, nodes.table.intern('a')), a);
    assert.equal(nodes.child(a, nodes.table.intern('b')), b);
    assert.notEqual(b, c);
    nodes.addSelf(b, 2);
    nodes.addSelf(c, 1);
    nodes.addSelf(b, 4);
    const t = nodes.build();
    assert.deepEqual(rows(t), ['root<- 7/0', 'a<root 7/0', 'b<a 6/6', 'c<a 1/1']);
    assert.equal(t.columns[0].label, '');
  });
});

describe('withRootRemainder', () => {
  const tree = buildTreeFromNodes(['all', 'f'], [0, 1], [-1, 0], [0, 4], 'r');

  it('adds a root child weighing the remainder, placed by its weight', () => {
    assert.deepEqual(rows(withRootRemainder(tree, '[other]', 6)), ['all<- 10/0', '[other]<all 6/6', 'f<all 4/4']);
    assert.equal(withRootRemainder(tree, '[other]', 6).columns[0].label, 'r');
  });

  it('leaves the tree as it is for no remainder, or for a tree of several columns', () => {
    assert.equal(withRootRemainder(tree, '[other]', 0), tree);
    assert.equal(withRootRemainder(tree, '[other]', NaN), tree);
    const two = buildTreeFromColumns(['all', 'f'], [0, 1], [-1, 0], [
      { label: 'a', self: [0, 1] },
      { label: 'b', self: [0, 2] },
    ]);
    assert.equal(withRootRemainder(two, '[other]', 3), two);
  });
});
