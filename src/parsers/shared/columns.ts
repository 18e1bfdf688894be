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
