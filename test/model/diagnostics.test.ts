/** Parse errors and the capped warning log (src/model/diagnostics.ts), plus what tells models apart. */
import { strict as assert } from 'node:assert';
import { ParseError, WarningLog, WARNING_LIMIT } from '../../src/model/diagnostics';
import { isStackProfile } from '../../src/model/report';
import { profileTotal } from '../../src/model/profile';
import { NameTable } from '../../src/model/nameTable';
import { parseFolded } from '../../src/parsers/folded';
import { parseStraceSummary } from '../../src/parsers/strace-summary/parser';
import { readCorpus } from '../helpers/corpus';

describe('ParseError', () => {
  it('reads FILE:LINE: expected, and says what it is', () => {
    const e = new ParseError('perf.txt', 12, "expected a sample header, got: '?'");
    assert.equal(e.message, "perf.txt:12: expected a sample header, got: '?'");
    assert.equal(e.name, 'ParseError');
    assert.equal(String(e), "ParseError: perf.txt:12: expected a sample header, got: '?'");
    assert.deepEqual([e.file, e.line], ['perf.txt', 12]);
  });
});

describe('WarningLog', () => {
  it('keeps the first warnings up to its limit and counts all of them', () => {
    const log = new WarningLog(3);
    for (let i = 1; i <= 5; i++) log.add(i, `w${i}`);
    assert.deepEqual(
      log.items.map((w) => w.line),
      [1, 2, 3],
    );
    assert.equal(log.dropped, 2);
    assert.equal(log.count, 5);
    const big = new WarningLog();
    for (let i = 0; i < WARNING_LIMIT + 7; i++) big.add(i + 1, 'w');
    assert.deepEqual([big.items.length, big.dropped, big.count], [WARNING_LIMIT, 7, WARNING_LIMIT + 7]);
  });
});

describe('models', () => {
  it('only stack samples are stack profiles; their total is the root total', () => {
    const folded = parseFolded('a;b 2\nc 3\n');
    assert.equal(isStackProfile(folded), true);
    assert.equal(profileTotal(folded), 5);
    const empty = { names: ['all'], nodeName: new Int32Array(0), parent: new Int32Array(0) };
    assert.equal(profileTotal({ tree: { ...empty, columns: [] } }), 0, 'no column');
    assert.equal(profileTotal({ tree: { ...empty, columns: [{ label: '', total: new Float64Array(0), self: new Float64Array(0) }] } }), 0, 'no node');
    const strace = parseStraceSummary(readCorpus('strace-c/privateMwb-PulseThreadPool/strace_summary.txt'));
    assert.equal(isStackProfile(strace), false);
  });

  it('a name table interns each name once, from index 0 when it starts empty', () => {
    const t = new NameTable();
    assert.equal(t.intern('x'), 0);
    assert.equal(t.intern('y'), 1);
    assert.equal(t.intern('x'), 0);
    assert.deepEqual(t.names, ['x', 'y']);
    const rooted = new NameTable(['all']);
    assert.equal(rooted.intern('all'), 1, 'the root name is not interned');
  });
});
