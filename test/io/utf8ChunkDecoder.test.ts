import { strict as assert } from 'node:assert';
import { StringDecoder } from 'node:string_decoder';
import { ChunkDecoder, Utf8ChunkDecoder } from '../../src/io/decode';

/** Decodes `bytes` cut into chunks at `cuts` with `d`. */
function decodeInChunks(d: { write(b: Buffer): string; end(): string }, bytes: Buffer, cuts: number[]): string {
  let out = '';
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    out += d.write(bytes.subarray(from, at));
    from = at;
  }
  return out + d.end();
}

describe('Utf8ChunkDecoder (ASCII fast path)', () => {
  const text = 'main;foo 12\n  caf\u00e9 \u20ac \u{1f525} \u6f22\u5b57\nbar 3\n';
  const bytes = Buffer.from(text, 'utf8');

  it('gives the text back whatever the chunk boundaries, also inside a multi-byte character', () => {
    for (let a = 0; a <= bytes.length; a++) {
      for (let b = a; b <= bytes.length; b += 3) {
        assert.equal(decodeInChunks(new Utf8ChunkDecoder(), bytes, [a, b]), text, `cuts at ${a}, ${b}`);
      }
    }
  });

  it('an ASCII chunk after one that ended inside a character is decoded as StringDecoder does (a replacement character)', () => {
    // \xe2\x82 starts a 3-byte character that never ends: the next, ASCII chunk must not swallow it.
    const broken = Buffer.concat([Buffer.from('ab'), Buffer.from([0xe2, 0x82]), Buffer.from('cd\n')]);
    const reference = decodeInChunks(new StringDecoder('utf8'), broken, [4]);
    assert.equal(decodeInChunks(new Utf8ChunkDecoder(), broken, [4]), reference);
    assert.ok(reference.includes('\ufffd'));
  });

  it('a cut character stays pending across an empty chunk, and when it ends in byte 0x80', () => {
    for (const [bytes, cuts] of [
      [Buffer.concat([Buffer.from('ab'), Buffer.from([0xe2, 0x82]), Buffer.from('cd\n')]), [4, 4]],
      [Buffer.concat([Buffer.from('ab'), Buffer.from([0xe2, 0x80]), Buffer.from('cd\n')]), [4]],
    ] as Array<[Buffer, number[]]>) {
      const reference = decodeInChunks(new StringDecoder('utf8'), bytes, cuts);
      assert.equal(decodeInChunks(new Utf8ChunkDecoder(), bytes, cuts), reference, JSON.stringify(cuts));
      assert.ok(reference.startsWith('ab\ufffd'), 'the replacement character where the bytes were');
    }
  });

  it('invalid bytes inside a chunk become replacement characters as with StringDecoder', () => {
    const broken = Buffer.from([0x61, 0xff, 0x62, 0x0a, 0xc3]);
    assert.equal(decodeInChunks(new Utf8ChunkDecoder(), broken, [2]), decodeInChunks(new StringDecoder('utf8'), broken, [2]));
  });

  it('ASCII-only chunks come out as the same string, also bytes 0x7f and control characters', () => {
    const ascii = Buffer.from(Array.from({ length: 128 }, (_, i) => i));
    assert.equal(decodeInChunks(new Utf8ChunkDecoder(), ascii, [40, 90]), ascii.toString('utf8'));
  });

  it('ChunkDecoder keeps the UTF-8 byte order mark and still switches to UTF-16 on its mark', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a b\n')]);
    assert.equal(decodeInChunks(new ChunkDecoder(), bom, [1, 4]), '\ufeffa b\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x\u00e9\n', 'utf16le')]);
    assert.equal(decodeInChunks(new ChunkDecoder(), utf16, [3]), 'x\u00e9\n');
  });
});
