/**
 * Inputs for the property tests, as fast-check arbitraries: windows of real corpus files with
 * mutations applied (lines deleted, duplicated, swapped, replaced, repeated; bytes and characters
 * inserted; the file truncated; a line stretched near the length limits), random files built from
 * a format's own vocabulary, and the ways to cut an input into chunks (anywhere, inside CRLF pairs
 * and multi-byte characters). Nothing here knows a format: the vocabulary comes from its samples.
 */
import fc from 'fast-check';
import { DEFAULT_MAX_LINE } from '../../src/parsers/shared/lineSplitter';

export type Mutation =
  | { op: 'delete'; at: number; n: number }
  | { op: 'duplicate'; at: number; n: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'replace'; at: number; line: string }
  | { op: 'repeat'; at: number; times: number }
  | { op: 'insertBytes'; at: number; bytes: Uint8Array }
  | { op: 'insertText'; at: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'stretch'; at: number; length: number }
  | { op: 'number'; at: number; k: number; value: string };

/** Characters and strings that tend to matter to line parsers. */
export const SPECIALS = [
  '\n', '\r\n', '\r', '\n\n', '\t', ' ', '  ', '\0', '\uFEFF', '\uFFFD', '\u2028', '\ud800', '😀', 'é', '€',
  ':', ': ', ';', ';;', '(', ')', ' (', '[', ']', '/', '#', '# ', '+0x', '0x', '-', '.', ',',
  ' 0', ' 1', ' -1', ' 1.5', ' .5', ' 1.', ' 1e308', ` ${'9'.repeat(400)}`, '9'.repeat(25), 'NaN', ' Infinity',
];

const SEPARATORS = [' ', '  ', '\t', ' \t', ';', ':', ': ', '/', ' (', ')', '[', '] ', '+0x1b', ' 1', '.'];

/** What a number in a line may become: zero, negative, fractional, beyond 2^64, beyond a double, gone. */
const NUMBERS = ['0', '00', '-1', '1.5', '.5', '1e3', '18446744073709551616', '9'.repeat(400), '', 'x'];

/** Lengths around the limits line readers tend to have (64 Ki, the splitter's 1 Mi), and some others. */
const STRETCH = fc.oneof(
  fc.integer({ min: 100, max: 5000 }),
  fc.integer({ min: 65534, max: 65538 }),
  fc.integer({ min: DEFAULT_MAX_LINE - 2, max: DEFAULT_MAX_LINE + 2 }),
);

export function fragmentArb(words: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...words) },
    { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
    { weight: 2, arbitrary: fc.constantFrom(...SPECIALS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.nat().map(String) },
  );
}

/** A line: a real one, or fragments glued together. */
export function lineArb(lines: readonly string[], words: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...lines) },
    { weight: 3, arbitrary: fc.array(fragmentArb(words), { maxLength: 10 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.constant('') },
  );
}

export function mutationArb(lines: readonly string[], words: readonly string[]): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at, n: fc.integer({ min: 1, max: 8 }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, n: fc.integer({ min: 1, max: 8 }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('swap' as const), a: at, b: at }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), at, line: lineArb(lines, words) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), at, times: fc.integer({ min: 2, max: 3000 }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('insertBytes' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('insertText' as const), at, text: fragmentArb(words) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('stretch' as const), at, length: STRETCH }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('number' as const), at, k: fc.nat(), value: fc.constantFrom(...NUMBERS) }) },
  );
}

/** The lines of `buf`, each with its '\n' (the last one may have none). */
export function splitLines(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let s = 0;
  for (let i = buf.indexOf(10, s); i >= 0; i = buf.indexOf(10, s)) {
    out.push(buf.subarray(s, i + 1));
    s = i + 1;
  }
  if (s < buf.length) out.push(buf.subarray(s));
  return out;
}

/** At most this many bytes come out of a mutation (a repeat of a long line stays testable). */
const MAX_GROWTH = 4 << 20;

export function applyMutation(buf: Buffer, m: Mutation): Buffer {
  const lines = splitLines(buf);
  const L = lines.length;
  const nl = Buffer.from('\n');
  switch (m.op) {
    case 'delete':
      if (L === 0) return buf;
      lines.splice(m.at % L, m.n);
      return Buffer.concat(lines);
    case 'duplicate': {
      if (L === 0) return buf;
      const i = m.at % L;
      const copy = lines.slice(i, i + m.n).map((l) => (l[l.length - 1] === 10 ? l : Buffer.concat([l, nl])));
      lines.splice(i, 0, ...copy);
      return Buffer.concat(lines);
    }
    case 'swap': {
      if (L === 0) return buf;
      const a = m.a % L;
      const b = m.b % L;
      [lines[a], lines[b]] = [withNewline(lines[b]), withNewline(lines[a])];
      return Buffer.concat(lines);
    }
    case 'replace':
      if (L === 0) return Buffer.from(m.line + '\n');
      lines[m.at % L] = Buffer.from(m.line + '\n');
      return Buffer.concat(lines);
    case 'repeat': {
      if (L === 0) return buf;
      const i = m.at % L;
      const line = withNewline(lines[i]);
      const times = Math.min(m.times, Math.floor(MAX_GROWTH / Math.max(1, line.length)));
      lines.splice(i, 0, ...new Array<Buffer>(times).fill(line));
      return Buffer.concat(lines);
    }
    case 'insertBytes':
    case 'insertText': {
      const at = m.at % (buf.length + 1);
      const ins = m.op === 'insertBytes' ? Buffer.from(m.bytes) : Buffer.from(m.text, 'utf8');
      return Buffer.concat([buf.subarray(0, at), ins, buf.subarray(at)]);
    }
    case 'truncate':
      return buf.subarray(0, m.at % (buf.length + 1));
    case 'stretch': {
      // A real line made `length` characters long in its middle (a huge symbol, a pasted blob).
      const i = L === 0 ? 0 : m.at % L;
      const line = L === 0 ? Buffer.alloc(0) : lines[i].subarray(0, lines[i].length - (lines[i][lines[i].length - 1] === 10 ? 1 : 0));
      const half = line.length >> 1;
      const pad = Math.max(0, m.length - line.length);
      const long = Buffer.concat([line.subarray(0, half), Buffer.alloc(pad, 'x'), line.subarray(half), nl]);
      if (L === 0) return long;
      lines[i] = long;
      return Buffer.concat(lines);
    }
    case 'number': {
      // The k-th run of digits of a line (counts, periods, pids, times, addresses) replaced.
      if (L === 0) return buf;
      const i = m.at % L;
      const line = lines[i].toString('latin1');
      const runs = [...line.matchAll(/[0-9]+/g)];
      if (runs.length === 0) return buf;
      const r = runs[m.k % runs.length];
      lines[i] = Buffer.from(line.slice(0, r.index) + m.value + line.slice(r.index + r[0].length), 'latin1');
      return Buffer.concat(lines);
    }
  }
}

function withNewline(l: Buffer): Buffer {
  return l[l.length - 1] === 10 ? l : Buffer.concat([l, Buffer.from('\n')]);
}

/** Lines [start, start + n) of `buf` (start wraps around). */
export function window(buf: Buffer, start: number, n: number): Buffer {
  const lines = splitLines(buf);
  if (lines.length === 0) return buf;
  const s = start % lines.length;
  return Buffer.concat(lines.slice(s, s + n));
}

/** Where to cut an input into chunks: anywhere (`at`), or `snap`ped to the next awkward place. */
export interface CutSpec {
  at: number;
  snap: boolean;
}

export const cutSpecsArb: fc.Arbitrary<CutSpec[]> = fc.array(fc.record({ at: fc.nat(), snap: fc.boolean() }), { maxLength: 12 });

/**
 * Chunk boundaries for `data`: each spec's offset, moved (`snap`) to the next place where a cut
 * hurts most: between CR and LF, inside a multi-byte UTF-8 character (bytes) or between the two
 * halves of a surrogate pair (strings); plus a cut every `every` units for inputs up to 64 KiB.
 */
export function cutsFor(data: Buffer | string, specs: readonly CutSpec[], every?: number | null): number[] {
  const len = data.length;
  const cuts = new Set<number>();
  for (const spec of specs) {
    let p = spec.at % (len + 1);
    if (spec.snap) p = awkward(data, p, spec.at);
    cuts.add(p);
  }
  if (every && len <= 65536) for (let i = every; i < len; i += every) cuts.add(i);
  return [...cuts].filter((c) => c > 0 && c < len).sort((a, b) => a - b);
}

function awkward(data: Buffer | string, from: number, salt: number): number {
  const len = data.length;
  for (let i = from; i < len; i++) {
    if (typeof data === 'string') {
      const c = data.charCodeAt(i);
      if (c === 13 && data.charCodeAt(i + 1) === 10) return i + 1;
      if (c >= 0xd800 && c <= 0xdbff) return i + 1;
    } else {
      const b = data[i];
      if (b === 13 && data[i + 1] === 10) return i + 1;
      // A lead byte: cut after 1, 2 or 3 of its bytes (as many as it has).
      if (b >= 0xc0) return i + 1 + (salt % (b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1));
      // Inside a UTF-16 byte order mark.
      if (i === 0 && (b === 0xff || b === 0xfe)) return 1;
    }
  }
  return from;
}

/** Random values for a parser's boolean options (the rest keep their defaults). */
export function optionsArb(defaults: unknown): fc.Arbitrary<Record<string, unknown>> {
  const d = (defaults ?? {}) as Record<string, unknown>;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(d)) shape[k] = typeof v === 'boolean' ? fc.boolean() : fc.constant(v);
  return fc.record(shape);
}

/** Some letters turned into 2-, 3- and 4-byte UTF-8 characters (the last a surrogate pair in JS). */
export function widen(text: string): string {
  return text.replace(/[mtg]/g, (c) => (c === 'm' ? 'µ' : c === 't' ? '†' : '𝔤'));
}
