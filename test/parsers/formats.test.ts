/** The registry lookups every part of PerfLens asks (CLI, worker, panels, language features). */
import { strict as assert } from 'node:assert';
import { describeFormats, formatById, formatByLanguage, formatIds, formatsWithView, isFormatId, readableFormats } from '../../src/parsers/formats';
import { FORMATS } from '../../src/parsers/registry';

describe('format lookups', () => {
  it('finds a format by id and by language id, and nothing for unknown ones', () => {
    assert.equal(formatById('perf-report')?.displayName, 'perf report output');
    assert.equal(formatById('strace-summary')?.languageId, 'strace-summary');
    assert.equal(formatById('nope'), undefined);
    assert.equal(formatByLanguage('perf-script')?.id, 'perf-script');
    assert.equal(formatByLanguage('plaintext'), undefined);
    assert.equal(isFormatId('folded'), true);
    assert.equal(isFormatId('Folded'), false);
  });

  it('lists every id once, in registry order, and the readable formats', () => {
    assert.deepEqual(formatIds(), FORMATS.map((f) => f.id));
    assert.equal(new Set(formatIds()).size, formatIds().length);
    assert.deepEqual(readableFormats().map((f) => f.id).sort(), formatIds().filter((id) => formatById(id)?.parser).sort());
    assert.ok(readableFormats().length >= 9, 'every format has a parser now');
  });

  it('says which formats feed a view', () => {
    const flame = formatsWithView('flameGraph').map((f) => f.id);
    assert.deepEqual(flame.sort(), ['folded', 'perf-report', 'perf-script']);
    assert.ok(formatsWithView('tables').some((f) => f.id === 'strace-summary'));
    assert.ok(!formatsWithView('syscallCosts').some((f) => f.id === 'perf-script'));
  });

  it('describes formats for messages: one, two, several, none', () => {
    const [a, b, c] = [formatById('perf-script')!, formatById('folded')!, formatById('perf-report')!];
    assert.equal(describeFormats([]), 'nothing');
    assert.equal(describeFormats([a]), 'perf script output');
    assert.equal(describeFormats([a, b]), 'perf script output or folded stacks');
    assert.equal(describeFormats([a, b, c]), 'perf script output, folded stacks or perf report output');
  });
});
