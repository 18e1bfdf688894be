import * as assert from 'node:assert/strict';
import { buildCallTree } from '../../src/analysis/callTree';
import { callTreeFromJson, type CallTree } from '../../src/model/callTree';
import { describeFrame, framePercent, otherName, svgFileName } from '../../webview/flamegraph/frameText';
import { pruneForZoom, type FrameDatum } from '../../webview/flamegraph/pruning';
import { makeMatcher, matchNames, searchStats, searchSummary } from '../../webview/flamegraph/search';
import { findPath, indexTree, pathOf } from '../../webview/flamegraph/treeIndex';
import { frameColor, frameKind, hasAnnotations, nameHash, parseColor, DEFAULT_PALETTE } from '../../webview/flamegraph/colors';

const HOSTILE = '</script><img src=x onerror=alert(1)>';

function tree(folded: string): CallTree {
  const stacks: Array<[string, number]> = folded
    .trim()
    .split('\n')
    .map((l) => {
      const i = l.lastIndexOf(' ');
      return [l.slice(0, i), Number(l.slice(i + 1))];
    });
  return buildCallTree(stacks);
}

/** name(value)[children] for compact structural assertions. */
function shape(d: FrameDatum): string {
  const kids = d.children?.map(shape).join(',');
  return `${d.name}(${d.value})${kids ? `[${kids}]` : ''}`;
}

function nodeOf(index: ReturnType<typeof indexTree>, path: string[]): number {
  const i = findPath(index, path);
  assert.ok(i >= 0, `path ${path.join(';')}`);
  return i;
}

const SMALL = tree(`
main;a;b 50
main;a;c 30
main;d 15
main 5
other;x 10
`);

describe('indexTree', () => {
  it('computes subtree sizes, child counts and depths in O(n)', () => {
    const index = indexTree(SMALL);
    assert.equal(index.n, 8);
    assert.equal(index.rootTotal, 110);
    assert.equal(index.size[0], 8);
    const main = nodeOf(index, ['main']);
    assert.equal(index.size[main], 5);
    assert.equal(index.childCount[main], 2);
    assert.equal(index.depth[nodeOf(index, ['main', 'a', 'c'])], 3);
  });

  it('rejects malformed trees', () => {
    assert.throws(() => indexTree(callTreeFromJson({ names: ['all'], nodeName: [0, 0], parent: [-1, 1], columns: [{ label: '', total: [1, 1], self: [0, 1] }] })));
    assert.throws(() => indexTree(callTreeFromJson({ names: [], nodeName: [], parent: [], columns: [{ label: '', total: [], self: [] }] })));
  });
});

describe('pruneForZoom', () => {
  it('materialises the whole tree when nothing is small', () => {
    const view = pruneForZoom(indexTree(SMALL), 0);
    assert.equal(shape(view.root), 'all(110)[main(100)[a(80)[b(50),c(30)],d(15)],other(10)[x(10)]]');
    assert.equal(view.frames, 8);
    assert.equal(view.zoom, view.root);
  });

  it('merges siblings below the threshold into one "other" frame per parent, keeping widths', () => {
    const t = tree(`
main;big 9000
main;s1 30
main;s2 20
main;s3 10
main;big;tiny1 4
main;big;tiny2 3
`);
    const index = indexTree(t);
    // threshold = 9067 / 200 = 45.3: s1..s3 are merged (60 >= 45.3 is drawn); big's callees (7) are
    // too small even merged, so their width stays in big.
    const view = pruneForZoom(index, 0, { minFraction: 1 / 200 });
    assert.equal(shape(view.root), `all(9067)[main(9067)[big(9007),${otherName(3)}(60)]]`);
    const zoomBig = pruneForZoom(index, nodeOf(index, ['main', 'big']), { minFraction: 1 / 2000 });
    assert.equal(shape(zoomBig.zoom), `big(9007)[${otherName(2)}(7)]`);
    const zoomBigFine = pruneForZoom(index, nodeOf(index, ['main', 'big']));
    assert.equal(shape(zoomBigFine.zoom), `big(9007)[tiny1(4),tiny2(3)]`);
    const other = view.root.children![0].children![1];
    assert.equal(other.role, 'other');
    assert.equal(other.merged, 3);
    assert.equal(other.idx, nodeOf(index, ['main']));
    // Widths stay correct: children never exceed the parent.
    const check = (d: FrameDatum): void => {
      const sum = (d.children ?? []).reduce((s, c) => s + c.value, 0);
      assert.ok(sum <= d.value, `${d.name}: ${sum} > ${d.value}`);
      d.children?.forEach(check);
    };
    check(view.root);
  });

  it('leaves out "other" frames narrower than minOtherFraction', () => {
    const t = tree(`
main;big 9000
main;s1 3
main;s2 2
`);
    const view = pruneForZoom(indexTree(t), 0, { minFraction: 1 / 1000, minOtherFraction: 1 / 1000 });
    assert.equal(shape(view.root), 'all(9005)[main(9005)[big(9000)]]');
  });

  it('caps materialised frames best-first (largest totals win)', () => {
    const lines: string[] = [];
    for (let i = 0; i < 50; i++) lines.push(`main;f${i};g${i} ${100 + i}`);
    const index = indexTree(tree(lines.join('\n')));
    const view = pruneForZoom(index, 0, { maxNodes: 10, minFraction: 0 });
    const names: string[] = [];
    const walk = (d: FrameDatum): void => {
      if (d.role === 'frame') names.push(d.name);
      d.children?.forEach(walk);
    };
    walk(view.root);
    assert.equal(names.length, 10);
    // all, main, then the largest f's and their g's by total.
    assert.deepEqual(names.slice(0, 3), ['all', 'main', 'f49']);
    assert.ok(names.includes('f46') && !names.includes('f40'));
    const main = view.root.children![0];
    const other = main.children!.at(-1)!;
    assert.equal(other.role, 'other');
    const shown = main.children!.filter((c) => c.role === 'frame').reduce((s, c) => s + c.value, 0);
    assert.equal(shown + other.value, main.value);
  });

  it('zooms: ancestors become a single faded chain above the re-pruned node', () => {
    const index = indexTree(SMALL);
    const a = nodeOf(index, ['main', 'a']);
    const view = pruneForZoom(index, a);
    assert.equal(shape(view.root), 'all(110)[main(100)[a(80)[b(50),c(30)]]]');
    assert.equal(view.root.role, 'ancestor');
    assert.equal(view.root.fade, true);
    assert.equal(view.root.children!.length, 1);
    assert.equal(view.zoom.idx, a);
    assert.equal(view.zoom.fade, undefined);
  });

  it('re-prunes relative to the zoom node: frames hidden at the root appear', () => {
    const lines = ['main;hot 100000'];
    for (let i = 0; i < 20; i++) lines.push(`main;cold;c${i} ${i + 1}`);
    const index = indexTree(tree(lines.join('\n')));
    const atRoot = pruneForZoom(index, 0);
    assert.ok(!shape(atRoot.root).includes('c19'));
    const cold = nodeOf(index, ['main', 'cold']);
    const zoomed = pruneForZoom(index, cold);
    assert.equal(zoomed.zoom.children!.length, 20);
    assert.equal(zoomed.zoom.children![0].name, 'c19');
  });

  it('handles a 300k-node tree with a bounded number of frames', () => {
    const n = 300_000;
    // Root with n-1 leaf children of weight 1, already sorted.
    const nodeName = new Int32Array(n).fill(1);
    const parent = new Int32Array(n);
    const total = new Float64Array(n).fill(1);
    const self = new Float64Array(n).fill(1);
    nodeName[0] = 0;
    parent[0] = -1;
    total[0] = n - 1;
    self[0] = 0;
    const t: CallTree = { names: ['all', 'f'], nodeName, parent, columns: [{ label: '', total, self }] };
    const index = indexTree(t);
    const view = pruneForZoom(index, 0);
    // 1/4000 of the root is ~75 samples: every leaf is merged into one "other".
    assert.equal(view.frames, 2);
    assert.equal(view.root.children![0].merged, n - 1);
  });
});

describe('zoom paths', () => {
  it('round-trips pathOf and findPath, and reports missing paths', () => {
    const index = indexTree(SMALL);
    const c = nodeOf(index, ['main', 'a', 'c']);
    assert.deepEqual(pathOf(index, c), ['main', 'a', 'c']);
    assert.equal(findPath(index, pathOf(index, c)), c);
    assert.deepEqual(pathOf(index, 0), []);
    assert.equal(findPath(index, []), 0);
    assert.equal(findPath(index, ['main', 'nope']), -1);
    assert.equal(findPath(index, ['a']), -1);
  });
});

describe('search', () => {
  const t = tree(`
main;lock;work;lock 40
main;lock 10
main;work 30
idle 20
`);
  const index = indexTree(t);

  it('counts matching frames and their weight on the full tree, nested matches once', () => {
    const stats = searchStats(index, matchNames(t, makeMatcher('lock')!));
    assert.equal(stats.frames, 2); // main;lock and main;lock;work;lock
    assert.equal(stats.weight, 50); // not 90
    assert.equal(stats.percent, 50);
    assert.equal(searchSummary(stats), '2 frames match, 50.00% of samples');
  });

  it('is case-insensitive text by default, /regex/ on request, never matches the root', () => {
    assert.equal(searchStats(index, matchNames(t, makeMatcher('WORK')!)).frames, 2);
    assert.equal(searchStats(index, matchNames(t, makeMatcher('/^w.rk$/')!)).weight, 70);
    assert.equal(searchStats(index, matchNames(t, makeMatcher('all')!)).frames, 0);
    assert.equal(makeMatcher('   '), undefined);
    // Invalid regex: plain text.
    assert.equal(makeMatcher('/(/')!('a/(/b'), true);
    assert.equal(searchSummary({ frames: 1, weight: 1, percent: 1 }), '1 frame matches, 1.00% of samples');
  });

  it('matches hostile text literally', () => {
    const h = tree(`main;${HOSTILE} 5\nmain;x 5`);
    const stats = searchStats(indexTree(h), matchNames(h, makeMatcher('<img src=x')!));
    assert.equal(stats.frames, 1);
  });
});

describe('frame text', () => {
  it('gives data-percent of the whole profile and tooltip lines', () => {
    const index = indexTree(SMALL);
    const a = nodeOf(index, ['main', 'a']);
    const view = pruneForZoom(index, a);
    const b = view.zoom.children![0];
    assert.equal(framePercent(index, b), '45.45');
    assert.equal(framePercent(index, view.root), '100.00');
    const tip = describeFrame(index, b, a, 'samples');
    assert.equal(tip.title, 'b');
    assert.deepEqual(tip.lines, ['Total: 50 samples · Self: 50 samples', '45.45% of profile', '62.50% of zoomed "a"']);
    const anc = describeFrame(index, view.root.children![0], a, 'count');
    assert.equal(anc.lines[0], 'Total: 100 · Self: 5');
    assert.match(anc.lines[2], /Caller of the zoomed frame "a"/);
  });

  it('makes safe SVG file names', () => {
    assert.equal(svgFileName('/tmp/perf script.txt'), 'perf_script.txt.flamegraph.svg');
    assert.equal(svgFileName(HOSTILE), 'script_img_src_x_onerror_alert_1_.flamegraph.svg');
    assert.equal(svgFileName('..'), 'flamegraph.flamegraph.svg');
  });
});

describe('colors', () => {
  it('classifies perf annotations', () => {
    assert.equal(frameKind('do_syscall_64_[k]'), 'kernel');
    assert.equal(frameKind('[kernel.kallsyms]'), 'kernel');
    assert.equal(frameKind('Lfoo;::bar_[j]'), 'jit');
    assert.equal(frameKind('inl_[i]'), 'inlined');
    assert.equal(frameKind('std::vector<int>::push_back'), 'cpp');
    assert.equal(frameKind('main'), 'user');
    assert.equal(hasAnnotations(['all', 'main', 'x_[k]']), true);
    assert.equal(hasAnnotations(['all', 'main']), false);
  });

  it('hashes names with 32-bit FNV-1a (published test vectors), ignoring only the annotation suffix', () => {
    // FNV-1a 32-bit of "", "a" and "foobar" (the FNV reference test vectors); nameHash gives the
    // low and the high 16 bits as fractions.
    const split = (h: number): [number, number] => [(h & 0xffff) / 0x10000, (h >>> 16) / 0x10000];
    assert.deepEqual(nameHash(''), split(0x811c9dc5));
    assert.deepEqual(nameHash('a'), split(0xe40c292c));
    assert.deepEqual(nameHash('foobar'), split(0xbf9cf968));
    for (const suffix of ['_[k]', '_[j]', '_[i]']) assert.deepEqual(nameHash(`foobar${suffix}`), split(0xbf9cf968), suffix);
    assert.notDeepEqual(nameHash('foobar_[x]'), split(0xbf9cf968));
  });

  it('colours frames by name and palette, with distinct hues per kind in mixed mode', () => {
    const names = ['a', 'b', 'main', 'xyz', 'foobar'];
    const hot = names.map((n) => frameColor(n, DEFAULT_PALETTE, false));
    assert.equal(new Set(hot).size, names.length, `one shade per name: ${hot.join(' ')}`);
    const cold = { ...DEFAULT_PALETTE, red: [0, 0, 255], orange: [0, 128, 255], yellow: [0, 255, 255] } as const;
    assert.notEqual(frameColor('main', cold, false), frameColor('main', DEFAULT_PALETTE, false), 'the palette is used');
    const rgb = (s: string): number[] => s.match(/\d+/g)!.map(Number);
    const kernel = rgb(frameColor('sys_read_[k]', DEFAULT_PALETTE, true));
    const jit = rgb(frameColor('Lx;::y_[j]', DEFAULT_PALETTE, true));
    assert.ok(jit[1] > jit[0], 'jit is green');
    assert.ok(kernel[0] > kernel[2] && kernel[1] > kernel[2], 'kernel is orange');
    for (const name of ['a', 'b', 'main', 'xyz']) {
      const [r, g, b] = rgb(frameColor(name, DEFAULT_PALETTE, false));
      assert.ok(r >= g && g >= b, `${name} is warm`);
    }
  });

  it('parses CSS colours', () => {
    assert.deepEqual(parseColor('rgb(1, 2, 3)'), [1, 2, 3]);
    assert.deepEqual(parseColor(' #f14c4c'), [241, 76, 76]);
    assert.deepEqual(parseColor('#fff'), [255, 255, 255]);
    assert.deepEqual(parseColor('#11223344'), [17, 34, 51]);
    assert.equal(parseColor('red'), undefined);
  });
});
