/**
 * Column helpers shared by the table formats (perf report, perf diff, perf stat, strace -c,
 * perf trace -s, pandas-printed eBPF tables): where columns are, and numbers as the tools print
 * them. Parsers build on these instead of each splitting and number-parsing its own way.
 */

/** A column's character range on a line: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** A whitespace-separated field with where it starts on the line (for hover spans and widths). */
export interface Field {
  text: string;
  start: number;
}

/**
 * The runs of rule characters on a rule line (`# ........  .......` under perf report's headers,
 * `------ ----------- -----` under strace -c's): each run is one column's width.
 */
export function ruleSpans(rule: string, ruleChars = '-.='): Span[] {
  const spans: Span[] = [];
  let start = -1;
  for (let i = 0; i <= rule.length; i++) {
    const inRule = i < rule.length && ruleChars.includes(rule[i]);
    if (inRule && start < 0) start = i;
    else if (!inRule && start >= 0) {
      spans.push({ start, end: i });
      start = -1;
    }
  }
  return spans;
}

/** Whether a line is a rule: only rule characters, spaces and an optional leading `#`. */
export function isRuleLine(line: string, ruleChars = '-.='): boolean {
  let rules = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (ruleChars.includes(c)) rules++;
    else if (c !== ' ' && c !== '\t' && !(c === '#' && i === 0)) return false;
  }
  return rules >= 3;
}

/** Whitespace-separated fields with their offsets. */
export function fields(line: string): Field[] {
  const out: Field[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], start: m.index });
  return out;
}

/**
 * Cuts a line into one cell per span, trimmed. The last column takes the rest of the line (names
 * run past their rule); a cell that overflows into its neighbour (perf report's Period, 11 wide,
 * holding a 13-digit number) is recovered by cutting at whitespace near the span's end.
 */
export function cutBySpans(line: string, spans: readonly Span[]): string[] {
  const cells: string[] = [];
  let pos = 0;
  for (let i = 0; i < spans.length; i++) {
    const last = i === spans.length - 1;
    if (last) {
      cells.push(line.slice(Math.max(pos, Math.min(spans[i].start, pos))).trim());
      break;
    }
    let end = spans[i].end;
    // Overflow: the cell's text goes on past the rule; it ends at the next space.
    while (end < line.length && line[end] !== ' ' && line[end - 1] !== ' ') end++;
    cells.push(line.slice(pos, end).trim());
    pos = end;
  }
  return cells;
}

/**
 * A number as perf, strace and pandas print it: `1234`, `-0.5`, `1,234,567` (thousands
 * grouping, as perf stat prints with a grouping locale), `4.326659e+12`, `12.5%` (the percent sign
 * dropped: the column says it is a percentage). Undefined for anything else, never NaN.
 */
export function parseNumber(text: string): number | undefined {
  let t = text.trim();
  if (t.endsWith('%')) t = t.slice(0, -1).trimEnd();
  if (t.startsWith('+')) t = t.slice(1);
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Header labels to column ids through an alias table (exact, case-insensitive); undefined where unknown. */
export function labelIds<T extends string>(labels: readonly string[], aliases: Readonly<Record<string, T>>): (T | undefined)[] {
  return labels.map((l) => (Object.hasOwn(aliases, l.toLowerCase()) ? aliases[l.toLowerCase()] : undefined));
}

/**
 * `parseNumber` for hot loops: plain decimals (`1234`, `0.026`, `-3.5`, what table rows hold) are
 * read without regular expressions; anything else goes through `parseNumber`, so the result is
 * always the same as `parseNumber(text)`.
 */
export function parseDecimal(text: string): number | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const digitsStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === digitsStart || i - digitsStart > 15) return parseNumber(text);
  if (i < n && text.charCodeAt(i) === 46) {
    const fracStart = ++i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === fracStart) return parseNumber(text);
  }
  return i === n ? Number(text) : parseNumber(text);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The whitespace-separated words of a line (spaces and tabs), without offsets: `fields` for hot loops. */
export function words(line: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 32;
    const space = c === 32 || c === 9;
    if (!space && start < 0) start = i;
    else if (space && start >= 0) {
      out.push(line.slice(start, i));
      start = -1;
    }
  }
  return out;
}

/**
 * The [start, end) offsets of a line's whitespace-separated fields, written in pairs into `out`
 * (grown when too small; the array is returned): rows read without a substring per field.
 * Returns the field count as `count`.
 */
export function fieldBounds(line: string, out: Int32Array): { bounds: Int32Array; count: number } {
  let count = 0;
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 32;
    const space = c === 32 || c === 9;
    if (!space && start < 0) start = i;
    else if (space && start >= 0) {
      if (2 * count + 2 > out.length) {
        const grown = new Int32Array(out.length * 2 + 16);
        grown.set(out);
        out = grown;
      }
      out[2 * count] = start;
      out[2 * count + 1] = i;
      count++;
      start = -1;
    }
  }
  return { bounds: out, count };
}

/**
 * `parseDecimal(line.slice(start, end))` without the substring for plain decimals of up to 15
 * digits: the digits as one integer divided by a power of ten, which IEEE division rounds exactly
 * as parsing the decimal text does.
 */
export function decimalIn(line: string, start: number, end: number): number | undefined {
  let i = start;
  const negative = line.charCodeAt(i) === 45;
  if (negative) i++;
  let digits = 0;
  let value = 0;
  let scale = 1;
  const intStart = i;
  for (; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    digits++;
  }
  if (i === intStart) return parseNumber(line.slice(start, end));
  if (i < end && line.charCodeAt(i) === 46) {
    const fracStart = ++i;
    for (; i < end; i++) {
      const c = line.charCodeAt(i);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      scale *= 10;
      digits++;
    }
    if (i === fracStart) return parseNumber(line.slice(start, end));
  }
  if (i !== end || digits > 15) return parseNumber(line.slice(start, end));
  const v = scale === 1 ? value : value / scale;
  return negative ? -v : v;
}

/**
 * `cutBySpans` as offsets: each cell's trimmed [start, end) written in pairs into `out` (grown when
 * too small), so rows are read in place. Cell i is `line.slice(bounds[2i], bounds[2i + 1])`, the
 * same text `cutBySpans(line, spans)[i]` gives.
 */
export function cutBoundsBySpans(line: string, spans: readonly Span[], out: Int32Array): Int32Array {
  if (out.length < 2 * spans.length) out = new Int32Array(2 * spans.length);
  let pos = 0;
  for (let i = 0; i < spans.length; i++) {
    let end = line.length;
    if (i < spans.length - 1) {
      end = spans[i].end;
      while (end < line.length && line[end] !== ' ' && line[end - 1] !== ' ') end++;
      end = Math.min(end, line.length);
    }
    let a = Math.min(pos, line.length);
    let b = Math.max(a, end);
    while (a < b && isTrimmed(line.charCodeAt(a))) a++;
    while (b > a && isTrimmed(line.charCodeAt(b - 1))) b--;
    out[2 * i] = a;
    out[2 * i + 1] = b;
    pos = end;
  }
  return out;
}

/** White space as String.prototype.trim removes it (the ASCII part; table cells hold no other). */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff;
}

/**
 * A line without the quoting of a mail or a Markdown quote (`> `, `> > `, `>>`), as tool output
 * pasted into a mailing-list reply is: none of the table formats starts a line with `>`.
 */
export function stripQuote(line: string): string {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (line.charCodeAt(i) !== 62) return line;
  while (i < line.length && line.charCodeAt(i) === 62) {
    i++;
    // `> > >`: a space between the markers belongs to the quoting.
    if (line.charCodeAt(i) === 32 && line.charCodeAt(i + 1) === 62) i++;
  }
  if (line.charCodeAt(i) === 32) i++;
  return line.slice(i);
}

/**
 * A number printed with a decimal comma (`%f` under a locale such as es_AR or de_DE: `33,78`,
 * `0,000229`), for columns the tools print with printf's `%f` and never group by thousands.
 */
export function decimalCommaNumber(text: string): number | undefined {
  return /^-?\d+,\d+$/.test(text) ? parseDecimal(text.replace(',', '.')) : undefined;
}
