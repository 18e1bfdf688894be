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
      const top = topFrames(payload.tree, model.events[0].eventCount!);
      assert.deepEqual([...top.entries()], [['start_thread', 98.98]]);
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
    // Every chain runs through start_thread; leaf_a's own samples are 58.46% of the 98.98% shown.
    assert.equal(share('start_thread', 'totalShare'), 100);
    assert.ok(Math.abs(share('leaf_a', 'selfShare') - (100 * 58.46) / 98.98) < 0.01);
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
