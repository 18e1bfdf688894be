/**
 * A perf report in the views: its call graph as a flame graph (checked against the report's own
 * percentages; one event at a time in multi-event reports) and its rows in the Tables view.
 */
import { strict as assert } from 'node:assert';
import type { CallTree } from '../../src/model/callTree';
import { parsePerfReport } from '../../src/parsers/perf-report';
import { perfReportFormat } from '../../src/parsers/perf-report';
import { VIEW_PAYLOADS } from '../../src/worker/viewPayloads';
import { compareTableRuns } from '../../src/analysis/compare/compareTables';
import { reportTables } from '../../src/analysis/reportTables';
import { readCorpus } from '../helpers/corpus';

const CAP = 'perf-6.1-captures/';

/** The first-level frames with their share (%) of `total`. */
function topFrames(tree: CallTree, total: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 1; i < tree.nodeName.length; i++) {
    if (tree.parent[i] === 0) out.set(tree.names[tree.nodeName[i]], Math.round((10000 * tree.columns[0].total[i]) / total) / 100);
  }
  return out;
}

describe('perf report flame graph', () => {
  it('is one of the format\u2019s views', () => {
    assert.ok(perfReportFormat.views.includes('flameGraph'));
  });

  for (const file of ['g_nochildren.txt', 'g_caller.txt', 'g_folded.txt', 'g_children_default.txt']) {
    it(`${file}: the widest frame is start_thread with the rows\u2019 own shares (58.46% + 40.52%)`, () => {
      const model = parsePerfReport(readCorpus(CAP + file), file);
      const payload = VIEW_PAYLOADS.flameGraph(model, file)!;
      assert.equal(payload.view, 'flameGraph');
      assert.equal(payload.meta.format, 'perf-report');
      assert.equal(payload.meta.event, 'cpu-clock:pppH');
      assert.equal(payload.meta.unit, 'period');
      // The chains are printed for leaf_a (58.46%) and leaf_b (40.52%): everything runs under start_thread.
      // The root is the event count, so every frame's share of the flame graph is its share in the report.
      const eventCount = model.events[0].eventCount!;
      assert.equal(Math.round(payload.tree.columns[0].total[0]), eventCount);
      const top = topFrames(payload.tree, eventCount);
      if (model.children) {
        // --children rows overlap: the 1.02% no chain shows is one frame.
        assert.deepEqual([...top.entries()], [['start_thread', 98.98], ["[not in the report's call graphs]", 1.02]]);
        return;
      }
      // Without --children the rows printed without chains (their callers below the threshold) are
      // under `[...]`, each with its row's share: 0.25% + 0.22% + … (rounded rows add up to 100.01%,
      // so they are scaled to the 1.02% the event has left).
      assert.deepEqual([...top.entries()], [['start_thread', 98.98], ['[...]', 1.02]]);
      const hidden = [...Array(payload.tree.nodeName.length).keys()].find((i) => payload.tree.parent[i] === 0 && payload.tree.names[payload.tree.nodeName[i]] === '[...]')!;
      const under = topFrames({ ...payload.tree, parent: payload.tree.parent.map((p) => (p === hidden ? 0 : -1)) }, eventCount);
      const chainless = model.events[0].table.rows.filter((r) => !['leaf_a', 'leaf_b'].includes(String(r.cells.at(-1))));
      assert.deepEqual([...under.keys()].sort(), chainless.map((r) => String(r.cells.at(-1))).sort(), 'one frame per row without chains');
      assert.ok(Math.abs(under.get('irqentry_exit_to_user_mode')! - 0.25) <= 0.01, 'the first of them with its row’s share');
    });
  }

  // Without --children every sample is in one row: the tree must hold what the rows print (within
  // the rounding of their chains), whatever the call-graph mode, order, value kind or threshold.
  for (const file of [
    'perf-6.1-captures/g_nochildren.txt',
    'perf-6.1-captures/g_caller.txt',
    'perf-6.1-captures/g_flat.txt',
    'perf-6.1-captures/g_folded.txt',
    'perf-6.1-captures/g_fractal.txt',
    'perf-6.1-captures/g_period.txt',
    'perf-6.1-captures/g_address.txt',
    'perf-6.1-captures/g_plimit5.txt',
    'perf-6.1-captures/sys_nochildren.txt',
    'perf-6.1-captures/big-report-nochildren.txt',
    'perf-6.1-captures/u_fractal_rem.txt',
    'perf-report/tidesdb-tidesdb/perf_report.txt',
  ]) {
    it(`${file}: the tree holds the rows' share of the event`, () => {
      const model = parsePerfReport(readCorpus(file), file);
      assert.equal(model.children, false);
      const e = model.events.find((x) => x.callGraph)!;
      const share = e.table.columns.findIndex((c) => c.kind === 'number' && c.unit === 'percent');
      const rows = e.table.rows.reduce((sum, r) => sum + (r.cells[share] as number), 0);
      const tree = (100 * e.callGraph!.tree.columns[0].total[0]) / e.eventCount!;
      // Rounded rows may add up to a little over 100%: the tree then stops at the event.
      assert.ok(Math.abs(tree - Math.min(100, rows)) < 0.05, `tree ${tree.toFixed(3)}% vs rows ${rows.toFixed(2)}%`);
    });
  }

  it('a report without call graphs has no flame graph payload', () => {
    const model = parsePerfReport(readCorpus(CAP + 'ng_default.txt'));
    assert.equal(VIEW_PAYLOADS.flameGraph(model, 'x'), undefined);
  });

  it('several events: lists them, shows the chosen one (the parser\u2019s event option)', () => {
    // Two sections of one report, the second renamed, with chains of different shares.
    const one = readCorpus(CAP + 'g_nochildren.txt');
    const body = one.slice(one.indexOf('# Samples:'), one.indexOf('\n#\n# (Tip'));
    const second = body.replace("event 'cpu-clock:pppH'", "event 'task-clock'").replace('--38.82%--', '--30.00%--');
    const text = `${body}\n\n${second}\n`;
    const first = VIEW_PAYLOADS.flameGraph(parsePerfReport(text), 'x')!;
    assert.deepEqual(first.meta.events, ['cpu-clock:pppH', 'task-clock']);
    assert.equal(first.meta.event, 'cpu-clock:pppH');
    const chosen = VIEW_PAYLOADS.flameGraph(parsePerfReport(text, 'x', { maxRows: 0, event: 'task-clock' }), 'x')!;
    assert.equal(chosen.meta.event, 'task-clock');
    const total = 1277750000;
    // leaf_a's chains now weigh 30.00% + 19.64% of the event.
    assert.equal(topFrames(chosen.tree, total).get('start_thread'), Math.round((30 + 19.64 + 40.52) * 100) / 100);
  });

  it('tables: each event\u2019s rows (with their lines, bars in the percentage columns), then its call-graph functions', () => {
    const model = parsePerfReport(readCorpus(CAP + 'g_children_default.txt'));
    assert.ok(perfReportFormat.views.includes('tables'));
    const payload = VIEW_PAYLOADS.tables(model, 'x')!;
    assert.deepEqual(
      payload.tables.map((t) => [t.title, t.group]),
      [
        ['rows (cpu-clock:pppH)', 'cpu-clock:pppH'],
        ['call-graph functions (cpu-clock:pppH)', 'cpu-clock:pppH'],
      ],
    );
    const [rows, functions] = payload.tables;
    assert.deepEqual(rows.bars, ['children', 'self']);
    assert.equal(rows.sortBy, 'children');
    assert.deepEqual(rows.rows[0], { line: 12, cells: [99.92, 0, 't', 'libc.so.6', '.', 'start_thread'] });
    const share = (name: string, id: string): number => {
      const r = functions.rows.find((r) => r.cells[0] === name)!;
      return r.cells[functions.columns.findIndex((c) => c.id === id)] as number;
    };
    // Shares of the event count, as the report's own: every chain runs through start_thread
    // (98.98%, the rows with chains), leaf_a's own samples are its row's 58.46%.
    assert.ok(Math.abs(share('start_thread', 'totalShare') - 98.98) < 0.005);
    assert.ok(Math.abs(share('leaf_a', 'selfShare') - 58.46) < 0.005);
  });

  it('two reports compare row by row (comm, DSO, symbol) in the comparison of table reports', () => {
    const runs = ['g_nochildren.txt', 'sys_nochildren.txt'].map((f) => {
      const m = parsePerfReport(readCorpus(CAP + f), f);
      return { label: f, tables: reportTables(m), facts: m.facts };
    });
    const c = compareTableRuns(runs);
    assert.deepEqual(c.unmatched, []);
    const rows = c.tables[0];
    const leafB = rows.rows.find((r) => r.cells[2] === 'leaf_b')!;
    // leaf_b: 40.52% in the first report, 39.52% in the second (their own rows).
    const cell = (id: string) => leafB.cells[rows.columns.findIndex((col) => col.id === id)];
    assert.deepEqual([cell('overhead@0'), cell('overhead@1'), cell('overhead@1:delta')], [40.52, 39.52, -1]);
  });
});
