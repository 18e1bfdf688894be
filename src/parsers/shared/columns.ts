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
  // `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the same numbers, without quadratic backtracking on long digit runs.
  if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Fields split on ASCII spaces and TABs only: perf stat's locale grouping may put a no-break or
 * narrow no-break space (fr_FR) inside one number, which `\s` would split.
 */
export function asciiFields(line: string): Field[] {
  const out: Field[] = [];
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    const blank = i === line.length || line[i] === ' ' || line[i] === '\t';
    if (!blank && start < 0) start = i;
    else if (blank && start >= 0) {
      out.push({ text: line.slice(start, i), start });
      start = -1;
    }
  }
  return out;
}

/** Grouping characters perf stat's `%'` prints besides `,` and `.`: `'` (de_CH), NBSP, NNBSP, thin space. */
const GROUP_SPACES = /['\u00a0\u202f\u2009]/g;

/**
 * A number as perf stat prints it under any locale. `grouped` (counter values, `%'.2f`/`%'.0f`):
 * `1,234,567.89` (en_US), `1.234.567,89` (de_DE), `1 234 567,89` with narrow no-break spaces
 * (fr_FR); perf prints counts with 0, 2 or (old msec) 6 decimals, never 3, so one separator
 * followed by exactly 3 digits groups, whichever character it is. Not grouped (metrics, noise,
 * elapsed seconds: plain `%f` under the locale): one `,` or `.` is the decimal mark (`0,75`).
 * Undefined for anything else, never NaN.
 */
export function parseLocaleNumber(text: string, grouped: boolean): number | undefined {
  const plain = plainDecimal(text);
  // `1.234` may be de_DE grouping: only the slow path decides.
  if (plain !== undefined && !(grouped && plain.fraction === 3)) return plain.value;
  let t = text.trim().replace(GROUP_SPACES, '');
  if (t.endsWith('%')) t = t.slice(0, -1).trimEnd();
  const neg = t.startsWith('-');
  if (neg || t.startsWith('+')) t = t.slice(1);
  if (!/^[\d.,]+$/.test(t)) return undefined;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  let intPart = t;
  let frac = '';
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the last one is the decimal mark, the other groups.
    if (!grouped) return undefined;
    const dec = Math.max(lastComma, lastDot);
    intPart = t.slice(0, dec);
    frac = t.slice(dec + 1);
    const group = dec === lastComma ? '.' : ',';
    if (!isGrouped(intPart, group)) return undefined;
    intPart = intPart.split(group).join('');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = t.split(sep);
    if (parts.length > 2 || (grouped && parts[1].length === 3)) {
      if (!grouped || !isGrouped(t, sep)) return undefined;
      intPart = parts.join('');
    } else {
      intPart = parts[0];
      frac = parts[1];
    }
  }
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac)) return undefined;
  const n = Number(frac ? `${intPart}.${frac}` : intPart);
  if (!Number.isFinite(n)) return undefined;
  return neg ? -n : n;
}

/** `123` or `123.45` (digits, at most one dot, no sign or spaces): the value and how many digits follow the dot (-1: no dot). */
function plainDecimal(t: string): { value: number; fraction: number } | undefined {
  let dot = -1;
  const n = t.length;
  if (n === 0 || n > 30) return undefined;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      if (dot >= 0 || i === 0 || i === n - 1) return undefined;
      dot = i;
    } else if (c < 48 || c > 57) return undefined;
  }
  return { value: Number(t), fraction: dot < 0 ? -1 : n - dot - 1 };
}

/**
 * `1,234,567` grouped by `sep`: a 1–3 digit lead, then groups of exactly 3, or en_IN's
 * `12,34,567` (groups of 2, the last of 3).
 */
function isGrouped(t: string, sep: string): boolean {
  const parts = t.split(sep);
  if (!/^\d{1,3}$/.test(parts[0])) return parts.length === 1 && /^\d+$/.test(parts[0]);
  const last = parts.length - 1;
  if (!/^\d{3}$/.test(parts[last])) return false;
  const middle = parts.slice(1, last);
  return middle.every((p) => p.length === 3 && /^\d+$/.test(p)) || (parts[0].length <= 2 && middle.every((p) => /^\d\d$/.test(p)));
}

/** ANSI colour sequences (`perf report --stdio-color always`, a pty): dropped before any matching. */
const ANSI_SGR = new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g');

export function stripAnsi(line: string): string {
  return line.includes('\x1b') ? line.replace(ANSI_SGR, '') : line;
}

/** perf's symbol cell `[k] name` (`-v`: `0x119c  B [k] name`): the marker letter and the name; no marker, the text as it is. */
export function splitSymbolMarker(cell: string): { level: string | undefined; name: string } {
  const at = symbolLevel(cell);
  return at < 0 ? { level: undefined, name: cell } : { level: cell[at + 1], name: cell.slice(at + 4).trimStart() };
}

/**
 * Where the `[x] ` level marker of a Symbol cell starts (`[.] name`; with `-v` after the address and
 * origin, `0x119c  B [.] name`), or -1.
 */
export function symbolLevel(cell: string): number {
  let at = 0;
  if (cell.charCodeAt(0) === 48 && cell.charCodeAt(1) === 120) {
    const m = /^0x[0-9a-f]+\s+\S\s+(?=\[)/.exec(cell);
    if (!m) return -1;
    at = m[0].length;
  }
  return cell.charCodeAt(at) === 91 && cell.charCodeAt(at + 2) === 93 && cell.charCodeAt(at + 3) === 32 && '.kguHsX'.includes(cell[at + 1]) ? at : -1;
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
