/**
 * Where big eBPF tables keep their cells while they are read: fixed-size typed-array chunks
 * (growing never copies; 32-bit while the values allow), and text cells joined per block of rows,
 * so a kept key never pins the input chunk the line was cut from.
 */
import { EBPF_CHUNK_ROWS, EBPF_TEXT_BLOCK_ROWS, type EbpfNumberChunk, type EbpfTextChunk } from '../../model/ebpfTable';

type TypedArray = Int32Array | Int8Array;

/**
 * Numbers appended into chunks of EBPF_CHUNK_ROWS (the model's layout): the first chunk grows by
 * doubling, so a table of 13 rows takes 13 cells, not a whole chunk; later chunks are allocated
 * whole and never copied. `finish()` trims the last chunk.
 */
export class ChunkedNumbers<A extends TypedArray> {
  readonly chunks: A[] = [];
  private current: A;
  private pos = 0;
  length = 0;

  /** `compact` may replace a chunk once it is complete (see lineColumn). */
  constructor(
    private readonly make: (n: number) => A,
    private readonly compact: (full: A) => A = (full) => full,
  ) {
    this.current = make(64);
    this.chunks.push(this.current);
  }

  push(v: number): void {
    if (this.pos === this.current.length) this.grow();
    this.current[this.pos++] = v;
    this.length++;
  }

  /** The chunks, the last one trimmed to its rows. */
  finish(): A[] {
    const last = this.chunks.length - 1;
    if (this.pos < this.current.length) this.chunks[last] = this.current.slice(0, this.pos) as A;
    this.chunks[last] = this.compact(this.chunks[last]);
    this.current = this.chunks[last];
    return this.chunks;
  }

  private grow(): void {
    if (this.current.length < EBPF_CHUNK_ROWS) {
      const bigger = this.make(Math.min(EBPF_CHUNK_ROWS, this.current.length * 2));
      bigger.set(this.current as never);
      this.current = bigger;
      this.chunks[this.chunks.length - 1] = bigger;
    } else {
      this.chunks[this.chunks.length - 1] = this.compact(this.current);
      this.current = this.make(EBPF_CHUNK_ROWS);
      this.chunks.push(this.current);
      this.pos = 0;
    }
  }
}

/** Line numbers: a chunk whose rows are on consecutive lines (a CSV without blank lines) keeps only its first (see EbpfColumnarTable.lines). */
export const lineColumn = () =>
  new ChunkedNumbers(
    (n) => new Int32Array(n),
    (c) => {
      for (let i = 1; i < c.length; i++) if (c[i] !== c[0] + i) return c;
      return c.length > 1 ? Int32Array.of(c[0]) : c;
    },
  );
export const int8Column = () => new ChunkedNumbers((n) => new Int8Array(n));

/**
 * A numeric column in the model's chunks: a chunk stays an Int32Array while its values are 32-bit
 * integers and becomes a Float64Array (copied once) at the first that is not (a fraction, a big
 * total, a blank's NaN, -0); after that the column's new chunks are Float64Arrays from the start.
 */
export class NumberColumn {
  readonly chunks: EbpfNumberChunk[] = [];
  private current: EbpfNumberChunk = new Int32Array(64);
  private pos = 0;
  private ints = true;

  constructor() {
    this.chunks.push(this.current);
  }

  push(v: number): void {
    if (this.pos === this.current.length) this.grow();
    if (this.ints && ((v | 0) !== v || (v === 0 && 1 / v < 0))) this.toFloats();
    this.current[this.pos++] = v;
  }

  /** The chunks, the last one trimmed to its rows. */
  finish(): EbpfNumberChunk[] {
    if (this.pos < this.current.length) this.replaceCurrent(this.current.slice(0, this.pos));
    return this.chunks;
  }

  private toFloats(): void {
    this.ints = false;
    if (this.current instanceof Int32Array) this.replaceCurrent(Float64Array.from(this.current));
  }

  private replaceCurrent(chunk: EbpfNumberChunk): void {
    this.current = chunk;
    this.chunks[this.chunks.length - 1] = chunk;
  }

  private grow(): void {
    const n = this.current.length;
    if (n < EBPF_CHUNK_ROWS) {
      const bigger = this.current instanceof Int32Array ? new Int32Array(Math.min(EBPF_CHUNK_ROWS, n * 2)) : new Float64Array(Math.min(EBPF_CHUNK_ROWS, n * 2));
      bigger.set(this.current);
      this.replaceCurrent(bigger);
      return;
    }
    this.current = this.ints ? new Int32Array(EBPF_CHUNK_ROWS) : new Float64Array(EBPF_CHUNK_ROWS);
    this.chunks.push(this.current);
    this.pos = 0;
  }
}

/**
 * Text cells in the model's layout: per chunk of rows, per block of EBPF_TEXT_BLOCK_ROWS rows the
 * cells joined into one string, and each cell's end in it. Keys of a million rows are then a few
 * thousand strings, not a million (each of which would also have to be copied out of its line, or
 * keep the whole input chunk alive); the cut-out cells of a block are joined as soon as it is full,
 * so they die young.
 */
export class TextColumn {
  readonly chunks: EbpfTextChunk[] = [];
  private pending: string[] = [];
  private texts: string[] = [];
  private ends = new Int32Array(64);
  private rows = 0;
  private end = 0;

  push(text: string | null): void {
    if (this.rows === this.ends.length) {
      const bigger = new Int32Array(Math.min(EBPF_CHUNK_ROWS, this.rows * 2));
      bigger.set(this.ends);
      this.ends = bigger;
    }
    if (text !== null && text.length > 0) {
      this.pending.push(text);
      this.end += text.length;
    }
    this.ends[this.rows++] = this.end;
    if ((this.rows & (EBPF_TEXT_BLOCK_ROWS - 1)) === 0) this.closeBlock();
    if (this.rows === EBPF_CHUNK_ROWS) this.flush();
  }

  finish(): EbpfTextChunk[] {
    if (this.rows > 0) this.flush();
    return this.chunks;
  }

  private closeBlock(): void {
    this.texts.push(this.pending.join(''));
    this.pending = [];
    this.end = 0;
  }

  private flush(): void {
    const n = this.rows;
    if ((n & (EBPF_TEXT_BLOCK_ROWS - 1)) !== 0) this.closeBlock();
    this.chunks.push({ texts: this.texts, ends: n === this.ends.length ? this.ends : this.ends.slice(0, n) });
    this.texts = [];
    this.ends = new Int32Array(n === EBPF_CHUNK_ROWS ? EBPF_CHUNK_ROWS : 64);
    this.rows = 0;
  }
}
