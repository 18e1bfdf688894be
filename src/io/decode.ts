/**
 * Bytes -> text for streamed input. UTF-8 by default (a UTF-8 byte order mark is kept for the line
 * splitter to drop); a UTF-16 byte order mark (files saved by Windows tools, PowerShell's `>`)
 * switches to UTF-16 LE/BE. Characters split across chunks stay whole.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

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
      this.head = bytes;
      return '';
    }
    this.head = undefined;
    this.inner = this.open(bytes);
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
    if (this.encoding === 'utf-8') return new StringDecoder('utf8');
    const td = new TextDecoder(this.encoding);
    return { write: (b) => td.decode(b, { stream: true }), end: () => td.decode() };
  }
}

/** The UTF-16 encoding the bytes' byte order mark names, or undefined when they start with none. */
export function utf16Encoding(head: Buffer): 'utf-16le' | 'utf-16be' | undefined {
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
