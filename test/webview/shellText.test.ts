import * as assert from 'node:assert/strict';
import { buildCallTree } from '../../src/analysis/callTree';
import type { FlameGraphMeta } from '../../src/protocol';
import { errorParts, recordingFacts } from '../../webview/shared/facts';
import { formatCount, percentOf } from '../../webview/shared/format';
import { flameGraphHeader } from '../../webview/flamegraph/headerInfo';
import { findPrefix, indexTree } from '../../webview/flamegraph/treeIndex';

const text = (f: { label: string; value: string; suffix?: string }): string => `${f.label ? `${f.label} ` : ''}${f.value}${f.suffix ?? ''}`;

describe('panel shell text', () => {
  it('lists only the recording facts the header states, in reading order', () => {
    assert.deepEqual(recordingFacts({}).map(text), []);
    assert.deepEqual(recordingFacts(undefined), []);
    assert.deepEqual(
      recordingFacts({
        date: 'Thu Jul  9 17:14:37 2015',
        cmdline: '/usr/bin/perf record -F 99 -a -g -- sleep 10',
        cpus: 4,
        cpu: 'Intel(R) Core(TM) i5-2400 CPU @ 3.10GHz',
        arch: 'x86_64',
        kernel: '3.13.0-44-generic',
        perfVersion: '3.13.11',
        hostname: 'lgud',
        events: ['cycles'],
      }).map(text),
      [
        'host lgud',
        'kernel 3.13.0-44-generic x86_64',
        'perf 3.13.11',
        'CPU Intel(R) Core(TM) i5-2400 CPU @ 3.10GHz × 4',
        'cmdline /usr/bin/perf record -F 99 -a -g -- sleep 10',
        'recorded Thu Jul 9 17:14:37 2015',
      ],
    );
    assert.deepEqual(recordingFacts({ cpus: 1, arch: 'aarch64', hostname: '  ' }).map(text), ['arch aarch64', '1 CPU']);
    assert.deepEqual(recordingFacts({ cpus: 1234 }).map(text), ['1,234 CPUs']);
  });

  it('shows file:line of a located error once', () => {
    assert.deepEqual(errorParts('t', 'plain failure'), { title: 't', message: 'plain failure' });
    assert.deepEqual(errorParts('t', 'report.perf:12: expected a sample header', { file: 'report.perf', line: 12 }), {
      title: 't',
      location: 'report.perf:12',
      message: 'expected a sample header',
    });
    assert.deepEqual(errorParts('t', 'no samples before the end', { file: 'a b.txt', line: 3 }), {
      title: 't',
      location: 'a b.txt:3',
      message: 'no samples before the end',
    });
    assert.deepEqual(errorParts('t', 'x', { file: 'f', line: 0 }), { title: 't', message: 'x' }, 'no line, no location');
  });

  it('formats counts and shares', () => {
    assert.equal(formatCount(1234567), '1,234,567');
    assert.equal(percentOf(1, 4), 25);
    assert.equal(percentOf(1, 0), 0);
  });
});

describe('flame graph header', () => {
  const meta = (over: Partial<FlameGraphMeta>): FlameGraphMeta => ({
    title: 'x.perf',
    format: 'perf-script',
    events: ['cycles'],
    event: 'cycles',
    samples: 1315,
    unit: 'samples',
    facts: { hostname: 'h' },
    warnings: [{ line: 2, message: 'bad' }],
    droppedWarnings: 1,
    ...over,
  });

  it('says the event and the samples; the total only when it adds something', () => {
    const h = flameGraphHeader(meta({}), 1315);
    assert.equal(h.title, 'x.perf');
    assert.deepEqual(h.facts.map(text), ['event cycles', '1,315 samples']);
    assert.deepEqual(h.recording, { hostname: 'h' });
    assert.equal(h.droppedWarnings, 1);
    assert.deepEqual(flameGraphHeader(meta({ unit: 'period' }), 2_500_000).facts.map(text), ['event cycles', '1,315 samples', 'total period 2,500,000']);
    assert.deepEqual(flameGraphHeader(meta({ format: 'folded', event: undefined, unit: 'count', samples: 3 }), 42).facts.map(text), ['3 stack lines', 'total 42']);
  });
});

describe('findPrefix', () => {
  it('follows a frame path as far as the tree has it', () => {
    const index = indexTree(buildCallTree([['a;b;c', 2], ['a;d', 1]]));
    assert.deepEqual(findPrefix(index, ['a', 'b', 'c']).matched, 3);
    const partial = findPrefix(index, ['a', 'x', 'c']);
    assert.equal(partial.matched, 1);
    assert.equal(index.tree.names[index.tree.nodeName[partial.node]], 'a');
    assert.deepEqual(findPrefix(index, []), { node: 0, matched: 0 });
  });
});
