/**
 * The per-cell work of big eBPF tables, kept free of allocations: numbers read from a line's
 * characters without cutting a substring, cells stored in fixed-size typed-array chunks (growing
 * never copies), and text cells joined per block of rows, so a kept key never pins the input
 * chunk the line was cut from.
 */
import { EBPF_CHUNK_ROWS, EBPF_TEXT_BLOCK_ROWS, type EbpfNumberChunk, type EbpfTextChunk } from '../../model/ebpfTable';

/** Powers of ten that are exact doubles (10^22 is the last). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Reads a plain decimal (`-12`, `22220.48`, `6.153900e+02`, `.5`) from text[start, end) and
 * returns it, or NaN when the cell is anything else (blank, `+1`, `1,234`, `12%`, `nan`, spaces,
 * or digits beyond 2^53): the caller then reads it the slow, general way. The value is exactly what
 * Number() gives: an integer below 2^53 times or divided by an exact power of ten is one correctly
 * rounded operation (Clinger's fast path). `decimalComma` also accepts a
 * comma as the decimal point (and sets `sawComma`). `scale` is the power of ten of the last
 * printed digit (`22220.48` -> -2), the rounding the printed value may carry.
 */
export class FastNumberReader {
  scale = 0;
  sawComma = false;

  constructor(private readonly decimalComma: boolean) {}

  read(text: string, start: number, end: number): number {
    let i = start;
    let c = text.charCodeAt(i);
    const negative = c === 45; // -
    if (negative) c = text.charCodeAt(++i);
    // Digits accumulate exactly while the integer stays below 2^53 (checked once, at the end).
    let mantissa = 0;
    const first = i;
    while (i < end && c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
    let digits = i - first;
    let decimals = 0;
    if (i < end && (c === 46 || (c === 44 && this.decimalComma))) {
      if (c === 44) this.sawComma = true;
      c = text.charCodeAt(++i);
      const from = i;
      while (i < end && c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        c = text.charCodeAt(++i);
      }
      decimals = i - from;
      digits += decimals;
    }
    if (digits === 0 || mantissa > Number.MAX_SAFE_INTEGER) return NaN;
    let exponent = 0;
    if (i < end) {
      if (c !== 101 && c !== 69) return NaN; // e E
      c = text.charCodeAt(++i);
      const expNegative = c === 45;
      if (c === 45 || c === 43) c = text.charCodeAt(++i);
      const from = i;
      while (i < end && c >= 48 && c <= 57 && i - from < 5) {
        exponent = exponent * 10 + (c - 48);
        c = text.charCodeAt(++i);
      }
      if (i === from || i < end) return NaN;
      if (expNegative) exponent = -exponent;
    }
    const scale = exponent - decimals;
    this.scale = scale;
    let value: number;
    if (scale === 0) value = mantissa;
    else if (scale > 0 && scale <= 22) value = mantissa * POW10[scale];
    else if (scale < 0 && scale >= -22) value = mantissa / POW10[-scale];
    else return NaN;
    if (!Number.isFinite(value)) return NaN;
    return negative ? -value : value;
  }
}

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

/** `5,67e+06`, `1234,5`, `-0,25`: one comma as the decimal point. */
const DECIMAL_COMMA = /^[-+]?\d+,\d+(?:[eE][-+]?\d+)?%?$/;
/** `1.234,5`: points grouping thousands, then a decimal comma. */
const GROUPED_DECIMAL_COMMA = /^[-+]?\d{1,3}(?:\.\d{3})+,\d+%?$/;

/**
 * A cell's text in the usual decimal-point form. With `decimalComma` (a `;`-separated file, as
 * decimal-comma locales write CSV) `1234,5` is 1234.5 and `1.234,5` is 1234.5; otherwise the text
 * is unchanged, so with a `,` delimiter a quoted `1,234` stays thousands grouping (1234).
 */
export function decimalPointText(text: string, decimalComma: boolean): string {
  const t = text.trim();
  if (!decimalComma || t.indexOf(',') < 0) return t;
  if (DECIMAL_COMMA.test(t)) return t.replace(',', '.');
  if (GROUPED_DECIMAL_COMMA.test(t)) return t.replace(/\./g, '').replace(',', '.');
  return t;
}

/** The power of ten of a printed number's last digit (`22220.48` -> -2, `6.153900e+02` -> -4). */
export function lastDigitScale(text: string): number {
  const t = text.trim().toLowerCase();
  const e = t.indexOf('e');
  const mant = e < 0 ? t : t.slice(0, e);
  const exp = e < 0 ? 0 : Number(t.slice(e + 1));
  const dot = mant.indexOf('.');
  const decimals = dot < 0 ? 0 : mant.length - dot - 1;
  const scale = exp - decimals;
  return Number.isFinite(scale) ? clampScale(scale) : 0;
}

/** A scale kept in a byte: beyond ±127 (1e-128, 1e127) the rounding allowance no longer matters. */
export function clampScale(scale: number): number {
  return Math.max(-128, Math.min(127, scale));
}
