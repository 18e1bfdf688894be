/** Bugs found by the tests-that-can-fail review, each pinned. */
import { strict as assert } from 'node:assert';
import { parsePerfScript, PerfScriptCollapser, perfScriptFormat } from '../../src/parsers/perf-script';
import { LineSplitter } from '../../src/parsers/shared/lineSplitter';
import { mergeRanges } from '../../src/io/parallelParse';
import type { FormatDefinition, RangeResult } from '../../src/parsers/formatDefinition';
import { WARNING_LIMIT } from '../../src/model/diagnostics';

describe('review fixes', () => {
  it("a filtered-out event's period does not make the kept samples' weight a period", () => {
    const text = ['a 1 1.000000: cycles:', '\t1 f (x)', '', 'a 1 2.000000: 5 page-faults:', '\t2 g (x)', '', 'a 1 3.000000: cycles:', '\t1 f (x)', ''].join('\n');
    const p = parsePerfScript(text);
    assert.equal(p.event, 'cycles');
    assert.equal(p.weight, 'samples');
    assert.equal(p.samples, 2);
    const faults = parsePerfScript(text, { event: 'page-faults' });
    assert.deepEqual([faults.weight, faults.tree.columns[0].total[0]], ['period', 5]);
  });

  it('the line-length limit holds for a line inside one chunk too', () => {
    const lines: string[] = [];
    const long: Array<[number, number]> = [];
    const s = new LineSplitter({ line: (l) => lines.push(l), longLine: (n, len) => long.push([n, len]) }, 16);
    s.push('short\n' + 'x'.repeat(40) + '\nok\r\n' + 'y'.repeat(17) + '\n');
    s.end();
    assert.deepEqual(lines, ['short', 'ok']);
    assert.deepEqual(long, [
      [2, 40],
      [4, 17],
    ]);
  });

  it('merged parallel ranges keep at most as many warnings as one parser, counting the rest', () => {
    const range = (garbage: number): RangeResult => {
      const c = new PerfScriptCollapser({ dropTruncatedSample: true });
      c.push('a 1 1.000000: cycles:\n' + '\tjunk line here\n'.repeat(garbage) + '\t1 f (x)\n\n');
      c.end();
      const { data } = perfScriptFormat.parallel!.exportRange(c);
      return { data, lines: c.lineCount, records: c.records, warnings: c.warnings.items, droppedWarnings: c.warnings.dropped, firstUnrecognized: c.firstUnrecognized, invalidUtf8Line: 0 };
    };
    const ranges = [range(150), range(150), range(150)];
    assert.equal(ranges[0].warnings.length, 150);
    const { model } = mergeRanges(perfScriptFormat as FormatDefinition, ranges, 'x', { defaultEvent: 'cycles' });
    assert.equal(model.warnings.length, WARNING_LIMIT);
    assert.equal(model.droppedWarnings, 450 - WARNING_LIMIT);
    // In file order, with file line numbers: the first range's 150, then the second's.
    assert.equal(model.warnings[0].line, 2);
    assert.equal(model.warnings[150].line, ranges[0].lines + 2);
  });
});
