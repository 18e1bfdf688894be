/**
 * What the platform gives every format: header facts, editor features as pure functions, the
 * registry-driven detection. Expected values are read off the input files by hand or counted here
 * independently of the parsers.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parsePerfScript } from '../../src/parsers/perf-script';
import { perfScriptEditor } from '../../src/parsers/perf-script/editor';
import { foldedEditor } from '../../src/parsers/folded/editor';
import { FORMATS } from '../../src/parsers/registry';
import { detectFormat } from '../../src/parsers/detect';
import { formatHead } from '../../src/parsers/formatDefinition';
import { functionStats } from '../../src/analysis/functionStats';
import type { FunctionTotals } from '../../src/model/profile';
import { corpusFile, readCorpus } from '../helpers/corpus';

const reader = (text: string) => {
  const lines = text.split('\n');
  return { lineCount: lines.length, lineAt: (i: number) => lines[i] };
};

describe('header facts', () => {
  it("reads perf's --header block into the model (values as the file prints them)", () => {
    const p = parsePerfScript(readCorpus('flamegraph/test/perf-cycles-instructions-01.txt'));
    assert.deepEqual(p.facts, {
      date: 'Thu Aug 17 14:14:43 2017',
      hostname: 'bgregg-lgud2',
      kernel: '4.13.0-rc1',
      perfVersion: '4.13.0-rc1',
      arch: 'x86_64',
      cpus: 8,
      cpu: 'Intel(R) Xeon(R) CPU E3-1245 v5 @ 3.50GHz',
      cmdline: '/usr/bin/perf record -e cycles -e instructions -c 100000000 -a --call-graph=lbr -- sleep 1',
      events: ['cycles', 'instructions'],
    });
  });

  it('takes no facts from comment lines after the first sample, nor from files without a header', () => {
    const text = 'a 1 1.000000: 1 cycles:\n\tf (x)\n\n# hostname : late\n';
    assert.deepEqual(parsePerfScript(text).facts, {});
    assert.deepEqual(parsePerfScript(readCorpus('inferno/tests/data/collapse-perf/go-stacks.txt')).facts, {});
  });
});

describe('format definitions', () => {
  it('every format has a unique id and language, an expected-line text, and an applicability check that says no to empty input', () => {
    assert.equal(new Set(FORMATS.map((f) => f.id)).size, FORMATS.length);
    assert.equal(new Set(FORMATS.map((f) => f.languageId)).size, FORMATS.length);
    for (const f of FORMATS) {
      assert.ok(f.expected.length > 10, f.id);
      assert.equal(f.applies(formatHead('')).verdict, 'no', f.id);
    }
  });

  it('the languages of readable formats are contributed by package.json, with a grammar', () => {
    const pkg = JSON.parse(readFileSync(require.resolve('../../package.json'), 'utf8'));
    const languages = new Set(pkg.contributes.languages.map((l: { id: string }) => l.id));
    const grammars = new Set(pkg.contributes.grammars.map((g: { language: string }) => g.language));
    for (const f of FORMATS.filter((d) => d.parser)) {
      assert.ok(languages.has(f.languageId), `${f.id}: language ${f.languageId}`);
      assert.ok(grammars.has(f.languageId), `${f.id}: grammar`);
    }
  });

  it('run-metric logs (the seed note, inside Markdown) are detected by their banner', () => {
    const seed = readFileSync(corpusFile('../seeds/000_8dbfcd106c5e8510.txt'), 'utf8');
    assert.deepEqual(detectFormat(seed).format, 'run-log');
    assert.equal(detectFormat(seed).verdict, 'yes');
  });

  it('a signature beats a shape: a perf script file is `yes`, a name-count list only a folded `maybe`', () => {
    assert.equal(detectFormat(readCorpus('flamegraph/test/perf-vertx-stacks-01.txt')).verdict, 'yes');
    const counts = detectFormat('alpha 12\nbeta 3\ngamma 7\n');
    assert.deepEqual([counts.format, counts.verdict], ['folded', 'maybe']);
  });
});

describe('formatHead', () => {
  it('keeps complete lines without their CR, and the last line when the input ends there', () => {
    assert.deepEqual(formatHead('\uFEFFa;b 1\r\nc 2\r\nd 3').lines, ['a;b 1', 'c 2', 'd 3']);
    assert.deepEqual(formatHead('x\r\n\r\ny').lines, ['x', '', 'y']);
  });

  it('reads at most 400 lines; the 401st, maybe cut, is not one of them', () => {
    const numbered = (n: number): string[] => Array.from({ length: n }, (_, i) => `f${i} ${i}`);
    assert.deepEqual(formatHead(numbered(400).join('\n')).lines, numbered(400), 'exactly 400, no final newline');
    assert.deepEqual(formatHead(numbered(399).join('\n')).lines, numbered(399));
    assert.deepEqual(formatHead(numbered(500).join('\n')).lines, numbered(400));
  });

  it('drops the line cut by the 64 KiB limit, but keeps a last line that ends exactly there', () => {
    // Lines long enough that 64 KiB holds fewer than 400 of them.
    const long = ('x'.repeat(299) + '\n').repeat(218) + 'y'.repeat(135);
    assert.equal(long.length, 65535);
    assert.deepEqual(formatHead(long).lines.slice(-1), ['y'.repeat(135)], 'the input ends inside the head');
    assert.deepEqual(formatHead(long + 'y').lines.slice(-1), ['y'.repeat(136)], 'exactly 64 KiB');
    assert.deepEqual(formatHead(long + 'yz').lines.slice(-1), ['x'.repeat(299)], 'the last line goes on past 64 KiB');
    assert.equal(formatHead(long + 'yz').text.length, 65536);
  });
});

describe('editor features (pure, over lines)', () => {
  const text = readCorpus('flamegraph/test/perf-vertx-stacks-01.txt');

  it('perf script outline: one entry per process with its sample count, counted here from the header lines', () => {
    const byComm = new Map<string, number>();
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      // A sample header: unindented, not a comment, right after a blank line or the file start.
      if (l && !/^[\s#]/.test(l) && (i === 0 || lines[i - 1] === '' || lines[i - 1].startsWith('#'))) {
        const comm = l.split(/\s+/)[0];
        byComm.set(comm, (byComm.get(comm) ?? 0) + 1);
      }
    });
    const outline = perfScriptEditor.outline!(reader(text));
    assert.deepEqual(
      outline.map((o) => [o.name, Number(/^(\d+) samples/.exec(o.detail)![1])]).sort(),
      [...byComm].sort(),
    );
    const folds = perfScriptEditor.folding!(reader(text));
    assert.deepEqual(folds[0], { start: 0, end: folds[0].end, kind: 'comment' }, 'the # header block folds first');
  });

  it('perf script hover: the frame as the flame graph names it, its share from the totals, address and DSO', () => {
    const p = parsePerfScript(text);
    const { functions, total } = functionStats(p.tree);
    const totals: FunctionTotals = { total, unit: p.weight, event: p.event, byName: new Map(functions.map((f) => [f.name, [f.total, f.self]])) };
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('JavaThread::run()'));
    const h = perfScriptEditor.hover!(reader(text), line, 10, totals)!;
    assert.equal(h.title, 'JavaThread::run');
    const [t] = totals.byName.get('JavaThread::run')!;
    assert.ok(h.paragraphs[0].startsWith(`On the stack in ${((100 * t) / total).toFixed(2)}% of 'cpu-clock' samples`), h.paragraphs[0]);
    assert.match(h.paragraphs[1], /^address [0-9a-f]+( \(\+0x[0-9a-f]+ into the symbol\))? in .*libjvm\.so, process java$/);
    assert.equal(perfScriptEditor.hover!(reader(text), 0, 0, totals), undefined, 'no hover on a comment');
  });

  it('folded outline and hover: roots with their share, the frame under the cursor', () => {
    const folded = 'java;a;b 3\njava;a 1\nperl;x 4\n';
    assert.deepEqual(
      foldedEditor.outline!(reader(folded)).map((o) => [o.name, o.detail, o.start]),
      [
        ['java', '50.00%', 0],
        ['perl', '50.00%', 2],
      ],
    );
    const h = foldedEditor.hover!(reader(folded), 0, 6, undefined)!;
    assert.deepEqual([h.title, h.span], ['a', { start: 5, end: 6 }]);
    assert.equal(foldedEditor.hover!(reader(folded), 0, 9, undefined), undefined, 'the count is no frame');
  });
});
