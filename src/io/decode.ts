/**
 * Bytes -> text for streamed input. UTF-8 by default (a UTF-8 byte order mark is kept for the line
 * splitter to drop); a UTF-16 byte order mark (files saved by Windows tools, PowerShell's `>`)
 * switches to UTF-16 LE/BE. Characters split across chunks stay whole.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

/**
 * Bytes read (and decoded) at a time. Below Node's ~1 MB limit for strings kept outside the JS heap:
 * a decoded chunk that big becomes an external string, freed only by a full collection, and
 * substrings still alive (a row's frames) made those pile up (+30 MiB peak on a 100 MB report).
 */
export const CHUNK_SIZE = 1 << 19;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export class ChunkDecoder {
  private inner: { write(b: Buffer): string; end(): string } | undefined;
  private head: Buffer | undefined;
  encoding: TextEncodingName = 'utf-8';

  write(buf: Buffer): string {
    if (this.inner) return this.inner.write(buf);
    // Two bytes tell the encoding; a pipe may hand us one at a time.
    const bytes = this.head ? Buffer.concat([this.head, buf]) : buf;
    if (bytes.length < 2) {
      // A copy: the caller may reuse its buffer for the next chunk.
      this.head = Buffer.from(bytes);
      return '';
    }
    this.head = undefined;
    this.inner = this.open(bytes);
    // Stryker disable next-line ConditionalExpression: TextDecoder drops a leading byte order mark itself; skipping it here only saves the work
    return this.inner.write(this.encoding === 'utf-8' ? bytes : bytes.subarray(2));
  }

  end(): string {
    if (!this.inner) {
      const rest = this.head ?? Buffer.alloc(0);
      this.head = undefined;
      this.inner = new StringDecoder('utf8');
      return this.inner.write(rest) + this.inner.end();
    }
    return this.inner.end();
  }

  private open(first: Buffer): { write(b: Buffer): string; end(): string } {
    this.encoding = utf16Encoding(first) ?? 'utf-8';
    if (this.encoding === 'utf-8') return new Utf8ChunkDecoder();
    const td = new TextDecoder(this.encoding);
    return { write: (b) => td.decode(b, { stream: true }), end: () => td.decode() };
  }
}

/**
 * UTF-8 with a fast path: a chunk of ASCII bytes only (most perf output) is copied into a one-byte
 * string, about 3x faster than decoding it. Exact: used only when no character is pending from the
 * chunk before (one that ended in an ASCII byte cannot have left part of a character behind).
 */
export class Utf8ChunkDecoder {
  private readonly decoder = new StringDecoder('utf8');
  // Stryker disable next-line BooleanLiteral: starting on the decoder's path gives the same text (the fast path is speed only)
  private pending = false;

  write(buf: Buffer): string {
    if (buf.length === 0) return '';
    // Stryker disable next-line ConditionalExpression: without the fast path every chunk is decoded, to the same text
    if (!this.pending && isAscii(buf)) return buf.toString('latin1');
    // Stryker disable next-line ConditionalExpression: staying on the decoder's path gives the same text
    this.pending = buf[buf.length - 1] >= 0x80;
    return this.decoder.write(buf);
  }

  end(): string {
    // Stryker disable next-line BooleanLiteral: after end() the decoder starts over; either path gives the same text
    this.pending = false;
    return this.decoder.end();
  }
}

/** The UTF-16 encoding the bytes' byte order mark names, or undefined when they start with none. */
export function utf16Encoding(head: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  // Stryker disable next-line ConditionalExpression: with fewer than 2 bytes the comparisons below fail anyway (undefined)
  if (head.length < 2) return undefined;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The first `bytes` bytes of a file, without reading the rest (the file may be 1 GB). */
export function readFileHead(path: string, bytes = 65536): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}
