/** perf script folding, outline and hovers at their edges (survivors of the mutation run). */
import { strict as assert } from 'node:assert';
import { perfScriptFormat } from '../../src/parsers/perf-script';
import type { EditorFeatures, LineReader } from '../../src/parsers/formatDefinition';
import type { FunctionTotals } from '../../src/model/profile';

const TEXT = [
  '# ========',
  '# captured on: Thu Jul  9 17:14:37 2015',
  '# ========',
  '#',
  'perf 100/100 [000] 1.000000: 1 cycles:',
  '\tffffffff8104f45a native_write_msr_safe+0x1a ([kernel.kallsyms])',
  '\tffffffff8102f8bc intel_pmu_enable_all ([kernel.kallsyms])',
  '',
  'java 200/201 [001] 1.000100: 1 cycles:',
  '\t7f00 Ljava/lang/String;::hashCode+0x10 (/tmp/perf-200.map)',
  '',
  'java 200/201 [001] 1.000200: 1 cycles:',
  '\t7f01 Lfoo/Bar;::baz (/tmp/perf-200.map)',
  '',
  'java 200/201 [001] 1.000250: 1 cycles:',
  '\t7f02 memcpy (/usr/lib/libc.so)',
  '',
  'perf 100/100 [000] 1.000300: 1 cycles:',
  '',
].join('\n');
const lines = TEXT.split('\n');
const doc: LineReader = { lineCount: lines.length, lineAt: (i) => lines[i] };
const editor = perfScriptFormat.editor as Required<EditorFeatures>;

describe('perf script editor features', () => {
  it('folds the header and every sample that has frames (not a frameless one)', () => {
    assert.deepEqual(editor.folding(doc), [
      { start: 0, end: 3, kind: 'comment' },
      { start: 4, end: 6 },
      { start: 8, end: 9 },
      { start: 11, end: 12 },
      { start: 14, end: 15 },
    ]);
  });

  it('outlines processes by sample count, largest first, with their share', () => {
    assert.deepEqual(editor.outline(doc).map((o) => [o.name, o.detail, o.start, o.end]), [
      ['java', '3 samples (60.00%)', 8, 15],
      ['perf', '2 samples (40.00%)', 4, 17],
    ]);
  });

  it('hovers a frame: the name as the flame graph tidies it, its share, address, offset, DSO and process', () => {
    const totals: FunctionTotals = { total: 4, unit: 'samples', event: 'cycles', byName: new Map([['native_write_msr_safe', [1, 1] as [number, number]]]) };
    assert.deepEqual(editor.hover(doc, 5, 3, totals), {
      title: 'native_write_msr_safe',
      paragraphs: ["On the stack in 25.00% of 'cycles' samples, leaf in 25.00%.", 'address ffffffff8104f45a (+0x1a into the symbol) in [kernel.kallsyms], process perf'],
    });
    // Java names are tidied in java's samples only (stackcollapse-perf.pl's --tidy-java).
    assert.equal(editor.hover(doc, 9, 3, undefined)?.title, 'java/lang/String:::hashCode');
    assert.deepEqual(editor.hover(doc, 12, 3, undefined)?.paragraphs, ['address 7f01 in /tmp/perf-200.map, process java']);
    assert.equal(editor.hover(doc, 15, 3, undefined)?.title, 'memcpy');
    // Not a frame line: the sample header, a comment, a blank line.
    assert.equal(editor.hover(doc, 4, 3, undefined), undefined);
    assert.equal(editor.hover(doc, 1, 3, undefined), undefined);
    assert.equal(editor.hover(doc, 7, 0, undefined), undefined);
  });

  it('a frame line with no sample header above it has no process', () => {
    const orphan: LineReader = { lineCount: 2, lineAt: (i) => ['', '\t7f01 foo (/usr/lib/libc.so)'][i] };
    assert.deepEqual(editor.hover(orphan, 1, 3, undefined)?.paragraphs, ['address 7f01 in /usr/lib/libc.so']);
  });
});
