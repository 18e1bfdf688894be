/**
 * What the eBPF charts draw, as plain data: the top functions of a table by total time, and a
 * metric (or a function's figure) against core count, one series per variant — the seed's scaling
 * question (8 vs 16 vs 20 cores). A chart panel renders these; tests check them here.
 */
import type { EbpfTable } from '../model/ebpfTable';
import { ebpfNumber, ebpfRowStats } from '../model/ebpfRows';
import type { RunLog } from '../model/runLog';
import { runMatrix, type FunctionFigure } from './runMatrix';

export interface TopFunction {
  key: string;
  totalNs: number;
  /** Share of the table's total time, 0..1. */
  share: number;
  line: number;
}

/** The `n` functions with the most total time, largest first (rows without a total are left out). */
export function topFunctionsByTime(table: EbpfTable, n = 10): TopFunction[] {
  const byTotal = (a: TopFunction, b: TopFunction) => b.totalNs - a.totalNs || (a.key < b.key ? -1 : 1);
  // The top n kept as rows go by: a table of a million rows makes no million objects here.
  const top: TopFunction[] = [];
  const { at, nsPer } = table;
  for (let r = 0; r < table.table.rowCount; r++) {
    const total = ebpfNumber(table, at.total, r);
    if (total === undefined || !nsPer.total) continue;
    const totalNs = total * nsPer.total;
    if (top.length === n && totalNs < top[n - 1].totalNs) continue;
    const s = ebpfRowStats(table, r);
    top.push({ key: s.key, totalNs, share: s.share ?? 0, line: s.line });
    top.sort(byTotal);
    if (top.length > n) top.pop();
  }
  return top;
}

export interface ScalingSeries {
  variant: string;
  /** Ordered by cores; runs without a core count or without the value are left out. */
  points: { cores: number; value: number; run: number; line: number }[];
}

/** A metric id (`Throughput`) or `fn:<function>` with a figure, against cores, per variant. */
export function scalingSeries(log: RunLog, what: { metric: string } | { function: string; figure?: FunctionFigure }): ScalingSeries[] {
  const m =
    'metric' in what
      ? runMatrix(log, { metrics: [what.metric] })
      : runMatrix(log, { metrics: [], functions: [what.function], ...(what.figure ? { functionFigure: what.figure } : {}) });
  return m.groups.map((g) => ({
    variant: g.name,
    points: g.rows.flatMap((r) => (r.cores !== undefined && r.values[0] !== null ? [{ cores: r.cores, value: r.values[0], run: r.run, line: r.line }] : [])),
  }));
}
