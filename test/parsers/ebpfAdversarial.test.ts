/**
 * Lines built to make backtracking regular expressions quadratic (long runs of spaces, brackets,
 * rule characters): every parser of the eBPF family must read them in linear work. 512 KiB lines: a
 * quadratic matcher would need many minutes, so mocha's timeout is the bound (no timing assertions).
 */
import { strict as assert } from 'node:assert';
import { parseEbpf } from '../../src/parsers/ebpf-csv';
import { ebpfApplies } from '../../src/parsers/ebpf-csv/applies';
import { formatHead } from '../../src/parsers/formatDefinition';
import { parseRunLog, runLogFormat } from '../../src/parsers/run-log';

// Just below the line splitter's 1 MiB limit (longer lines are skipped before any parser sees them).
const N = (1 << 19) - 64;
const SPACES = ' '.repeat(N);
const LINES = [
  `--- a${SPACES}x`,
  `--- a${' a'.repeat(N / 2)}`,
  `${'-'.repeat(N)}`,
  `Name: 1 x${SPACES}y`,
  `Name:${SPACES}x`,
  `a${SPACES}:`,
  `## a${SPACES}#${SPACES}x`,
  `  nsecs${SPACES}: count`,
  `   2048 -> ${SPACES}1`,
  `@x[${'['.repeat(N)}: 1`,
  `[${SPACES}1 |`,
  `[1, ${'2'.repeat(N)}) 3 |`,
  `@m: ${'1'.repeat(N)}.`,
  `function  count${SPACES}\\`,
  `0 f ${'1 '.repeat(N / 2)}`,
  `{"type": "map", "data": {"@m": {"${'a'.repeat(N)}": 1}}}`,
  `"${'a,'.repeat(N / 2)}`,
];

describe('eBPF and run-log parsers on adversarial lines (linear work)', function () {
  this.timeout(60000);
  it('each line inside a run block, after a table header and as eBPF text, and in detection', () => {
    for (const line of LINES) {
      for (const text of [`------- r Run Metrics -------\n${line}\n`, `------- r Run Metrics -------\n   function  count\n0 f 1\n${line}\n`]) {
        const log = parseRunLog(text);
        assert.equal(log.runs.length, 1);
      }
      for (const text of [`x\n${line}\n`, `function,count\n${line}\n`, `   function  count\n0 f 1\n${line}\n`, `@usecs:\n${line}\n`, `     usecs : count distribution\n${line}\n`]) parseEbpf(text);
      ebpfApplies(formatHead(`${line}\n${line}\n`));
      runLogFormat.applies(formatHead(`${line}\n`));
    }
  });
});
