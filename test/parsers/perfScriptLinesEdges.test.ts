/**
 * The linear-time line matchers at the edges of their character classes: every ASCII white-space
 * character is the perl's \s, the address is \w ([A-Za-z0-9_]) and nothing else, and the regex's
 * backtracking into a short address. Each case is checked against the regex too.
 */
import { strict as assert } from 'node:assert';
import { matchFrame, matchHeaderStart, matchTrailingEvent } from '../../src/parsers/perf-script/lines';

const HEADER = /^(\S.*?)\s+(\d+)\/*(\d+)*\s+/;
const FRAME = /^\s*(\w+)\s*(.+) \((\S*)\)/;
const TRAILING = /:\s*(\d+)*\s+(\S+):\s*$/;

describe('perf script line matchers: character classes', () => {
  // \t \n \v \f \r and the space: what \s matches in ASCII (perl reads the file as bytes).
  for (const ws of ['\t', '\n', '\v', '\f', '\r', ' ']) {
    it(`takes ${JSON.stringify(ws)} for white space, as \\s does`, () => {
      const header = `comm${ws}123/456${ws}[000]${ws}1.000001:${ws}250${ws}cycles:${ws}`;
      const h = matchHeaderStart(header);
      assert.deepEqual(h, { comm: 'comm', pid: '123', tid: '456', end: 'comm 123/456'.length });
      const m = HEADER.exec(header);
      assert.deepEqual([m?.[1], m?.[2], m?.[3]], [h?.comm, h?.pid, h?.tid]);

      const frame = `${ws}7f00${ws}foo+0x1b (/lib/x.so)`;
      assert.deepEqual(matchFrame(frame), { pc: '7f00', rawfunc: 'foo+0x1b', mod: '/lib/x.so' });
      assert.deepEqual(FRAME.exec(frame)?.slice(1), ['7f00', 'foo+0x1b', '/lib/x.so']);

      assert.deepEqual(matchTrailingEvent(header), { period: '250', event: 'cycles' });
      assert.deepEqual(TRAILING.exec(header)?.slice(1), ['250', 'cycles']);
    });
  }

  it('reads an address of any \\w characters: A-Z, a-z, 0-9 and _', () => {
    for (const pc of ['A', 'Z', 'a', 'z', '0', '9', '_', 'A_Zaz09']) {
      const line = `\t${pc} foo (/x)`;
      assert.deepEqual(matchFrame(line), { pc, rawfunc: 'foo', mod: '/x' }, pc);
      assert.deepEqual(FRAME.exec(line)?.slice(1), [pc, 'foo', '/x'], pc);
    }
  });

  it('finds no address in characters next to \\w in ASCII: / : @ [ ` {', () => {
    for (const c of ['/', ':', '@', '[', '`', '{', '~']) {
      const line = `\t${c}7f foo (/x)`;
      assert.equal(matchFrame(line), undefined, c);
      assert.equal(FRAME.exec(line), null, c);
    }
  });

  it('takes the symbol out of the address when only ` (dso)` follows it, as the regex backtracks', () => {
    // (.+) must be non-empty: the regex gives it the address's last character.
    assert.deepEqual(matchFrame('\tab (x)'), { pc: 'a', rawfunc: 'b', mod: 'x' });
    assert.deepEqual(FRAME.exec('\tab (x)')?.slice(1), ['a', 'b', 'x']);
    // A one-character address has nothing to give.
    assert.equal(matchFrame('\ta (x)'), undefined);
    assert.equal(FRAME.exec('\ta (x)'), null);
  });
});
