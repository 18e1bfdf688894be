/**
 * perf report's table columns: which ones a header names (numeric "hpp" columns such as Overhead,
 * Children, Samples, Period; sort keys such as Command, Shared Object, Symbol), where they are
 * (the dotted rule under the header gives each column's width), and how a row is cut into cells:
 * by the rule's spans when the row lines up with it (perf's own output), else at runs of two or
 * more spaces (text edited by hand, rows indented by a TAB), or at the `-t` separator.
 */
import type { TableColumn } from '../../model/table';
import type { Unit } from '../../model/units';
import { parseNumber, ruleSpans, type Span } from '../shared/columns';

/** What one header column holds. */
export interface ReportColumn {
  title: string;
  /** `percent` / `count`: numeric hpp columns (right-aligned); `sortNumber`: a numeric sort key (CPU …); `text` otherwise. */
  type: 'percent' | 'count' | 'sortNumber' | 'text';
  unit: Unit;
  id: string;
  /** The Symbol column: its `[.] ` marker goes to a `level` column of its own. */
  symbol: boolean;
}

export interface Layout {
  columns: ReportColumn[];
  /** Spans from the dotted rule (absent: cut rows at runs of spaces). */
  spans?: Span[];
  /** `-t SEP`: fields separated by SEP. */
  separator?: string;
  /** Values per numeric cell (`--group`: one per member). */
  members: number;
  /** `--hierarchy`: one key column, rows indented by depth. */
  hierarchy: boolean;
}

const PERCENT_TITLES = new Set(['Overhead', 'Self', 'Children', 'Latency', 'sys', 'usr', 'guest sys', 'guest usr']);
const COUNT_TITLES = new Map<string, Unit>([
  ['Samples', 'samples'],
  ['Period', 'period'],
  ['Weight1', 'none'],
  ['Weight2', 'none'],
  ['Weight3', 'none'],
]);
/** Sort keys that print numbers (left- or right-aligned text in perf, numbers to us). */
const SORT_NUMBER_TITLES = new Set(['CPU', 'Socket', 'Local Weight', 'Weight', 'Symbol size', 'DSO size', 'Basic Block Cycles', 'BBCycles']);
const TEXT_IDS = new Map<string, string>([
  ['Command', 'comm'],
  ['Shared Object', 'dso'],
  ['Object', 'dso'],
  ['Symbol', 'symbol'],
  ['Source:Line', 'srcline'],
  ['Pid:Command', 'pid'],
  ['Tgid:Command', 'tgid'],
  ['Trace output', 'trace'],
]);

/** A `#` line that can only be a header: it starts with a numeric column's title. */
export const HEADER_START = /^#\s+(?:Overhead|Children|Self|Samples|Period|Latency)(?=[^A-Za-z0-9]|$)/;

export function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'column'
  );
}

export function classify(title: string): ReportColumn {
  if (PERCENT_TITLES.has(title)) return { title, type: 'percent', unit: 'percent', id: title === 'Overhead' ? 'overhead' : slug(title), symbol: false };
  const unit = COUNT_TITLES.get(title);
  if (unit) return { title, type: 'count', unit, id: slug(title), symbol: false };
  if (SORT_NUMBER_TITLES.has(title)) return { title, type: 'sortNumber', unit: 'none', id: slug(title), symbol: false };
  return { title, type: 'text', unit: 'none', id: TEXT_IDS.get(title) ?? slug(title), symbol: title === 'Symbol' };
}

/** Header titles at the rule's spans, when no title crosses a span's edge; undefined otherwise. */
function titlesAtSpans(header: string, spans: Span[]): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < spans.length; i++) {
    const { start, end } = spans[i];
    const last = i === spans.length - 1;
    if (start > 0 && header[start - 1] !== ' ' && header[start - 1] !== '#') return undefined;
    if (!last && end < header.length && header[end] !== ' ') return undefined;
    const t = (last ? header.slice(start) : header.slice(start, end)).trim();
    if (!t) return undefined;
    out.push(t);
  }
  return out;
}

/** Titles of a header cut at runs of two or more spaces (`IPC   [IPC Coverage]` is then two). */
function titlesBySpaces(header: string): string[] {
  return header
    .replace(/^#/, '')
    .trim()
    .split(/ {2,}|\t+/)
    .filter((t) => t.length > 0);
}

/**
 * The layout of a header and its dotted rule. `warn` is told when the header does not line up
 * with the rule (rows are then cut at runs of spaces).
 */
export function layoutFromRule(header: string, rule: string, warn: (msg: string) => void): Layout | undefined {
  const spans = ruleSpans(rule, '.');
  if (spans.length === 0) return undefined;
  let titles = titlesAtSpans(header, spans);
  let aligned = true;
  if (!titles) {
    aligned = false;
    titles = titlesBySpaces(header);
    if (titles.length !== spans.length) {
      warn(`the column header names ${titles.length} columns but its dotted rule has ${spans.length}: columns named from the header`);
    } else warn('the column header does not line up with its dotted rule: rows are cut at runs of spaces');
  }
  return finish(titles, aligned ? spans : undefined);
}

/** The layout of a header without a rule: `-t SEP` output, or a header kept without its rule. */
export function layoutFromHeader(header: string): Layout | undefined {
  const m = /^#\s+[A-Za-z][A-Za-z ]*?([^A-Za-z0-9 :/[\]().-])/.exec(header);
  if (m && m[1] !== '\t') {
    const sep = m[1];
    const titles = header.replace(/^#\s?/, '').split(sep).map((t) => t.trim());
    if (titles.length >= 2 && titles.every((t) => t.length > 0)) return { ...finish(titles, undefined), separator: sep };
  }
  const titles = titlesBySpaces(header);
  return titles.length > 0 ? finish(titles, undefined) : undefined;
}

function finish(titles: string[], spans: Span[] | undefined): Layout {
  const hierarchy = titles.length >= 1 && titles[titles.length - 1].includes(' / ');
  const columns = titles.map((t) => (hierarchy && t.includes(' / ') ? { title: t, type: 'text' as const, unit: 'none' as const, id: 'key', symbol: false } : classify(t)));
  // The same title twice (hand-edited tables): ids stay unique.
  const seen = new Map<string, number>();
  for (const c of columns) {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    if (n > 0) c.id = `${c.id}-${n + 1}`;
  }
  return { columns, spans, members: 1, hierarchy };
}

/**
 * The layout of headerless rows (`perf report -q`, text copied from the TUI): leading
 * percentages (Overhead, or Children and Self), integers (Samples), then text columns to the
 * symbol (`[.] name`), which ends the row.
 */
export function layoutFromRow(cells: string[]): Layout {
  const titles: string[] = [];
  let i = 0;
  let percents = 0;
  while (i < cells.length && /^\d+\.\d+%$/.test(cells[i])) {
    percents++;
    i++;
  }
  if (percents >= 2) titles.push('Children', 'Self');
  else titles.push('Overhead');
  for (let k = 2; k < percents; k++) titles.push(`Percent ${k + 1}`);
  if (i < cells.length && /^\d+$/.test(cells[i])) {
    titles.push('Samples');
    i++;
  }
  const rest = cells.length - i;
  const symbolAt = cells.findIndex((c, k) => k >= i && /^\[[.kguHsX]\] /.test(c));
  const names = symbolAt >= 0 ? (['Command', 'Shared Object'].slice(2 - (symbolAt - i)) as string[]) : [];
  if (symbolAt >= 0 && symbolAt - i <= 2) titles.push(...names, 'Symbol');
  else for (let k = 0; k < rest; k++) titles.push(`Column ${titles.length + 1}`);
  return finish(titles, undefined);
}

/** The table's columns: the Symbol column is split into its `[.]` level and the name. */
export function tableColumns(layout: Layout, memberNames: string[] | undefined): TableColumn[] {
  const out: TableColumn[] = [];
  for (const c of layout.columns) {
    if (c.type === 'percent' || c.type === 'count') {
      if (layout.members > 1) {
        for (let m = 0; m < layout.members; m++) {
          const member = memberNames?.[m] ?? `member ${m + 1}`;
          out.push({ kind: 'number', id: `${c.id}:${m + 1}`, label: `${c.title} (${member})`, unit: c.unit });
        }
      } else out.push({ kind: 'number', id: c.id, label: c.title, unit: c.unit });
    } else if (c.type === 'sortNumber') out.push({ kind: 'number', id: c.id, label: c.title, unit: c.unit });
    else if (c.symbol) {
      out.push({ kind: 'text', id: 'level', label: 'Level' });
      out.push({ kind: 'text', id: c.id, label: c.title });
    } else out.push({ kind: 'text', id: c.id, label: c.title });
  }
  if (layout.hierarchy) out.push({ kind: 'number', id: 'depth', label: 'Depth', unit: 'none' });
  return out;
}

/** The cells of a row cut by the layout; a string when the row does not fit (the reason). */
export type CutResult = string[] | string;

/** `line.slice(start, end).trim()` with one allocation (rows are most of a big report's strings). */
function sliceTrim(line: string, start: number, end: number): string {
  while (start < end && line.charCodeAt(start) <= 32) start++;
  while (end > start && line.charCodeAt(end - 1) <= 32) end--;
  return line.slice(start, end);
}

/** Cuts a row along the rule's spans; undefined when it does not line up (try `cutBySpaces`). */
export function cutAligned(line: string, layout: Layout): string[] | undefined {
  const spans = layout.spans!;
  const out: string[] = [];
  let shift = 0;
  const n = spans.length;
  for (let i = 0; i < n; i++) {
    const start = spans[i].start + shift;
    if (start > line.length) return undefined;
    if (i === n - 1) {
      out.push(sliceTrim(line, start, line.length));
      break;
    }
    let end = spans[i].end + shift;
    const col = layout.columns[i];
    if (col.type === 'percent' || col.type === 'count') {
      // A right-aligned number only grows to the right (a Period over 12 digits).
      while (end < line.length && line.charCodeAt(end) !== 32) end++;
    } else {
      // A text cell wider than its column (`-001` in a 3-wide CPU column) runs to the next gap.
      while (end < line.length && !(line.charCodeAt(end) === 32 && (end + 1 >= line.length || line.charCodeAt(end + 1) === 32))) end++;
    }
    if (start > 0 && line.charCodeAt(start - 1) !== 32 && line.charCodeAt(start - 1) !== 9) return undefined;
    shift = end - spans[i].end;
    out.push(sliceTrim(line, start, end));
  }
  return out;
}

/** Cuts a row at runs of two or more spaces (or TABs); numeric cells take one field per group member. */
export function cutBySpaces(line: string, layout: Layout): string[] | undefined {
  const fields: Array<{ text: string; start: number }> = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) fields.push({ text: m[0], start: m.index });
  const out: string[] = [];
  let f = 0;
  const cols = layout.columns;
  for (let i = 0; i < cols.length; i++) {
    if (f >= fields.length) return undefined;
    if (i === cols.length - 1) {
      out.push(line.slice(fields[f].start).trim());
      return out;
    }
    if ((cols[i].type === 'percent' || cols[i].type === 'count') && layout.members > 1) {
      const parts: string[] = [];
      // `59.21%  59.07%` is two fields; `59.21% 59.07%` (one space) is one.
      while (parts.length < layout.members && f < fields.length) parts.push(...fields[f++].text.split(' '));
      out.push(parts.join(' '));
    } else out.push(fields[f++].text);
  }
  return out;
}

export function cutBySeparator(line: string, layout: Layout): string[] | undefined {
  const parts = line.split(layout.separator!);
  const n = layout.columns.length;
  if (parts.length < n) return undefined;
  // A separator inside the last value (perf replaces it by '.', but not in every version).
  if (parts.length > n) parts.splice(n - 1, parts.length - n + 1, parts.slice(n - 1).join(layout.separator));
  return parts.map((p) => p.trim());
}

/** `12.34%` → 12.34; undefined unless the text is a percentage. */
export function parsePercent(text: string): number | undefined {
  const n = text.length;
  if (n < 2 || text.charCodeAt(n - 1) !== 37) return undefined;
  // `59.11%` as 5911 / 100: the same double Number('59.11') gives (both round the exact quotient),
  // without making a string per cell.
  let int = 0;
  let scale = 0;
  let dot = false;
  for (let i = 0; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && int < 1e15) {
      int = int * 10 + (c - 48);
      if (dot) scale++;
    } else if (c === 46 && !dot && i > 0) dot = true;
    else {
      const v = Number(text.slice(0, n - 1));
      return Number.isFinite(v) && /^-?\d/.test(text) ? v : undefined;
    }
  }
  if (dot && scale === 0) return undefined;
  return scale === 0 ? int : int / POW10[scale];
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A numeric cell: a percentage or a count (`N/A`, blank and `-` are null). */
export function parseCellNumber(text: string, percent: boolean): number | null | undefined {
  if (text === '' || text === 'N/A' || text === '-' || text === 'unknown') return null;
  if (percent) return parsePercent(text);
  return parseNumber(text);
}
