/** Boundaries of the unit formatters, the header-fact reader and the hover share wording. */
import { strict as assert } from 'node:assert';
import { formatDuration, formatValue } from '../../src/model/units';
import { readHeaderFact } from '../../src/parsers/shared/headerFacts';
import { percent, shareOfTotals } from '../../src/parsers/shared/share';
import type { HeaderFacts } from '../../src/model/report';

describe('unit formatters at their boundaries', () => {
  it('durations change scale exactly at 1 µs, 1 ms, 1 s, and drop decimals from 100 s', () => {
    assert.equal(formatDuration(999), '999 ns');
    assert.equal(formatDuration(1000), '1.00 µs');
    assert.equal(formatDuration(999_999), '1000.00 µs');
    assert.equal(formatDuration(1e6), '1.00 ms');
    assert.equal(formatDuration(1e9), '1.00 s');
    assert.equal(formatDuration(99.5e9), '99.50 s');
    assert.equal(formatDuration(1e11), '100 s');
    assert.equal(formatDuration(-2e6), '-2.00 ms');
  });

  it('bytes scale by 1024 up to TiB; ratio, period and events print their way', () => {
    assert.equal(formatValue(1023, 'bytes'), '1,023 B');
    assert.equal(formatValue(1024, 'bytes'), '1.0 KiB');
    assert.equal(formatValue(1024 ** 2 * 1.5, 'bytes'), '1.5 MiB');
    assert.equal(formatValue(1024 ** 3, 'bytes'), '1.0 GiB');
    assert.equal(formatValue(1024 ** 4, 'bytes'), '1.0 TiB');
    assert.equal(formatValue(1024 ** 5, 'bytes'), '1024.0 TiB');
    assert.equal(formatValue(0.12345, 'ratio'), '0.123');
    assert.equal(formatValue(1234, 'period'), '1,234 (period)');
    assert.equal(formatValue(1234, 'events'), '1,234 events');
    assert.equal(formatValue(2.5, 'percent'), '2.50%');
    assert.equal(formatValue(1500, 'us'), '1.50 ms');
  });
});

describe('perf --header facts', () => {
  it('keeps the facts it knows and says false for the rest', () => {
    const f: HeaderFacts = {};
    assert.equal(readHeaderFact('# hostname : box', f), true);
    assert.equal(readHeaderFact('# captured on: Thu Jul  9 17:14:37 2015', f), true);
    assert.equal(readHeaderFact('# nrcpus online : 4', f), true);
    assert.equal(readHeaderFact('# nrcpus online : four', f), false);
    assert.equal(readHeaderFact('# event : name = cycles , , type = 0', f), true);
    assert.equal(readHeaderFact('# event : type = 0', f), false);
    assert.equal(readHeaderFact('# total memory : 4005800 kB', f), false);
    assert.equal(readHeaderFact('no hash here', f), false);
    assert.deepEqual(f, { hostname: 'box', date: 'Thu Jul  9 17:14:37 2015', cpus: 4, events: ['cycles'] });
  });

  it('ignores lines over 4096 characters, and reads one of exactly 4096', () => {
    const at = (n: number) => `# cmdline : ${'x'.repeat(n - '# cmdline : '.length)}`;
    const over: HeaderFacts = {};
    assert.equal(readHeaderFact(at(4097), over), false);
    assert.deepEqual(over, {});
    const exact: HeaderFacts = {};
    assert.equal(readHeaderFact(at(4096), exact), true);
    assert.equal(exact.cmdline?.length, 4096 - '# cmdline : '.length);
  });
});

describe('hover share wording', () => {
  it('percent of a whole, 0% of nothing', () => {
    assert.equal(percent(1, 3), '33.33%');
    assert.equal(percent(1, 0), '0%');
  });

  it('names the event and whether weights are samples or period; nothing without totals', () => {
    const byName = new Map<string, [number, number]>([['f', [50, 10]]]);
    assert.equal(shareOfTotals({ total: 200, unit: 'samples', event: 'cycles', byName }, 'f'), "On the stack in 25.00% of 'cycles' samples, leaf in 5.00%.");
    assert.equal(shareOfTotals({ total: 200, unit: 'period', event: 'cpu-clock', byName }, 'f'), "On the stack in 25.00% of the 'cpu-clock' period, leaf in 5.00%.");
    assert.equal(shareOfTotals({ total: 200, unit: 'samples', byName }, 'f'), 'On the stack in 25.00% of samples, leaf in 5.00%.');
    assert.equal(shareOfTotals({ total: 0, unit: 'samples', byName }, 'f'), undefined);
    assert.equal(shareOfTotals({ total: 200, unit: 'samples', byName }, 'g'), undefined);
    assert.equal(shareOfTotals(undefined, 'f'), undefined);
  });
});
