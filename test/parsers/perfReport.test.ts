/**
 * perf report --stdio: every variant in the corpora. Expected values are read from the files
 * themselves (the header's counts, each row's printed numbers, the chains' printed percentages)
 * or follow from perf's documented semantics (shares of `# Event count`, self periods summing to
 * it), never copied from the parser's output.
 */
import { strict as assert } from 'node:assert';
import { checkTable, columnIndex, numberCell, type Table } from '../../src/model/table';
import type { PerfReport, PerfReportEvent } from '../../src/model/perfReport';
import { parsePerfReport } from '../../src/parsers/perf-report';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { detectFormat } from '../../src/parsers/detect';
import { CORPORA, readCorpus } from '../helpers/corpus';
import { stacksOf } from '../helpers/golden';

const CAP = 'perf-6.1-captures/';
const parse = (rel: string): PerfReport => parsePerfReport(readCorpus(rel), rel);
const only = (m: PerfReport): PerfReportEvent => {
  assert.equal(m.events.length, 1);
  return m.events[0];
};

/** Rows as the file prints them: lines starting with spaces and a percentage followed by two spaces. */
function fileRows(text: string): string[] {
  return text.split('\n').filter((l) => /^\s*\d+\.\d\d% {2}/.test(l));
}

function column(table: Table, id: string): Array<string | number | null> {
  const i = columnIndex(table, id);
  assert.ok(i >= 0, `no column ${id}`);
  return table.rows.map((r) => r.cells[i]);
}

function sum(values: Array<string | number | null>): number {
  return values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
}

/** A stack's weight as a share (%) of the event count. */
function shares(m: PerfReportEvent): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of stacksOf(m.callGraph!)) out.set(k, Math.round((10000 * v) / m.eventCount!) / 100);
  return out;
}

const LONG = 'a_very_long_function_name_that_goes_on_and_on_and_on_to_test_column_widths_in_perf_report';

describe('perf report --stdio', () => {
  describe('header and rows', () => {
    it('default report: header counts, every printed row, percentages as numbers', () => {
      const text = readCorpus(CAP + 'ng_default.txt');
      const m = parse(CAP + 'ng_default.txt');
      const e = only(m);
      assert.equal(m.lostSamples, 0);
      assert.equal(e.name, 'cpu-clock:pppH');
      assert.equal(e.samplesText, '4K');
      assert.equal(e.samples, 4000);
      assert.equal(e.eventCount, 1248500000);
      assert.match(m.tip!, /^Tip: /);
      assert.equal(checkTable(e.table), undefined);
      assert.deepEqual(e.table.keys, ['comm', 'dso', 'symbol']);
      const printed = fileRows(text);
      assert.equal(e.table.rows.length, printed.length);
      // Each row's numbers and texts are the line's own fields.
      e.table.rows.forEach((row, i) => {
        const f = printed[i].trim().split(/\s+/);
        assert.equal(row.cells[0], Number(f[0].slice(0, -1)));
        assert.equal(row.cells[1], f[1]);
        assert.equal(row.cells[2], f[2]);
        assert.equal(`[${row.cells[3]}]`, f[3]);
        assert.equal(row.cells[4], f.slice(4).join(' '));
      });
      // perf prints shares of the total rounded to 0.01%: they add up to 100% give or take rounding.
      assert.ok(Math.abs(sum(column(e.table, 'overhead')) - 100) <= 0.01 * printed.length);
      assert.deepEqual(m.warnings, []);
    });

    it('-n --show-total-period: Samples and Period are the event\u2019s own totals', () => {
      const e = only(parse(CAP + 'ng_n_period.txt'));
      assert.deepEqual(
        e.table.columns.map((c) => c.id),
        ['overhead', 'samples', 'period', 'comm', 'dso', 'level', 'symbol'],
      );
      // Self periods add up to `# Event count`; samples to `# Samples: 4K` (4000–4999).
      assert.equal(sum(column(e.table, 'period')), e.eventCount);
      const samples = sum(column(e.table, 'samples'));
      assert.ok(samples >= 4000 && samples <= 4999, String(samples));
      // Overhead is period / event count.
      for (const r of e.table.rows) assert.ok(Math.abs(numberCell(e.table, r, 'overhead')! - (100 * numberCell(e.table, r, 'period')!) / e.eventCount!) < 0.006);
    });

    it('a Period wider than its column shifts the rest of the row, which still parses', () => {
      const text = readCorpus(CAP + 'ng_n_period.txt').replace('     2952     738000000  t  ', '     2952  987654321098765  t  ');
      assert.ok(text.includes('987654321098765'));
      const e = only(parsePerfReport(text));
      assert.deepEqual(e.table.rows[0].cells, [59.11, 2952, 987654321098765, 't', 't', '.', 'leaf_a']);
    });

    it('--group: one value per member in each numeric column', () => {
      const e = only(parse(CAP + 'grp.txt'));
      assert.equal(e.name, 'anon group { cpu-clock, task-clock }');
      assert.deepEqual(e.members, ['cpu-clock', 'task-clock']);
      assert.deepEqual(e.table.columns.slice(0, 2).map((c) => [c.id, c.label]), [
        ['overhead:1', 'Overhead (cpu-clock)'],
        ['overhead:2', 'Overhead (task-clock)'],
      ]);
      assert.deepEqual(e.table.rows[0].cells, [59.21, 59.07, 't', 't', '.', 'leaf_a']);
      for (const id of ['overhead:1', 'overhead:2']) assert.ok(Math.abs(sum(column(e.table, id)) - 100) < 0.2);
    });

    it('a real event group (perf 6.1, 2 members): members, per-member columns, shares of each member', () => {
      const text = readFileSync(join(__dirname, '../fixtures/perf-report/group-nochildren.txt'), 'utf8');
      const e = only(parsePerfReport(text));
      assert.equal(e.name, 'anon group { cpu-clock, task-clock }');
      assert.deepEqual(e.members, ['cpu-clock', 'task-clock']);
      assert.equal(e.eventCount, 529750000);
      const printed = fileRows(text);
      assert.equal(e.table.rows.length, printed.length);
      // Each member's shares add up to 100% of that member, give or take perf's rounding.
      for (const id of ['overhead:1', 'overhead:2']) assert.ok(Math.abs(sum(column(e.table, id)) - 100) <= 0.005 * printed.length, id);
      assert.deepEqual(e.table.rows[0].cells, [19.32, 18.05, 'gzip', 'gzip', '.', '0x000000000000cc5c']);
      assert.ok(e.callGraph!.tree.columns[0].total[0] <= e.eventCount!);
    });

    it('several events: one section each, header counts per event', () => {
      const m = parse(CAP + 'multi.txt');
      assert.deepEqual(
        m.events.map((e) => [e.name, e.samplesText, e.eventCount]),
        [
          ['cpu-clock', '5K', 1300750000],
          ['task-clock', '5K', 1300750000],
        ],
      );
      assert.deepEqual(m.facts.events, ['cpu-clock', 'task-clock']);
      for (const e of m.events) assert.ok(Math.abs(sum(column(e.table, 'overhead')) - 100) < 0.2);
    });

    it('-t , gives the same rows as the default layout; -q (no header) too, with a warning', () => {
      const base = only(parse(CAP + 'ng_default.txt')).table.rows.map((r) => r.cells);
      assert.deepEqual(
        only(parse(CAP + 'ng_sep.txt')).table.rows.map((r) => r.cells),
        base,
      );
      const quiet = parse(CAP + 'ng_quiet.txt');
      assert.deepEqual(
        only(quiet).table.rows.map((r) => r.cells),
        base,
      );
      assert.match(quiet.warnings[0].message, /no column header/);
    });

    it('sort keys: -s cpu (-001 overflowing a 3-wide column), -s pid, srcline, -F sym, the IPC quirk, -v', () => {
      assert.deepEqual(only(parse(CAP + 'ng_cpu.txt')).table.rows[0].cells, [100, -1, 't']);
      const pid = only(parse(CAP + 'ng_pid.txt')).table;
      assert.deepEqual(column(pid, 'pid'), ['9990:t', '9989:t', '9987:t']);
      const src = only(parse(CAP + 'ng_srcline.txt')).table;
      assert.deepEqual(src.rows[3].cells, [0.28, '[kernel.kallsyms]', 'k', 'irqentry_exit_to_user_mode', 'irqentry_exit_to_user_mode+261']);
      assert.deepEqual(only(parse(CAP + 'ng_F.txt')).table.rows[0].cells, [59.11, '.', 'leaf_a']);
      const ipc = only(parse(CAP + 'ng_ipc_quirk.txt')).table;
      assert.equal(ipc.columns.at(-1)!.label, 'IPC   [IPC Coverage]');
      assert.deepEqual(ipc.rows[0].cells, [59.11, 't', 't', '.', 'leaf_a', '-      -']);
      const verbose = only(parse(CAP + 'ng_verbose.txt')).table;
      assert.deepEqual(verbose.rows[3].cells, [0.28, 't', '[kernel.kallsyms]', 'k', 'irqentry_exit_to_user_mode']);
    });

    it('--hierarchy: depth from the indentation; each level adds up to its parent', () => {
      const t = only(parse(CAP + 'ng_hier.txt')).table;
      assert.deepEqual(t.rows[0].cells, [100, 't', 0]);
      assert.deepEqual(t.rows[2].cells, [59.11, '[.] leaf_a', 2]);
      const depth1 = t.rows.filter((r) => r.cells[2] === 1).map((r) => r.cells[0] as number);
      assert.ok(Math.abs(depth1.reduce((a, b) => a + b, 0) - 100) < 0.05);
    });

    it('--header facts (perf 5.15), kernel module DSOs, raw kernel addresses', () => {
      const m = parse('perf-report/ekarpp-digraph_shortest_even_cycle/perf.report');
      assert.equal(m.facts.hostname, 'seed');
      assert.equal(m.facts.kernel, '5.15.0-2-amd64');
      assert.equal(m.facts.perfVersion, '5.15.15');
      assert.equal(m.facts.cpus, 4);
      assert.equal(m.facts.cpu, 'Intel(R) Core(TM) i5-6600K CPU @ 3.50GHz');
      assert.equal(m.facts.cmdline, '/usr/bin/perf_5.15 record ./digraph -f graphs/c64');
      assert.deepEqual(m.facts.events, ['cycles']);
      const e = only(m);
      assert.equal(e.eventCount, 106031060889);
      assert.deepEqual(e.table.rows[0].cells, [82.12, 'digraph', 'digraph', '.', 'GF_element::operator*']);
      const dsos = new Set(column(e.table, 'dso'));
      assert.ok(dsos.has('[e1000e]'));
      assert.ok(column(e.table, 'symbol').some((s) => typeof s === 'string' && /^0xffffffff[0-9a-f]+$/.test(s)));
      assert.deepEqual(m.warnings, []);
    });

    it('text copied from the TUI: rows read (fold markers and scrollbar glyphs dropped), with warnings', () => {
      const text = readCorpus('perf-report/epickrram-lock-contention/perf-report.txt');
      const m = parsePerfReport(text);
      const rows = text.split('\n').filter((l) => /^[+-]\s+\d+\.\d\d%\s+\d+\.\d\d%\s/.test(l));
      const e = only(m);
      assert.equal(e.table.rows.length, rows.length);
      assert.deepEqual(e.table.columns.slice(0, 2).map((c) => c.id), ['children', 'self']);
      assert.deepEqual(e.table.rows.at(-1)!.cells, [74.34, 39.48, 'java', 'perf-4184.map', '.', 'Lcom/epickrram/sync/Writer;::run']);
      assert.ok(m.warnings.some((w) => /perf TUI/.test(w.message)));
      // The section titles and the JMH results pasted below are not perf's: located warnings.
      const unread = m.warnings.filter((w) => /got: /.test(w.message));
      assert.deepEqual(
        unread.map((w) => w.line),
        [1, 17, 48, 49, 50, 51, 52, 53, 54],
      );
      assert.match(unread[3].message, /SyncThroughputBenchmark/);
    });

    it('pasted blocks: shell prompts warned, misaligned rule handled, typographic quotes, elisions', () => {
      const m = parse('perf-book/chapters_6-CPU-Features-For-Performance-Analysis_6-2_TMA-Intel__block04.perf-report.txt');
      const e = only(m);
      assert.equal(e.name, 'MEM_LOAD_RETIRED.L3_MISS');
      assert.deepEqual(e.table.rows[1].cells, [0.03, 52, '[kernel]', 'k', 'get_page_from_freelist']);
      assert.ok(m.warnings.some((w) => w.line === 1 && /got: \$ perf record/.test(w.message)));
      const tab = only(parse('perf-book/chapters_6-CPU-Features-For-Performance-Analysis_6-6_Last_Branch_Record__block05.perf-report.txt'));
      assert.deepEqual(tab.table.rows[0].cells, [99.96, 99.94, 65447, 'a.exe', 'a.exe', '.', 'bar']);
    });
  });

  describe('call graphs', () => {
    const ENTRIES = 58.46 + 40.52;

    it('graph, callee order (--no-children): turned around into caller-first stacks weighing share × event count', () => {
      const e = only(parse(CAP + 'g_nochildren.txt'));
      const g = e.callGraph!;
      assert.deepEqual([g.mode, g.order, g.orderFrom, g.value, g.weight, g.basis], ['graph', 'callee', 'chains', 'percent', 'period', 'event-count']);
      const s = shares(e);
      // The chains printed under leaf_a: 38.82% via the long name, 19.64% via mid.
      assert.equal(s.get(`start_thread;worker;top;${LONG};leaf_a`), 38.82);
      assert.equal(s.get('start_thread;worker;top;mid;leaf_a'), 19.64);
      assert.equal(s.get(`start_thread;worker;top;${LONG};leaf_b`), 20.5);
      assert.equal(s.get('start_thread;worker;top;mid;leaf_b'), 20.02);
      // Rows printed without chains (callers below the threshold) weigh their share under `[...]`:
      // the tree is the whole event (its rows add up to 100.01%, so they are scaled to the 1.02% left).
      assert.ok(Math.abs((100 * g.tree.columns[0].total[0]) / e.eventCount! - 100) < 0.001);
      let chains = 0;
      for (const [k, v] of s) if (k.startsWith('start_thread;')) chains += v;
      assert.ok(Math.abs(chains - ENTRIES) < 0.01);
      assert.equal(s.get('[...];irqentry_exit_to_user_mode')!.toFixed(2), ((0.25 * 1.02) / 1.03).toFixed(2));
    });

    it('caller order, flat, folded, -s sym and children (self chains) give the same stacks as the graph', () => {
      const base = stacksOf(only(parse(CAP + 'g_nochildren.txt')).callGraph!);
      for (const f of ['g_caller.txt', 'g_flat.txt', 'g_folded.txt', 'g_sortsym.txt', 'g_children_default.txt', 'g_plimit5.txt']) {
        const e = only(parse(CAP + f));
        const got = stacksOf(e.callGraph!);
        // --children rows overlap and --percent-limit prints no row below it: no `[...]` rows there.
        const hidden = !e.callGraph!.fromRows.startsWith('self') && !f.includes('plimit');
        const want = [...base.keys()].filter((k) => hidden || !k.startsWith('[...];'));
        assert.deepEqual([...got.keys()].sort(), want.sort(), f);
        for (const k of want) assert.ok(Math.abs(got.get(k)! - base.get(k)!) <= 0.0001 * e.eventCount!, `${f}: ${k}`);
      }
      assert.equal(only(parse(CAP + 'g_caller.txt')).callGraph!.order, 'caller');
      assert.equal(only(parse(CAP + 'g_flat.txt')).callGraph!.mode, 'flat');
      assert.equal(only(parse(CAP + 'g_folded.txt')).callGraph!.mode, 'folded');
      assert.equal(only(parse(CAP + 'g_children_default.txt')).callGraph!.fromRows, 'self chains');
    });

    it('fractal: percentages of the parent', () => {
      const e = only(parse(CAP + 'g_fractal.txt'));
      assert.equal(e.callGraph!.mode, 'fractal');
      const s = shares(e);
      // leaf_a is 58.46% of the event; 66.40% of it goes through the long name, 33.60% through mid.
      assert.equal(s.get(`start_thread;worker;top;${LONG};leaf_a`), Math.round(58.46 * 66.4) / 100);
      assert.equal(s.get('start_thread;worker;top;mid;leaf_a'), Math.round(58.46 * 33.6) / 100);
    });

    it('fractal remainder `[...]` is kept as its own frame', () => {
      const e = only(parse(CAP + 'u_fractal_rem.txt'));
      const s = shares(e);
      assert.equal(s.get('[...] (inlined);leaf'), Math.round(99.73 * 38.44) / 100);
      assert.equal(s.get('__libc_start_call_main;main;caller2;leaf'), Math.round(99.73 * 26.18) / 100);
    });

    it('-g …,count and -g …,period: the printed numbers are the weights', () => {
      const count = only(parse(CAP + 'g_count.txt')).callGraph!;
      assert.deepEqual([count.value, count.weight, count.basis], ['count', 'samples', 'printed']);
      assert.equal(stacksOf(count).get(`start_thread;worker;top;${LONG};leaf_a`), 1984);
      const period = only(parse(CAP + 'g_period.txt')).callGraph!;
      assert.deepEqual([period.value, period.weight], ['period', 'period']);
      assert.equal(stacksOf(period).get(`start_thread;worker;top;${LONG};leaf_a`), 496000000);
    });

    it('-g …,address: frames carry their source lines', () => {
      const s = stacksOf(only(parse(CAP + 'g_address.txt')).callGraph!);
      assert.ok([...s.keys()].some((k) => k.startsWith('start_thread pthread_create.c:442;worker t.c:12;')));
    });

    it('--children with callee-ordered chains: no tree (they only show callers), and a warning', () => {
      const m = parse(CAP + 'g_children_callee.txt');
      assert.equal(only(m).callGraph, undefined);
      assert.match(m.warnings[0].message, /callee order/);
    });

    it('a real children report: the tree is the self chains, within the event', () => {
      const e = only(parse('perf-report/raymond-w-ko-dullahan/perf-report-callgraph.txt'));
      const g = e.callGraph!;
      assert.equal(g.order, 'caller');
      const total = g.tree.columns[0].total[0];
      // Never more than the event; the rows' self shares bound it from above.
      const selfSum = sum(column(e.table, 'self'));
      assert.ok(total <= (e.eventCount! * (selfSum + 0.5)) / 100, `${total}`);
      assert.ok(total > e.eventCount! * 0.5);
      assert.equal(g.tree.names[g.tree.nodeName[1]], '__GI___clone3');
    });

    it('perf 3.x style (`--- root`, `|--97.74%-- frame`): the same tree as today\u2019s layout', () => {
      const old = [
        '# Samples: 10K of event \'cycles\'',
        '# Event count (approx.): 1000000',
        '#',
        '# Overhead  Command      Shared Object                  Symbol',
        '# ........  .......  .................  ......................',
        '#',
        '     8.68%     perf  [kernel.kallsyms]  [k] __lock_acquire',
        '               |',
        '               --- __lock_acquire',
        '                  |',
        '                  |--97.74%-- lock_acquire',
        '                  |          |',
        '                  |          |--30.43%-- mutex_lock_nested',
        '                  |          |           perf_event_init',
        '                  |          |',
        '                  |           --67.31%-- _raw_spin_lock',
        '                  |',
        '                   --2.26%-- mark_lock',
        '',
      ].join('\n');
      const m = parsePerfReport(old);
      assert.deepEqual(m.warnings, []);
      const s = stacksOf(only(m).callGraph!);
      // Callee order: the sampled function is the first frame, its callers follow.
      assert.deepEqual([...s.keys()].sort(), [
        '_raw_spin_lock;lock_acquire;__lock_acquire',
        'lock_acquire;__lock_acquire',
        'mark_lock;__lock_acquire',
        'perf_event_init;mutex_lock_nested;lock_acquire;__lock_acquire',
      ]);
      // Branch values above the row's 8.68%: fractal (perf 3.x's default), each a share of its parent.
      assert.equal(only(m).callGraph!.mode, 'fractal');
      const expected = 1e6 * 0.0868 * 0.9774 * 0.3043;
      assert.ok(Math.abs(s.get('perf_event_init;mutex_lock_nested;lock_acquire;__lock_acquire')! - expected) < 0.01);
    });

    it('real --children reports of the bench recording: self chains only, or no tree with the reason', () => {
      const fixture = (name: string) => parsePerfReport(readFileSync(join(__dirname, '../fixtures/perf-report', name), 'utf8'), name);
      // --percent-limit 5: the tree is made of the rows' own chains; every stack ends in the row's
      // function (chains cut by the threshold get it under `[...]`).
      const limited = only(fixture('children-percent-limit-5.txt'));
      const g = limited.callGraph!;
      assert.equal(g.order, 'caller');
      const selfRows = new Map(limited.table.rows.filter((r) => (r.cells[1] as number) > 0).map((r) => [r.cells[5] as string, r.cells[1] as number]));
      const byLeaf = new Map<string, number>();
      for (const [stack, w] of stacksOf(g)) {
        const leaf = stack.slice(stack.lastIndexOf(';') + 1);
        byLeaf.set(leaf, (byLeaf.get(leaf) ?? 0) + w);
      }
      for (const [leaf, w] of byLeaf) {
        // Each leaf is a row's function, weighing at most its Self share (chains under the limit are not printed).
        assert.ok(selfRows.has(leaf), leaf);
        assert.ok((100 * w) / limited.eventCount! <= selfRows.get(leaf)! + 0.01, leaf);
      }
      // Sorted by cpu,comm: no symbol, so own chains cannot be told from the ones below.
      const cpu = fixture('children-sort-cpu-comm.txt');
      assert.equal(only(cpu).callGraph, undefined);
      assert.match(cpu.warnings[0].message, /sorted without symbols/);
      assert.ok(only(cpu).table.rows.every((r) => r.cells[2] === -1));
      // Flat chains under --children: only chains below each row's function were printed.
      const flat = fixture('children-flat-percent-limit-2.txt');
      assert.equal(only(flat).callGraph, undefined);
      assert.match(flat.warnings[0].message, /no call tree/);
    });

    it('an old-style tree without a collapsed root (perf-book --no-children, LBR)', () => {
      const e = only(parse('perf-book/chapters_5-Performance-Analysis-Approaches_5-5_Sampling__block02.perf-report.txt'));
      const s = shares(e);
      assert.equal(s.get('_start;__libc_start_main;main;func1;foo'), 55.52);
      assert.equal(s.get('_start;__libc_start_main;main;func3;foo'), 11.12);
    });
  });

  it('detection: every perf report in the corpora (MANIFEST and 6.1 captures) is one, and nothing else is', () => {
    const reports = new Set(
      readCorpus('MANIFEST.tsv')
        .split('\n')
        .map((l) => l.split('\t'))
        .filter((f) => f[5] === 'perf-report')
        .map((f) => f[0]),
    );
    for (const name of readdirSync(join(CORPORA, 'perf-6.1-captures'))) {
      if (/^(g_|ng_|grp|multi|sys_|u_|big-report)/.test(name)) reports.add(`perf-6.1-captures/${name}`);
    }
    assert.ok(reports.size >= 50);
    const walk = (dir: string, out: string[]): string[] => {
      for (const n of readdirSync(dir)) {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) walk(p, out);
        else out.push(p);
      }
      return out;
    };
    const wrong: string[] = [];
    for (const p of walk(CORPORA, [])) {
      const rel = relative(CORPORA, p);
      let bytes = readFileSync(p);
      if (p.endsWith('.gz')) bytes = gunzipSync(bytes);
      const isReport = detectFormat(bytes.subarray(0, 65536).toString('utf8')).format === 'perf-report';
      if (isReport !== reports.has(rel)) wrong.push(`${rel}: ${isReport ? 'detected' : 'missed'}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('colour codes (--stdio-color always) are dropped; elided columns (# dso: t) are kept as facts', () => {
    const text = readCorpus(CAP + 'ng_default.txt');
    const coloured = text.replace(/(\d+\.\d\d%)/g, '\x1b[31m$1\x1b[m');
    assert.notEqual(coloured, text);
    assert.deepEqual(
      only(parsePerfReport(coloured)).table.rows,
      only(parsePerfReport(text)).table.rows,
    );
    const elided = parsePerfReport(text.replace('#\n#\n# Total Lost', '#\n# dso: t\n#\n# Total Lost'));
    assert.deepEqual(elided.elided, [{ key: 'dso', value: 't' }]);
  });

  describe('bad input', () => {
    it('cut in the middle of a call graph: rows and chains up to the cut', () => {
      const text = readCorpus(CAP + 'g_nochildren.txt');
      const cut = text.slice(0, text.indexOf('--19.64%--mid') + 5);
      const e = only(parsePerfReport(cut));
      assert.equal(e.table.rows.length, 1);
      assert.ok(e.callGraph);
    });

    it('a mangled header and unknown columns: rows still read, located warnings', () => {
      const text = [
        '# Samples: 12 of event',
        '# Overhead  Frobs  Whatever Thing',
        '# ........  .....  ..............',
        '#',
        '    50.00%  aaa    x y z',
        '    50.00%  bbb    q',
        '  garbage here',
      ].join('\n');
      const m = parsePerfReport(text);
      const e = only(m);
      assert.deepEqual(
        e.table.rows.map((r) => r.cells),
        [
          [50, 'aaa', 'x y z'],
          [50, 'bbb', 'q'],
        ],
      );
      assert.ok(m.warnings.some((w) => w.line === 7));
    });

    it('a column header without its dotted rule still names the columns', () => {
      const m = parsePerfReport(['# Overhead       Samples  Command  Shared Object  Symbol', '    41.77%         16637  lua      lua            [.] luaV_execute', '     7.52%          2996  lua      lua            [.] luaH_get'].join('\n'));
      const e = only(m);
      assert.deepEqual(
        e.table.columns.map((c) => c.id),
        ['overhead', 'samples', 'comm', 'dso', 'level', 'symbol'],
      );
      assert.deepEqual(e.table.rows[1].cells, [7.52, 2996, 'lua', 'lua', '.', 'luaH_get']);
      assert.match(m.warnings[0].message, /without its dotted rule/);
    });

    it('long lines that would make a backtracking regex quadratic: read in one pass (the test timeout bounds it)', () => {
      const spaces = ' '.repeat(200000);
      const text = `# Overhead  Command\n# ........  .......\n    1.00%${spaces}x${spaces}\u00e9\n# Samples: 1 of event '${"'".repeat(5000)}${spaces}\n`;
      const m = parsePerfReport(text);
      assert.deepEqual(only(m).table.rows[0].cells[0], 1);
      assert.match(m.warnings.at(-1)!.message, /a # line of \d+ characters/);
    });

    it('a 1 MB line and 100k rows: finish, counted', () => {
      const rows = Array.from({ length: 100000 }, (_, i) => `     0.00%  c        d                     [.] f${i}`);
      const text = `# Overhead  Command  Shared Object         Symbol\n# ........  .......  ....................  ......\n#\n${rows.join('\n')}\n ${'x'.repeat(1 << 20)}\n`;
      const m = parsePerfReport(text);
      assert.equal(only(m).table.rows.length, 100000);
      assert.equal(m.warnings.length, 1);
    });
  });
});
