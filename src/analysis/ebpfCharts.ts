/**
 * What the eBPF charts draw, as plain data: the top functions of a table by total time, and a
 * metric (or a function's figure) against core count, one series per variant — the seed's scaling
 * question (8 vs 16 vs 20 cores). A chart panel renders these; tests check them here.
 */
import type { EbpfTable } from '../model/ebpfTable';
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
  return table.stats
    .filter((s) => s.totalNs !== undefined)
    .map((s) => ({ key: s.key, totalNs: s.totalNs!, share: s.share ?? 0, line: s.line }))
    .sort((a, b) => b.totalNs - a.totalNs || (a.key < b.key ? -1 : 1))
    .slice(0, n);
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
