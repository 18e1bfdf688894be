import { strict as assert } from 'node:assert';
import { asciiFields, cutBoundsBySpans, cutBySpans, decimalIn, fieldBounds, fields, isRuleLine, labelIds, parseDecimal, parseLocaleNumber, parseNumber, ruleSpans, words } from '../../src/parsers/shared/columns';

describe('shared column helpers', () => {
  it('finds column widths from perf report dots and strace dashes', () => {
    assert.deepEqual(ruleSpans('# ........  .......  ....'), [
      { start: 2, end: 10 },
      { start: 12, end: 19 },
      { start: 21, end: 25 },
    ]);
    assert.deepEqual(ruleSpans('------ ----------- ---'), [
      { start: 0, end: 6 },
      { start: 7, end: 18 },
      { start: 19, end: 22 },
    ]);
    assert.equal(isRuleLine('# ........  .......'), true);
    assert.equal(isRuleLine('------ -----------'), true);
    assert.equal(isRuleLine('# Overhead  Command'), false);
    assert.equal(isRuleLine('# --'), false);
  });

  it('cuts cells by spans, the last taking the rest and an overflowing cell recovered', () => {
    const spans = ruleSpans('  .....  .....  ....');
    assert.deepEqual(cutBySpans('   1.00    123  foo bar (baz)', spans), ['1.00', '123', 'foo bar (baz)']);
    assert.deepEqual(cutBySpans('   1.00  1234567890  foo', spans), ['1.00', '1234567890', 'foo']);
  });

  it('gives fields with their offsets', () => {
    assert.deepEqual(fields('  ab  c'), [
      { text: 'ab', start: 2 },
      { text: 'c', start: 6 },
    ]);
  });

  it('reads numbers as the tools print them, and nothing else', () => {
    assert.equal(parseNumber('1,234,567'), 1234567);
    assert.equal(parseNumber(' 12.50% '), 12.5);
    assert.equal(parseNumber('4.326659e+12'), 4.326659e12);
    assert.equal(parseNumber('-5.2e-01'), -0.52);
    assert.equal(parseNumber('+3.1'), 3.1);
    assert.equal(parseNumber('.5'), 0.5);
    assert.equal(parseNumber('1,23'), undefined);
    assert.equal(parseNumber('12a'), undefined);
    assert.equal(parseNumber(''), undefined);
    assert.equal(parseNumber('1e999'), undefined);
    assert.equal(parseNumber('<not counted>'), undefined);
  });

  it('parseDecimal reads like parseNumber, plain decimals without regular expressions', () => {
    const inputs = ['0', '12', '-3', '0.026', '1000.427', '1125.381151', '12.5%', '1,234,567', '4.3e+12', '+5', '.5', '5.', '-', '', ' 7 ', 'x1', '1x', '1.2.3', '0x1f', '1234567890123456789', 'nan', '-0.5'];
    for (const t of inputs) assert.equal(parseDecimal(t), parseNumber(t), JSON.stringify(t));
  });

  it('splits words at spaces and tabs; maps header labels to ids', () => {
    assert.deepEqual(words('\t\t ENOENT: 1  x\t'), ['ENOENT:', '1', 'x']);
    assert.deepEqual(words('   '), []);
    assert.deepEqual(labelIds(['Calls', 'seconds', 'odd'], { calls: 'calls', seconds: 'total' }), ['calls', 'total', undefined]);
    assert.deepEqual(labelIds(['constructor'], { calls: 'calls' }), [undefined]);
  });

  it('in-place cells and numbers read the same as cutBySpans, fields and parseDecimal', () => {
    const spans = ruleSpans('------ ----------- ----------- --------- --------- ----------------');
    const lines = [
      ' 62.88    0.012184          21       569           read',
      ' 99.99 12345.678901        1247   9895754   3531478 futex',
      '100.00 12346.578901              10019210   3531485 total',
      '  1.12    0.000217',
      '',
      'x',
      '   \t  7  ',
    ];
    for (const line of lines) {
      const b = cutBoundsBySpans(line, spans, new Int32Array(2));
      assert.deepEqual(spans.map((_, i) => line.slice(b[2 * i], b[2 * i + 1])), cutBySpans(line, spans), JSON.stringify(line));
      const { bounds, count } = fieldBounds(line, new Int32Array(2));
      assert.deepEqual(Array.from({ length: count }, (_, i) => line.slice(bounds[2 * i], bounds[2 * i + 1])), words(line), JSON.stringify(line));
    }
    for (const t of ['0', '12', '-3', '0.026', '1000.427', '1125.381151', '0.23', '86.43', '12345.678901', '1,234', '5.', 'x', '1234567890123456', '9007199254740993']) {
      const line = `  ${t}  `;
      assert.equal(decimalIn(line, 2, 2 + t.length), parseDecimal(t), t);
    }
  });
});

describe('numbers as perf stat prints them under a locale', () => {
  it('reads grouped counter values in en_US, de_DE, fr_FR and de_CH', () => {
    assert.equal(parseLocaleNumber('1,234,567', true), 1234567);
    assert.equal(parseLocaleNumber('60,243.87', true), 60243.87);
    assert.equal(parseLocaleNumber('1.234.567', true), 1234567);
    assert.equal(parseLocaleNumber('1.234.567,89', true), 1234567.89);
    assert.equal(parseLocaleNumber('1\u202f234\u202f567,89', true), 1234567.89);
    assert.equal(parseLocaleNumber('1\u00a0234', true), 1234);
    assert.equal(parseLocaleNumber("1'234'567.5", true), 1234567.5);
    // One separator and 3 digits groups (perf never prints counts with 3 decimals) …
    assert.equal(parseLocaleNumber('1.234', true), 1234);
    assert.equal(parseLocaleNumber('1,234', true), 1234);
    // … any other count of digits after it is a decimal mark.
    assert.equal(parseLocaleNumber('1168,42', true), 1168.42);
    assert.equal(parseLocaleNumber('1222.010000', true), 1222.01);
    assert.equal(parseLocaleNumber('2142223', true), 2142223);
    assert.equal(parseLocaleNumber('12,34,567', true), 1234567, 'en_IN groups');
  });

  it('reads ungrouped metrics, noise and seconds with either decimal mark', () => {
    assert.equal(parseLocaleNumber('0,75', false), 0.75);
    assert.equal(parseLocaleNumber('1.948', false), 1.948);
    assert.equal(parseLocaleNumber('0,001497400', false), 0.0014974);
    assert.equal(parseLocaleNumber('83,33%', false), 83.33);
    assert.equal(parseLocaleNumber('-0.5', false), -0.5);
  });

  it('refuses what is no number', () => {
    for (const t of ['', ',', '1,2,3', '1,23,4567', '1.234,5.6', 'abc', '1e5', '<not counted>', '1,234.5,6']) {
      assert.equal(parseLocaleNumber(t, true), undefined, t);
    }
    assert.equal(parseLocaleNumber('1,234.5', false), undefined, 'metrics are never grouped');
  });

  it('splits fields on ASCII blanks only (a narrow no-break space stays inside its number)', () => {
    assert.deepEqual(
      asciiFields(' 1\u202f234\tcycles  #'),
      [
        { text: '1\u202f234', start: 1 },
        { text: 'cycles', start: 7 },
        { text: '#', start: 15 },
      ],
    );
  });
});
