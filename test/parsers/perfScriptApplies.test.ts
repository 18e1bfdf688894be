/** perf script detection at its edges (survivors of the mutation run). */
import { strict as assert } from 'node:assert';
import { isScriptFrame, isScriptHeader, perfScriptApplies } from '../../src/parsers/perf-script/applies';
import { formatHead } from '../../src/parsers/formatDefinition';

const applies = (text: string) => perfScriptApplies(formatHead(text));

describe('perf script detection', () => {
  it('frame lines: indented (space or tab), hex address, symbol, (dso)', () => {
    assert.equal(isScriptFrame('\tffffffff8103ce3b native_safe_halt ([kernel.kallsyms])'), true);
    assert.equal(isScriptFrame('    7f01 foo (/usr/lib/libc.so)   '), true);
    assert.equal(isScriptFrame('ffffffff8103ce3b native_safe_halt ([kernel.kallsyms])'), false, 'not indented');
    assert.equal(isScriptFrame('\tzzzz native_safe_halt ([kernel.kallsyms])'), false, 'no hex address');
    assert.equal(isScriptFrame('\tffff native_safe_halt [kernel.kallsyms]'), false, 'no (dso)');
    assert.equal(isScriptFrame('\tffff'), false);
  });

  it('header lines: comm pid[/tid] [cpu] time: period event:, not comments, frames or over-long lines', () => {
    assert.equal(isScriptHeader('perf 100/100 [000] 1.000000: 1 cycles:'), true);
    assert.equal(isScriptHeader('swapper     0 [001] 12.5: cpu-clock: '), true);
    assert.equal(isScriptHeader('# perf 100/100 [000] 1.000000: 1 cycles:'), false);
    assert.equal(isScriptHeader(''), false);
    assert.equal(isScriptHeader('\tffffffff8103ce3b native_safe_halt ([kernel.kallsyms])'), false);
    assert.equal(isScriptHeader(`${'x'.repeat(2040)} 1 [000] 1.0: cycles:`), false, 'over 2048 characters');
    assert.equal(isScriptHeader(`${'x'.repeat(2020)} 1 [000] 1.0: cycles:`), true, 'up to 2048 characters');
    assert.equal(isScriptHeader('hello world'), false);
  });

  it('yes with sample headers (frames counted too), no without, no when folded lines outnumber them', () => {
    assert.deepEqual(applies('# c\n\nperf 1/1 [000] 1.0: 1 cycles:\n\tffff f (/x)\n\tfffe g (/x)\n'), { verdict: 'yes', reason: 'perf script sample lines', score: 3 });
    assert.deepEqual(applies('\tffff f (/x)\n'), { verdict: 'no', reason: 'no perf script sample header' });
    assert.deepEqual(applies('perf 1/1 [000] 1.0: 1 cycles:\na;b 1\nc;d 2\n'), { verdict: 'no', reason: 'more folded stack lines than perf script lines' });
    assert.equal(applies('perf 1/1 [000] 1.0: 1 cycles:\n\tffff f (/x)\na;b 1\nc;d 2\n').verdict, 'yes', 'as many script lines as folded ones');
  });
});
