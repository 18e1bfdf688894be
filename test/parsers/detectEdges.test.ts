/** Detection at its edges: byte order marks, binary input, and ranking `maybe` answers. */
import { strict as assert } from 'node:assert';
import { binaryReason, detectFormat } from '../../src/parsers/detect';
import { readCorpus } from '../helpers/corpus';

describe('detection edges', () => {
  it('sees through a UTF-8 byte order mark', () => {
    const script = readCorpus('flamegraph/test/perf-vertx-stacks-01.txt').slice(0, 20000);
    assert.deepEqual(detectFormat('\uFEFF' + script), detectFormat(script));
    assert.equal(detectFormat('\uFEFF' + script).format, 'perf-script');
    assert.deepEqual(detectFormat('\uFEFFmain;a 1\nmain;b 2\n'), { format: 'folded', reason: 'folded stack lines', verdict: 'yes' });
    assert.match(binaryReason('\uFEFFPERFILE2\0\0') ?? '', /binary perf\.data file/);
  });

  it('calls input with NUL bytes in its first 8 KiB binary, and only there', () => {
    const text = 'a;b 1\n'.repeat(2000);
    assert.equal(binaryReason(text.slice(0, 8191) + '\0' + text), 'binary data (NUL bytes), not a text report');
    assert.equal(binaryReason(text.slice(0, 8192) + '\0' + text), undefined);
    assert.equal(detectFormat(text.slice(0, 100) + '\0').reason, 'binary data (NUL bytes), not a text report');
    assert.equal(detectFormat(text.slice(0, 100) + '\0').format, undefined);
  });

  it('takes the strongest maybe, and the first asked when two are as strong', () => {
    // bpftrace maps are folded-shaped too (`@name[key]: 12` ends in a count): both formats say maybe.
    const mapsAndCounts = '@reads[sshd]: 12\n@reads[bash]: 30\nalpha 4\nbeta 5\ngamma 6\n';
    assert.deepEqual([detectFormat(mapsAndCounts).format, detectFormat(mapsAndCounts).verdict], ['folded', 'maybe'], '5 folded lines, 2 map entries');
    // Negative values are map entries but no folded counts.
    const deltas = '@delta[a]: -12\n@delta[b]: -30\n@delta[c]: 4\n@delta[d]: 7\n';
    assert.deepEqual(detectFormat(deltas), { format: 'ebpf-csv', reason: '4 bpftrace map entries', verdict: 'maybe' }, '2 folded lines, 4 map entries');
    const maps = '@reads[sshd]: 12\n@reads[bash]: 30\n@reads[ls]: 2\n';
    assert.equal(detectFormat(maps).format, 'folded', '3 and 3: folded is asked first');
  });

  it('says so when nothing fits', () => {
    assert.deepEqual(detectFormat('hello\nworld\n'), { format: undefined, reason: 'no known report format recognised in the first lines' });
  });
});
