/** Folding, outline and hovers of perf report documents, checked against the files' own lines. */
import { strict as assert } from 'node:assert';
import type { LineReader } from '../../src/parsers/formatDefinition';
import { parsePerfReport, perfReportFormat } from '../../src/parsers/perf-report';
import { readCorpus } from '../helpers/corpus';

const CAP = 'perf-6.1-captures/';
const editor = perfReportFormat.editor!;

function doc(text: string): LineReader & { lines: string[] } {
  const lines = text.split('\n');
  return { lines, lineCount: lines.length, lineAt: (i) => lines[i] };
}

function setup(rel: string) {
  const text = readCorpus(rel);
  const d = doc(text);
  const index = editor.hoverIndex!(parsePerfReport(text, rel));
  // Structured clone is what carries the index from the worker: it must survive it.
  return { d, index: structuredClone(index) };
}

describe('perf report editor features', () => {
  it('folding: the header, each event, and each call-graph block from its row to its last chain line', () => {
    const { d } = setup(CAP + 'g_nochildren.txt');
    const ranges = editor.folding!(d);
    assert.deepEqual(ranges[0], { start: 0, end: 4, kind: 'comment' });
    assert.ok(d.lines[5].startsWith('# Samples:'));
    const rowLine = d.lines.findIndex((l) => l.includes('[.] leaf_a'));
    const leafB = d.lines.findIndex((l) => l.includes('[.] leaf_b'));
    // leaf_a's tree ends with the line before the blank line that precedes leaf_b's row.
    assert.ok(ranges.some((r) => r.start === rowLine && r.end === leafB - 2), JSON.stringify(ranges));
    assert.equal(d.lines[leafB - 1], '');
    assert.ok(ranges.some((r) => r.start === d.lines.findIndex((l) => l.startsWith('# Samples:'))));
  });

  it('outline: events, then their top rows', () => {
    const { d } = setup(CAP + 'multi.txt');
    const items = editor.outline!(d);
    const events = items.filter((i) => i.detail === '5K samples');
    assert.deepEqual(
      events.map((e) => e.name),
      ['cpu-clock', 'task-clock'],
    );
    const first = items[items.indexOf(events[0]) + 1];
    assert.equal(first.name, 'leaf_a');
    assert.equal(first.detail, '59.79%');
    assert.ok(events[0].end < events[1].start);
  });

  it('hover on a row: shares, samples and period, rank, DSO, callers and callees from the call graph', () => {
    const { d, index } = setup(CAP + 'g_children_default.txt');
    const line = d.lines.findIndex((l) => l.includes('[.] top'));
    const h = editor.hover!(d, line, 60, undefined, index)!;
    assert.equal(h.title, 'top');
    // The link opens the flame graph searching for it (top is in the call graph).
    assert.equal(h.flameGraphSearch, 'top');
    const text = h.paragraphs.join('\n');
    assert.match(text, /Children 99\.37%, self 0\.00% of 'cpu-clock:pppH'/);
    assert.match(text, /Rank 3 of 38 rows/);
    assert.match(text, /shared object t, command t/);
    // In the self chains, top is called by worker only and calls the long name and mid.
    assert.match(text, /Called from \(share of the event\): worker \(98\.98%\)/);
    assert.match(text, /Calls: a_very_long_function_name_that_goes_on_and_on_and_on_to_test_column_widths_in_perf_report \(59\.\d\d%\), mid \(39\.\d\d%\)/);
  });

  it('hover on a call-graph line: the frame, its branch value, the row it belongs to', () => {
    const { d, index } = setup(CAP + 'g_nochildren.txt');
    const line = d.lines.findIndex((l) => l.includes('--19.64%--mid'));
    const h = editor.hover!(d, line, 30, undefined, index)!;
    assert.equal(h.title, 'mid');
    assert.equal(h.flameGraphSearch, 'mid');
    assert.equal(d.lines[line].slice(h.span!.start, h.span!.end), 'mid');
    assert.match(h.paragraphs.join('\n'), /19\.64% on this branch/);
    assert.match(h.paragraphs.join('\n'), /call graph of leaf_a \(line 12\)/);
  });

  it('no hover on # lines and blank lines', () => {
    const { d, index } = setup(CAP + 'g_nochildren.txt');
    assert.equal(editor.hover!(d, 0, 0, undefined, index), undefined);
    assert.equal(editor.hover!(d, d.lines.indexOf(''), 0, undefined, index), undefined);
  });
});
