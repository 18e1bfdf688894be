/**
 * Golden conformance: our collapse must be byte-identical (after sorting) to the stored results of
 * FlameGraph's test suite (13 inputs x 6 flags) and inferno's own perf cases.
 */
import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { readdirSync } from 'node:fs';
import { parsePerfScript, PERL_COMPAT, type CollapseOptions } from '../../src/parsers/perf-script';
import { toFoldedText } from '../../src/analysis/folded';
import { corpusFile, readCorpus, sortedLines } from '../helpers/corpus';

const FLAGS = ['pid', 'tid', 'kernel', 'jit', 'all', 'addrs'] as const;
type Flag = (typeof FLAGS)[number];

function optionsFor(flag: Flag | 'default'): Partial<CollapseOptions> {
  if (flag === 'default') return {};
  if (flag === 'all') return { kernel: true, jit: true };
  return { [flag]: true };
}

/**
 * FlameGraph's stored java --pid/--tid results were recorded with an older stackcollapse-perf.pl:
 * they keep Java's `L` class prefix tidy that the current perl (and inferno) only apply when the
 * root frame is exactly `java`. FlameGraph's own test.sh fails on these 8, so they are skipped here.
 */
const KNOWN_BAD_UPSTREAM = new Set([
  'perf-java-faults-01-collapsed-pid.txt',
  'perf-java-faults-01-collapsed-tid.txt',
  'perf-java-stacks-01-collapsed-pid.txt',
  'perf-java-stacks-01-collapsed-tid.txt',
  'perf-java-stacks-02-collapsed-pid.txt',
  'perf-java-stacks-02-collapsed-tid.txt',
  'perf-vertx-stacks-01-collapsed-pid.txt',
  'perf-vertx-stacks-01-collapsed-tid.txt',
]);

function check(input: string, expectedFile: string, flag: Flag | 'default', extra: Partial<CollapseOptions> = {}): void {
  const ours = toFoldedText(stacksOf(parsePerfScript(readCorpus(input), { ...optionsFor(flag), ...extra })));
  const expected = readCorpus(expectedFile);
  assert.deepEqual(sortedLines(ours), sortedLines(expected));
}

describe('perf script collapse: FlameGraph test suite (13 inputs x 6 flags)', () => {
  const inputs = readdirSync(corpusFile('flamegraph/test')).filter((f) => f.endsWith('.txt'));
  it('has the 13 upstream inputs', () => assert.equal(inputs.length, 13));
  for (const input of inputs) {
    const base = input.replace(/\.txt$/, '');
    for (const flag of FLAGS) {
      const result = `${base}-collapsed-${flag}.txt`;
      const title = `${base} --${flag}`;
      if (KNOWN_BAD_UPSTREAM.has(result)) {
        it.skip(`${title} (stored result wrong upstream)`);
        continue;
      }
      // FlameGraph's results come from the perl: it drops a final sample with no closing blank line
      // (perf-dd-stacks-01 ends so) and leaves Rust hashes in (perf-rust-Yamakaky-dcpu).
      it(title, () => check(`flamegraph/test/${input}`, `flamegraph/test/results/${result}`, flag, PERL_COMPAT));
    }
  }
});

describe('perf script collapse: inferno perf cases', () => {
  const dir = 'inferno/tests/data/collapse-perf';
  const cases: Array<[string, string, Flag | 'default']> = [
    ['flamegraph/test/perf-rust-Yamakaky-dcpu.txt', `${dir}/results/perf-rust-Yamakaky-dcpu-collapsed-pid.txt`, 'pid'],
    ['flamegraph/test/perf-rust-Yamakaky-dcpu.txt', `${dir}/results/perf-rust-Yamakaky-dcpu-collapsed-tid.txt`, 'tid'],
    ['flamegraph/test/perf-rust-Yamakaky-dcpu.txt', `${dir}/results/perf-rust-Yamakaky-dcpu-collapsed-kernel.txt`, 'kernel'],
    ['flamegraph/test/perf-rust-Yamakaky-dcpu.txt', `${dir}/results/perf-rust-Yamakaky-dcpu-collapsed-jit.txt`, 'jit'],
    ['flamegraph/test/perf-rust-Yamakaky-dcpu.txt', `${dir}/results/perf-rust-Yamakaky-dcpu-collapsed-all.txt`, 'all'],
    ['flamegraph/test/perf-rust-Yamakaky-dcpu.txt', `${dir}/results/perf-rust-Yamakaky-dcpu-collapsed-addrs.txt`, 'addrs'],
    [`${dir}/no-events.txt`, `${dir}/results/no-events-collapsed.txt`, 'default'],
    [`${dir}/single-line-stacks.txt`, `${dir}/results/single-line-stacks-collapsed.txt`, 'default'],
    [`${dir}/single-event.txt`, `${dir}/results/single-event-collapsed.txt`, 'default'],
    [`${dir}/go-stacks.txt`, `${dir}/results/go-stacks-collapsed.txt`, 'default'],
    [`${dir}/java-inline.txt`, `${dir}/results/java-inline-collapsed.txt`, 'default'],
    [`${dir}/cpp-stacks-std-function.txt`, `${dir}/results/cpp-stacks-std-function-collapsed.txt`, 'default'],
    [`${dir}/versioned-vmlinux.txt`, `${dir}/results/versioned-vmlinux-collapsed-kernel.txt`, 'kernel'],
    [`${dir}/sourcepawn-jitdump.txt`, `${dir}/results/sourcepawn-jitdump-collapsed-jit.txt`, 'jit'],
    ['flamegraph/example-perf-stacks.txt.gz', `${dir}/results/example-perf-stacks-collapsed.txt`, 'default'],
  ];
  for (const [input, expected, flag] of cases) {
    const name = input.split('/').pop()!.replace(/\.txt(\.gz)?$/, '');
    it(`${name}${flag === 'default' ? '' : ` --${flag}`}`, () => check(input, expected, flag));
  }
});
