/**
 * `perf stat --metric-only` (and the old `--topdown` table): a line of metric units, right-aligned
 * in columns (`print_metric_header`, `"%*s "`), then lines of values right-aligned under them, with
 * an optional `-I` time and aggregation prefix. A value belongs to the unit whose column ends where
 * the value ends (nearest end).
 */
import type { StatAggregate } from '../../model/perfStat';
import { aggregateAt } from './aggregate';
import { parseLocaleNumber } from '../shared/columns';

export interface MetricOnlyHeader {
  /** Units with the column where each ends. */
  units: { text: string; end: number }[];
  line: number;
}

export interface MetricOnlyRow {
  time?: number;
  aggregate?: StatAggregate;
  metrics: { value: number; unit: string; text: string }[];
}

/** Titles separated by two or more blanks (units have single spaces: `insn per cycle`). */
export function matchMetricOnlyHeader(line: string, lineNo: number): MetricOnlyHeader | undefined {
  const units: { text: string; end: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) units.push({ text: m[0], end: m.index + m[0].length });
  // Units are words (`GHz`, `insn per cycle`, `%  tma_retiring` …), never numbers; perf's own `#` lines are comments.
  if (units.length === 0 || units.length > 200 || units.some((u) => /^[-+]?[\d.,]+%?$/.test(u.text)) || line.trimStart().startsWith('#')) return undefined;
  if (!units.every((u) => /[A-Za-z%/]/.test(u.text))) return undefined;
  return { units, line: lineNo };
}

const TIME = /^\d+[.,]\d{9}$/;

/** A values line under `header`, or undefined when the line is not one (or a value has no column). */
export function matchMetricOnlyRow(line: string, header: MetricOnlyHeader): MetricOnlyRow | undefined {
  const tokens: { text: string; end: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) tokens.push({ text: m[0], end: m.index + m[0].length });
  let i = 0;
  const row: MetricOnlyRow = { metrics: [] };
  if (tokens.length > 1 && TIME.test(tokens[0].text)) row.time = parseLocaleNumber(tokens[i++].text, false);
  const aggr = aggregateAt(
    tokens.map((t) => t.text),
    i,
  );
  if (aggr) {
    row.aggregate = aggr.aggregate;
    i += aggr.used;
  }
  if (i >= tokens.length) return undefined;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    const value = parseLocaleNumber(t.text, false);
    if (value === undefined) return undefined;
    let best = -1;
    for (let u = 0; u < header.units.length; u++) if (best < 0 || Math.abs(header.units[u].end - t.end) < Math.abs(header.units[best].end - t.end)) best = u;
    // A value far from every column end is not under this header.
    if (best < 0 || Math.abs(header.units[best].end - t.end) > 3) return undefined;
    const unit = header.units[best].text;
    row.metrics.push({ value, unit, text: `${t.text} ${unit}` });
  }
  return row;
}
