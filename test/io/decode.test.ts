/** Bytes to text for streamed input (src/io/decode.ts): byte order marks, split characters, file heads. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChunkDecoder, readFileHead, utf16Encoding } from '../../src/io/decode';

/** Decodes `bytes` fed in chunks of `size`. */
function decode(bytes: Buffer, size: number): { text: string; encoding: string } {
  const d = new ChunkDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += d.write(bytes.subarray(i, i + size));
  text += d.end();
  return { text, encoding: d.encoding };
}

const utf16le = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string): Buffer => {
  const le = Buffer.from(s, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
};

describe('ChunkDecoder', () => {
  const text = 'perf 12 [000] 1.0: 1 cycles:\n\tffff µs→ (/x)\n';

  it('decodes UTF-8, keeping its byte order mark for the line splitter, with characters split across chunks', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    for (const size of [1, 2, 3, 64]) assert.deepEqual(decode(bytes, size), { text: '\uFEFF' + text, encoding: 'utf-8' }, `chunks of ${size}`);
  });

  it('switches to UTF-16 LE or BE on their byte order mark, a byte at a time too', () => {
    for (const size of [1, 2, 3, 64]) {
      assert.deepEqual(decode(utf16le(text), size), { text, encoding: 'utf-16le' }, `LE, chunks of ${size}`);
      assert.deepEqual(decode(utf16be(text), size), { text, encoding: 'utf-16be' }, `BE, chunks of ${size}`);
    }
  });

  it('gives an empty text for a UTF-16 file holding only its byte order mark', () => {
    assert.deepEqual(decode(Buffer.from([0xff, 0xfe]), 2), { text: '', encoding: 'utf-16le' });
    assert.deepEqual(decode(Buffer.from([0xfe, 0xff]), 2), { text: '', encoding: 'utf-16be' });
  });

  it('decodes a one-byte input at the end, and invalid UTF-8 as U+FFFD', () => {
    assert.deepEqual(decode(Buffer.from('x'), 1), { text: 'x', encoding: 'utf-8' });
    assert.deepEqual(decode(Buffer.from([0x61, 0xff, 0x62]), 1), { text: 'a\uFFFDb', encoding: 'utf-8' });
  });
});

describe('utf16Encoding', () => {
  it('needs both bytes of the mark, in order', () => {
    assert.equal(utf16Encoding(Buffer.from([0xff, 0xfe, 0x41, 0])), 'utf-16le');
    assert.equal(utf16Encoding(Buffer.from([0xfe, 0xff, 0, 0x41])), 'utf-16be');
    assert.equal(utf16Encoding(Buffer.from([0xff, 0x41])), undefined, 'an invalid UTF-8 byte, then text');
    assert.equal(utf16Encoding(Buffer.from([0x41, 0xfe])), undefined);
    assert.equal(utf16Encoding(Buffer.from([0xfe, 0x41])), undefined);
    assert.equal(utf16Encoding(Buffer.from([0x41, 0xff])), undefined);
    assert.equal(utf16Encoding(Buffer.from([0xff, 0xff])), undefined);
    assert.equal(utf16Encoding(Buffer.from([0xff])), undefined, 'one byte');
  });
});

describe('readFileHead', () => {
  let dir = '';
  before(() => (dir = mkdtempSync(join(tmpdir(), 'perflens-head-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads at most the bytes asked for, the whole file when shorter, and closes it', () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, 'abcdefghij');
    const fds = (): number => readdirSync('/proc/self/fd').length;
    const before = fds();
    assert.equal(readFileHead(f, 4).toString(), 'abcd');
    assert.equal(readFileHead(f).toString(), 'abcdefghij');
    for (let i = 0; i < 10; i++) readFileHead(f, 2);
    assert.equal(fds(), before);
  });
});
