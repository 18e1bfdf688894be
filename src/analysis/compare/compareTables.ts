/**
 * Table reports compared across runs (syscall summaries, eBPF tables, perf stat, perf report rows):
 * each run's tables matched to the baseline's (by title with numbers masked, so `tcpzc2 (10500)`
 * meets `tcpzc2 (10712)`; else by position), each match compared with diffTables.
 */
import type { HeaderFacts } from '../../model/reportBase';
import type { ViewTable } from '../reportTables';
import type { RunFacts } from '../../model/runLog';
import { compareFacts, compareRunFacts } from './facts';
import { diffTables } from './tableDiff';
import { RUN_METRICS_GROUP, RUN_METRICS_PREFIX } from '../ebpfTables';
import { counterpartTable } from './tableMatch';

export interface TableRun {
  label: string;
  /** The run's own name when the label is another (a run log's banner name): repeats are grouped by it. */
  name?: string;
  tables: ViewTable[];
  facts: HeaderFacts;
  /** A run inside one run log: what its name says (kernel, date, cores, flows, variant). */
  runFacts?: RunFacts;
}

export interface TableComparison {
  labels: string[];
  baseline: number;
  tables: ViewTable[];
  /** Baseline tables no other run has a counterpart for. */
  unmatched: string[];
  factWarnings: string[];
  /** Runs inside one run log: per run (as `labels`), what its name says. */
  runFacts?: RunFacts[];
  /** The first table is the statistics over repeated runs (metricRepeats.ts). */
  statistics?: boolean;
}

export function compareTableRuns(runs: readonly TableRun[], baseline = 0): TableComparison {
  const base = runs[baseline];
  const tables: ViewTable[] = [];
  const unmatched: string[] = [];
  base.tables.forEach((t, i) => {
    const matches = runs.map((r, ri) => (ri === baseline ? t : counterpartTable(r.tables, base.tables, i)));
    if (matches.some((m) => !m)) {
      unmatched.push(t.group ? `${t.group} — ${t.title}` : t.title);
      return;
    }
    try {
      const diff = diffTables(runs.map((r, ri) => ({ label: r.label, table: matches[ri]! })), { baseline, sortBy: t.sortBy });
      // sortBy keeps the original column id: the chart of this comparison starts on it (total time for syscalls).
      tables.push({ ...diff, group: t.group, title: t.title, sortBy: t.sortBy });
    } catch {
      unmatched.push(t.group ? `${t.group} — ${t.title}` : t.title);
    }
  });
  // Tables whose rows meet in every run first (a run log's metrics before its run matrix, whose
  // rows are runs and so never meet across files).
  const meets = (t: ViewTable): boolean => t.rows.some((r) => r.cells[r.cells.length - 1] === 'all runs');
  const ordered = [...tables.filter(meets), ...tables.filter((t) => !meets(t))];
  const withNames = runs.every((r) => r.runFacts) ? runs.map((r) => r.runFacts!) : undefined;
  const factWarnings = [...compareFacts(runs), ...(withNames ? compareRunFacts(runs.map((r, i) => ({ label: r.label, facts: withNames[i] }))) : [])];
  return { labels: runs.map((r) => r.label), baseline, tables: ordered, unmatched, factWarnings, runFacts: withNames };
}

/**
 * The runs inside one run-metric log as runs to compare (seed 000: 8 vs 16 vs 20 cores): each
 * run's metrics table, so the comparison is the matrix of metrics x runs with deltas against the
 * baseline run. Empty when the file has fewer than two runs with metrics.
 */
export function runsWithinOneLog(tables: readonly ViewTable[], facts: HeaderFacts): TableRun[] {
  const runs = tables
    .filter((t) => t.group === RUN_METRICS_GROUP && t.title.startsWith(RUN_METRICS_PREFIX))
    .map((t) => ({ label: t.title.slice(RUN_METRICS_PREFIX.length), name: t.title.slice(RUN_METRICS_PREFIX.length), tables: [{ ...t, title: 'metrics' }], facts, runFacts: t.runFacts }));
  return runs.length >= 2 ? runs : [];
}
