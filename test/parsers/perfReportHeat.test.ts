import { strict as assert } from 'node:assert';
import { heatLevel, overheadSpans } from '../../src/parsers/perf-report/heat';
import { readCorpus } from '../helpers/corpus';

describe('perf report heat spans', () => {
  it('the first percentage of each row, never # lines or call-graph lines', () => {
    const lines = readCorpus('perf-6.1-captures/g_children_default.txt').split('\n');
    const spans = overheadSpans({ lineCount: lines.length, lineAt: (i) => lines[i] });
    const rows = lines.filter((l) => /^\s+\d+\.\d\d%\s+\d+\.\d\d%\s/.test(l)).length;
    assert.equal(spans.length, rows);
    const first = spans[0];
    assert.equal(lines[first.line].slice(first.start, first.end), '99.92%');
    assert.equal(first.percent, 99.92);
    // Branch values inside call graphs (`--99.39%--worker`) are not rows.
    assert.ok(spans.every((s) => !lines[s.line].includes('--')));
  });

  it('levels grow with the share and stay in range', () => {
    assert.equal(heatLevel(0, 8), 0);
    assert.equal(heatLevel(100, 8), 7);
    assert.equal(heatLevel(250, 8), 7);
    assert.ok(heatLevel(1, 8) < heatLevel(30, 8));
  });
});
