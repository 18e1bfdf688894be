/**
 * What the comparison chart and table show (pure, tested without a canvas): per syscall each
 * side's value of the metric, grouped bars for the top N syscalls (by the baseline's value, then
 * the others'), and a table with every side's value, delta and ratio to the baseline
 * (analysis/syscallCompare does the arithmetic, the same as `perflens diff`).
 */
import { compareSyscallRows, sideName, type SyscallComparison } from '../../src/analysis/syscallCompare';
import type { Table, TableColumn } from '../../src/model/table';
import type { SyscallCompareSide, SyscallCompareSource, SyscallCostGroup, SyscallCostMetric } from '../../src/protocol';

export interface CompareChart {
  labels: string[];
  /** One dataset per side, values in `unit`. */
  datasets: { name: string; label: string; values: (number | null)[] }[];
  unit: string;
  axis: string;
  comparison: SyscallComparison;
  table: Table;
}

const TIME: Partial<Record<SyscallCostMetric, string>> = { total: 'total time', avg: 'avg time per call', max: 'max time per call' };

export function sideGroup(sources: readonly SyscallCompareSource[], side: SyscallCompareSide): SyscallCostGroup | undefined {
  const s = sources[side.source];
  return s && (side.group < 0 ? (s.merged ?? s.groups[0]) : s.groups[side.group]);
}

export function sideLabel(sources: readonly SyscallCompareSource[], side: SyscallCompareSide): string {
  const s = sources[side.source];
  const g = sideGroup(sources, side);
  return s && g ? (s.groups.length > 1 || sources.length === 1 ? `${s.label}: ${g.title}` : s.label) : '?';
}

export function compareChart(sources: readonly SyscallCompareSource[], sides: readonly SyscallCompareSide[], baseline: number, metric: SyscallCostMetric, top: number): CompareChart {
  const comparison = compareSyscallRows(
    sides.map((side) => ({ label: sideLabel(sources, side), rows: sideGroup(sources, side)?.rows ?? [] })),
    baseline,
  );
  const value = (i: number, side: number) => comparison.rows[i].values[side][metric].value;
  const order = comparison.rows.map((_, i) => i).filter((i) => sides.some((_, s) => value(i, s) !== undefined));
  const best = (i: number) => value(i, baseline) ?? Math.max(...sides.map((_, s) => value(i, s) ?? 0));
  order.sort((a, b) => best(b) - best(a));
  const shown = top > 0 ? order.slice(0, top) : order;
  const isTime = metric in TIME;
  const max = Math.max(0, ...shown.flatMap((i) => sides.map((_, s) => value(i, s) ?? 0)));
  const [unit, divisor] = !isTime ? [metric, 1] : max >= 1e6 ? ['s', 1e6] : max >= 1e3 ? ['ms', 1e3] : ['µs', 1];
  const datasets = sides.map((_, s) => ({
    name: comparison.sides[s].name,
    label: comparison.sides[s].label,
    values: shown.map((i) => {
      const v = value(i, s);
      return v === undefined ? null : v / divisor;
    }),
  }));
  return { labels: shown.map((i) => comparison.rows[i].syscall), datasets, unit, axis: isTime ? `${TIME[metric]} (${unit})` : metric, comparison, table: compareTable(comparison, metric, order) };
}

/** Every side's value, and for the others their delta and ratio to the baseline (times in µs). */
function compareTable(c: SyscallComparison, metric: SyscallCostMetric, order: number[]): Table {
  const unit = metric in TIME ? 'us' : 'count';
  const columns: TableColumn[] = [{ kind: 'text', id: 'syscall', label: 'syscall' }];
  c.sides.forEach((s, i) => {
    columns.push({ kind: 'number', id: `v${i}`, label: i === c.baseline ? `${s.name} (baseline)` : s.name, unit });
    if (i !== c.baseline) columns.push({ kind: 'number', id: `d${i}`, label: `Δ ${s.name}`, unit }, { kind: 'number', id: `r${i}`, label: `${s.name} / ${sideName(c.baseline)}`, unit: 'ratio' });
  });
  const rows = order.map((r) => {
    const row = c.rows[r];
    const cells: (string | number | null)[] = [row.syscall];
    row.values.forEach((v, i) => {
      cells.push(v[metric].value ?? null);
      if (i !== c.baseline) cells.push(v[metric].delta ?? null, v[metric].ratio ?? null);
    });
    return { line: 0, cells };
  });
  return { title: `${metric} compared`, columns, keys: ['syscall'], rows };
}
