/**
 * perf diff: expected values come from the files themselves and perf's documented semantics
 * (builtin-diff.c): Baseline is each entry's share of file 0, Delta (Abs) = new% − baseline%, so
 * baseline shares and new shares (baseline + delta) each sum to 100% within rounding; rows are
 * sorted by the compute column (|delta| for Delta Abs), entries without a pair last.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffColumn, type PerfDiffModel, type PerfDiffSection } from '../../src/model/perfDiff';
import { checkTable, numberCell, rowKey } from '../../src/model/table';
import { parsePerfDiff, PerfDiffParser } from '../../src/parsers/perf-diff';
import { perfDiffApplies } from '../../src/parsers/perf-diff/applies';
import { formatHead } from '../../src/parsers/formatDefinition';
import { detectFormat } from '../../src/parsers/detect';
import { readCorpus } from '../helpers/corpus';
import { assertGolden, FIXTURES } from '../helpers/golden';
import { reportModelJson } from '../../src/analysis/modelJson';

const fixture = (name: string): string => readFileSync(resolve(FIXTURES, 'perf-diff', name), 'utf8');

/** Lines of the file that are table rows: not comments, not blank. */
function rowLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

function cells(s: PerfDiffSection, id: string): (number | null)[] {
  const i = s.table.columns.findIndex((c) => c.id === id);
  return s.table.rows.map((r) => r.cells[i] as number | null);
}

function sum(xs: (number | null)[]): number {
  return xs.reduce<number>((a, x) => a + (x ?? 0), 0);
}

function only(m: PerfDiffModel): PerfDiffSection {
  assert.equal(m.sections.length, 1);
  for (const s of m.sections) assert.equal(checkTable(s.table), undefined);
  return m.sections[0];
}

describe('perf diff parser', () => {
  it('default (Delta Abs): every row, blank cells null, shares sum to 100% in both files', () => {
    const text = readCorpus('perf-6.1-captures/diff.txt');
    const m = parsePerfDiff(text);
    assert.deepEqual(m.warnings, []);
    const s = only(m);
    assert.equal(s.event, 'cpu-clock:pppH');
    assert.deepEqual(
      s.table.columns.map((c) => [c.id, c.kind === 'number' ? c.unit : 'text']),
      [
        ['baseline', 'percent'],
        ['deltaAbs', 'percent'],
        ['dso', 'text'],
        ['symbolLevel', 'text'],
        ['symbol', 'text'],
      ],
    );
    assert.deepEqual(s.table.keys, ['dso', 'symbol']);
    assert.equal(s.table.rows.length, rowLines(text).length);
    const base = cells(s, 'baseline');
    const delta = cells(s, 'deltaAbs');
    // Shares of file 0, and of file 1 (baseline + delta where the entry is in file 1): 100% each, ±0.01 per row.
    assert.ok(Math.abs(sum(base) - 100) <= 0.01 * base.length);
    const newShares = base.map((b, i) => (delta[i] === null ? null : (b ?? 0) + delta[i]!));
    assert.ok(Math.abs(sum(newShares) - 100) <= 0.01 * base.length, String(sum(newShares)));
    // Sorted by |delta| (Delta Abs), entries without a pair in file 1 last.
    const firstBlank = delta.indexOf(null);
    assert.ok(delta.slice(firstBlank).every((d) => d === null));
    for (let i = 1; i < firstBlank; i++) assert.ok(Math.abs(delta[i]!) <= Math.abs(delta[i - 1]!), `row ${i}`);
    // A new-only entry: blank baseline, its delta is its share in the new file.
    const doExit = s.table.rows.find((r) => rowKey(s.table, r) === '[kernel.kallsyms] / do_exit')!;
    assert.equal(numberCell(s.table, doExit, 'baseline'), undefined);
    assert.equal(numberCell(s.table, doExit, 'deltaAbs'), 0.02);
    assert.deepEqual(s.table.rows[0], { line: 6, cells: [59.11, 0.5, 't', '.', 'leaf_a'] });
  });

  it('three files: the # Data files list, one Delta Abs column per file, /N titles', () => {
    const text = readCorpus('perf-6.1-captures/diff3.txt');
    const s = only(parsePerfDiff(text));
    assert.deepEqual(s.files, [
      { index: 0, path: 'ng.data', baseline: true },
      { index: 1, path: 'ng2.data', baseline: false },
      { index: 2, path: 'g.data', baseline: false },
    ]);
    assert.deepEqual(
      s.table.columns.map((c) => c.label),
      ['Baseline/0', 'Delta Abs/1', 'Delta Abs/2', 'Shared Object', 'Level', 'Symbol'],
    );
    assert.deepEqual(
      s.columnInfo.slice(0, 3).map((c) => [c.role, c.file]),
      [
        ['baseline', 0],
        ['deltaAbs', 1],
        ['deltaAbs', 2],
      ],
    );
    assert.equal(s.table.rows.length, rowLines(text).length);
    const base = cells(s, 'baseline/0');
    for (const id of ['deltaAbs/1', 'deltaAbs/2']) {
      const d = cells(s, id);
      const shares = base.map((b, i) => (d[i] === null ? null : (b ?? 0) + d[i]!));
      assert.ok(Math.abs(sum(shares) - 100) <= 0.01 * base.length, `${id}: ${sum(shares)}`);
    }
    // Only in file 2: blank baseline and blank file-1 delta.
    const last = s.table.rows.at(-1)!;
    assert.deepEqual(last.cells, [null, null, 0.02, 'ld-linux-x86-64.so.2', '.', 'update_active.constprop.0']);
    assert.equal(diffColumn(s, 'deltaAbs', 2), 2);
  });

  it('-c delta (signed, sorted by signed value), from a git commit message', () => {
    const s = only(parsePerfDiff(readCorpus('perf-diff/git-commit-taylor-blau-p5326/perf-diff-c-delta-o1.txt')));
    assert.equal(s.event, 'cycles');
    const d = cells(s, 'delta');
    assert.deepEqual(d, [5.86, 5.24, 0.97, 0.57, 0.3]);
    assert.deepEqual(cells(s, 'baseline'), [null, null, 3.45, 3.3, null]);
  });

  it('-c cycles: block range and cycles apart; a mailed copy with one dotted run for "Shared Object Symbol"', () => {
    const text = readCorpus('perf-diff/lkml-jin-yao-2019/perf-diff-c-cycles.txt');
    const s = only(parsePerfDiff(text));
    assert.equal(s.table.rows.length, rowLines(text).length);
    assert.deepEqual(s.table.rows[0].cells, [48.75, 'div.c:42 -> div.c:45', 147, 'div', '.', 'main']);
    assert.deepEqual(s.table.rows.at(-1)!.cells, [0, 'fair.c:7676 -> fair.c:7665', 162, '[vmlinux]', 'k', 'update_blocked_averages']);
    assert.deepEqual(s.table.keys, ['dso', 'symbol']);
  });

  it('-c ratio: N/A and blank cells are null; -p periods; -t separators (fragments without a dotted rule)', () => {
    const ratio = only(parsePerfDiff(fixture('ratio.txt')));
    assert.deepEqual(cells(ratio, 'ratio'), [6, null, null]);
    assert.deepEqual(cells(ratio, 'baseline'), [0.02, null, 0.28]);
    assert.match(parsePerfDiff(fixture('ratio.txt')).warnings[0].message, /no dotted rule/);

    const period = only(parsePerfDiff(fixture('period.txt')));
    assert.deepEqual(cells(period, 'basePeriod'), [738000000, 0, 3500000]);
    assert.deepEqual(cells(period, 'period'), [832000000, 250000, null]);
    assert.deepEqual(cells(period, 'deltaAbs'), [0.5, 0.02, null]);

    const sep = parsePerfDiff(fixture('sep.txt'));
    assert.deepEqual(sep.warnings, []);
    const t = only(sep);
    assert.equal(t.separator, ',');
    assert.deepEqual(
      t.table.rows.map((r) => r.cells),
      [
        [59.11, 0.5, 't', '.', 'leaf_a'],
        [null, 0.02, '[kernel.kallsyms]', 'k', 'do_exit'],
        [0.28, null, '[kernel.kallsyms]', 'k', 'irqentry_exit_to_user_mode'],
      ],
    );
  });

  it('-v: the address and origin before the [x] marker are not part of the symbol (real perf 6.1 capture)', () => {
    const text = readFileSync(resolve(__dirname, '../fixtures/perf-diff/verbose-v.txt'), 'utf8');
    const [section] = parsePerfDiff(text).sections;
    const cells = section.table.rows.map((r) => r.cells.slice(2));
    // `0x48b0             B [.] 0x00000000000048b0`, `0xffffffff813695e2 k [k] handle_softirqs`
    assert.deepEqual(cells[0], ['/usr/lib/x86_64-linux-gnu/liblzma.so.5.4.1', '.', '0x00000000000048b0']);
    assert.deepEqual(cells[1], ['/usr/lib/x86_64-linux-gnu/libc.so.6', '.', '__memcmp_evex_movbe']);
    assert.deepEqual(cells[2], ['[kernel.kallsyms]', 'k', 'handle_softirqs']);
    assert.equal(section.table.rows.length, text.split('\n').filter((l) => /^ +[-+\d]/.test(l)).length);
  });

  it('-t keeps separators inside symbols (C++ templates)', () => {
    const s = only(parsePerfDiff('# Baseline,Delta Abs,Shared Object,Symbol\n1.00,+0.50%,a.out,[.] std::map<int, int>::find\n'));
    assert.deepEqual(s.table.rows[0].cells, [1, 0.5, 'a.out', '.', 'std::map<int, int>::find']);
  });

  it('perflens parse JSON: rows as objects keyed by column id (golden, reviewed against the file)', () => {
    for (const name of ['diff.txt', 'diff3.txt']) {
      const json = reportModelJson(parsePerfDiff(readCorpus(`perf-6.1-captures/${name}`), name)) as { sections: { rows: Record<string, unknown>[] }[] };
      assert.deepEqual(json.sections[0].rows[0], name === 'diff.txt'
        ? { line: 6, baseline: 59.11, deltaAbs: 0.5, dso: 't', symbolLevel: '.', symbol: 'leaf_a' }
        : { line: 11, 'baseline/0': 59.11, 'deltaAbs/1': 0.5, 'deltaAbs/2': -0.65, dso: 't', symbolLevel: '.', symbol: 'leaf_a' });
      assertGolden(`perf-diff/${name.replace(/\.txt$/, '.json')}`, JSON.stringify(json, null, 2) + '\n');
    }
  });

  it('strips ANSI colours (--stdio-color always) before cutting columns', () => {
    const text = readCorpus('perf-6.1-captures/diff.txt').replace('    59.11%     +0.50%', '\x1b[31m    59.11%\x1b[m     \x1b[32m+0.50%\x1b[m');
    assert.deepEqual(only(parsePerfDiff(text)).table.rows[0].cells, [59.11, 0.5, 't', '.', 'leaf_a']);
  });

  it('several events: one section each, a blank line between', () => {
    const one = readCorpus('perf-6.1-captures/diff.txt');
    const m = parsePerfDiff(one + '\n' + one.replace("# Event 'cpu-clock:pppH'", "# Event 'task-clock'"));
    assert.deepEqual(
      m.sections.map((s) => [s.event, s.table.rows.length]),
      [
        ['cpu-clock:pppH', 19],
        ['task-clock', 19],
      ],
    );
    assert.equal(m.sections[1].table.rows[0].line, 6 + one.split('\n').length);
  });

  it('-q rows (no header): read by cell shapes, with one warning', () => {
    const m = parsePerfDiff('    59.11%     +0.50%  t                     [.] leaf_a\n               +0.02%  [kernel.kallsyms]     [k] do_exit\n     0.28%             [kernel.kallsyms]     [k] irqentry_exit_to_user_mode\n');
    const s = only(m);
    assert.equal(m.warnings.length, 1);
    assert.match(m.warnings[0].message, /without a column header/);
    assert.deepEqual(cells(s, 'baseline'), [59.11, null, 0.28]);
    assert.deepEqual(cells(s, 'delta'), [0.5, 0.02, null]);
  });

  it('bad input: located warnings, never a crash; a cut file keeps its rows', () => {
    const text = readCorpus('perf-6.1-captures/diff.txt');
    const lines = text.split('\n');
    const mangled = [...lines.slice(0, 8), '    xx.11%     +0.50%  t   [.] broken', 'some mail text', ...lines.slice(8, 12), '    59.1'].join('\n');
    const m = parsePerfDiff(mangled);
    assert.deepEqual(
      m.warnings.map((w) => w.line),
      [9, 10, 15],
    );
    assert.match(m.warnings[0].message, /expected a perf diff row \(Baseline, Delta Abs, Shared Object, Symbol\); its 'Baseline' cell is not valid: +xx\.11%/);
    assert.equal(m.sections[0].table.rows.length, 3 + 4);
    assert.equal(parsePerfDiff('hello\n').warnings[0].line, 1);
    assert.deepEqual(parsePerfDiff('').sections, []);
  });

  it('digits beyond a double (found by the property harness): never a value (Infinity), the row skipped with a warning', () => {
    const huge = '9'.repeat(400);
    const quiet = parsePerfDiff(`             +${huge}.86%  git                 [.] nth_midxed_offset\n`);
    assert.deepEqual(quiet.sections, []);
    assert.equal(quiet.warnings[0].line, 1);
    const text = readCorpus('perf-6.1-captures/diff.txt').replace('    59.11%', `${huge}.11%`);
    const m = parsePerfDiff(text);
    assert.equal(m.sections[0].table.rows.length, rowLines(text).length - 1);
    assert.ok(m.sections[0].table.rows.every((r) => r.cells.every((c) => typeof c !== 'number' || Number.isFinite(c))));
  });

  it('quoted in a mail (`> `) or indented in a commit message: the prefix is removed, with one warning', () => {
    const text = readCorpus('perf-6.1-captures/diff3.txt');
    const lines = text.split('\n').slice(0, -1);
    const plain = only(parsePerfDiff(text));
    const quoted = parsePerfDiff(`Hi,\n\n${lines.map((l) => (l ? `> ${l}` : '>')).join('\n')}\n\nthanks\n`);
    const indented = parsePerfDiff(`commit 1234\n\n    perf diff:\n\n${lines.map((l) => (l ? `    ${l}` : '')).join('\n')}\n`);
    for (const m of [quoted, indented]) {
      const s = m.sections[0];
      assert.deepEqual(s.files, plain.files);
      assert.deepEqual(
        s.table.rows.map((r) => r.cells),
        plain.table.rows.map((r) => r.cells),
      );
      assert.ok(m.warnings.some((w) => /quoted or indented by/.test(w.message)));
    }
    assert.match(quoted.warnings.at(-1)!.message, /thanks$/);
    assert.equal(perfDiffApplies(formatHead(`Hi,\n\n${lines.map((l) => `> ${l}`).join('\n')}\n`)).verdict, 'yes');
  });

  it('streams: any chunking gives the same model', () => {
    const text = readCorpus('perf-6.1-captures/diff3.txt');
    const whole = JSON.stringify(parsePerfDiff(text));
    for (const size of [1, 7, 100]) {
      const p = new PerfDiffParser();
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      p.end();
      assert.equal(JSON.stringify(p.toModel('<text>')), whole, `chunks of ${size}`);
    }
  });

  it('a near-1 MiB symbol and 100k rows: parsed; a longer line skipped with a warning', () => {
    const head = "# Event 'cycles'\n#\n# Baseline  Delta Abs  Shared Object  Symbol\n# ........  .........  .............  ......\n#\n";
    const row = '     1.00%     +0.01%  libc.so.6      [.] memcpy\n';
    const long = `     1.00%     +0.01%  x              [.] ${'a'.repeat((1 << 20) - 100)}\n`;
    const m = parsePerfDiff(head + row.repeat(100000) + long + long.replace('[.] ', '[.] aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'));
    assert.equal(m.sections[0].table.rows.length, 100001);
    assert.equal((m.sections[0].table.rows.at(-1)!.cells[4] as string).length, (1 << 20) - 100);
    assert.match(m.warnings[0].message, /skipped \(longer than any perf diff row\)/);
  });

  it('detection: headers, -q rows; not perf report or perf stat', () => {
    for (const f of ['perf-6.1-captures/diff.txt', 'perf-6.1-captures/diff3.txt', 'perf-diff/lkml-jin-yao-2019/perf-diff-default.txt']) {
      assert.equal(detectFormat(readCorpus(f)).format, 'perf-diff', f);
    }
    assert.equal(perfDiffApplies(formatHead(fixture('sep.txt'))).verdict, 'yes');
    assert.equal(perfDiffApplies(formatHead('    59.11%     +0.50%  t  [.] a\n    1.11%     -0.50%  t  [.] b\n               +0.02%  k  [k] c\n')).verdict, 'yes');
    for (const f of ['perf-6.1-captures/ng_default.txt', 'perf-6.1-captures/ng_quiet.txt', 'perf-6.1-captures/stat.txt', 'perf-6.1-captures/g_folded.txt']) {
      assert.equal(perfDiffApplies(formatHead(readCorpus(f))).verdict, 'no', f);
    }
  });
});
