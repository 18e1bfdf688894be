/**
 * The tables view model: every table a parsed report holds, as the Tables panel shows them (sortable,
 * filterable, bars in share columns, rows linked to their lines). Each model kind says here which
 * tables it has; a new table format adds one case to `reportTables`.
 */
import { isPerfReport, perfReportStackProfile, type PerfReport } from '../model/perfReport';
import type { StackProfile } from '../model/profile';
import { isStackProfile, type ReportModel } from '../model/report';
import { isSyscallSummary, type SyscallSummary } from '../model/syscallSummary';
import { ebpfReportTables, runLogTables } from './ebpfTables';
import type { TablesView, ViewTable } from './viewTable';
import { functionStats } from './functionStats';
import type { PerfDiffModel } from '../model/perfDiff';
import { statBlockTable, statMetricGroupTable, type PerfStatModel, type StatBlock } from '../model/perfStat';

export type { TablesMeta, TablesView, ViewTable } from './viewTable';

/** Stack profiles: one row per function, with the weight on its stack (total) and as leaf (self). */
function functionTable(profile: StackProfile): ViewTable {
  const { functions, total } = functionStats(profile.tree);
  const share = (v: number): number => (total > 0 ? (100 * v) / total : 0);
  return {
    title: profile.event ? `functions (${profile.event})` : 'functions',
    columns: [
      { kind: 'text', id: 'function', label: 'Function' },
      { kind: 'number', id: 'totalShare', label: 'Total %', unit: 'percent' },
      { kind: 'number', id: 'selfShare', label: 'Self %', unit: 'percent' },
      { kind: 'number', id: 'total', label: 'Total', unit: profile.weight },
      { kind: 'number', id: 'self', label: 'Self', unit: profile.weight },
    ],
    keys: ['function'],
    // Functions are not lines of the file: line 0 (nothing to reveal).
    rows: functions.map((f) => ({ line: 0, cells: [f.name, share(f.total), share(f.self), f.total, f.self] })),
    bars: ['totalShare', 'selfShare'],
    sortBy: 'totalShare',
  };
}

/**
 * perf report: each event's rows as perf printed them (sorted by its first percentage, bars in the
 * percentage columns), then, when it has a call graph, the functions of its call tree.
 */
function perfReportTables(report: PerfReport): ViewTable[] {
  const out: ViewTable[] = [];
  for (const e of report.events) {
    const name = e.name || e.table.title;
    const percents = e.table.columns.filter((c) => c.kind === 'number' && c.unit === 'percent').map((c) => c.id);
    out.push({ ...e.table, title: `rows (${name})`, group: name, bars: percents, sortBy: percents[0] });
    const profile = e.callGraph ? perfReportStackProfile(report, e.name) : undefined;
    if (profile) out.push({ ...functionTable(profile), title: `call-graph functions (${name})`, group: name });
  }
  return out;
}

/** perf diff: one table per event, in perf's order (by the compute column); bars on the baseline shares. */
function diffTables(model: PerfDiffModel): ViewTable[] {
  return model.sections.map((s) => ({
    ...s.table,
    group: s.event,
    bars: s.table.columns.filter((_, i) => s.columnInfo[i].role === 'baseline').map((c) => c.id),
  }));
}

/** What a perf stat block measured, for table titles: the command, the target, or its place. */
function statBlockTitle(b: StatBlock, i: number, n: number): string {
  const what = b.command ?? b.target ?? (b.intervals.length > 0 ? 'intervals' : 'counters');
  return n > 1 ? `${i + 1}. ${what}` : what;
}

/**
 * perf stat: one table per block (counters, their noise and multiplexing share, the first metric),
 * and one of its metric groups (TopdownL1, --metric-only rows) when it has them.
 */
function statTables(model: PerfStatModel): ViewTable[] {
  return model.blocks.flatMap((b, i) => {
    const title = statBlockTitle(b, i, model.blocks.length);
    const out: ViewTable[] = [];
    if (b.counters.length > 0) {
      const t = statBlockTable(b, title);
      out.push({ ...t, group: b.intervals.length > 0 ? 'intervals' : 'counters', bars: t.columns.some((c) => c.id === 'running') ? ['running'] : undefined });
    }
    if (b.metricGroups.length > 0) out.push({ ...statMetricGroupTable(b, title), group: 'metrics' });
    return out;
  });
}

/**
 * Syscall summaries: each group's syscall table as parsed (rows are lines of the file), sorted by
 * total time, with bars on the share of time; and per group the errno counts of --errno-summary.
 */
function syscallTables(model: SyscallSummary): ViewTable[] {
  const tables: ViewTable[] = [];
  for (const g of model.groups) {
    const ids = g.table.columns.map((c) => c.id);
    const sortBy = ['total', 'share', 'calls'].find((id) => ids.includes(id));
    tables.push({ ...g.table, title: `syscalls of ${g.title}`, group: g.title, bars: ids.includes('share') ? ['share'] : [], ...(sortBy ? { sortBy } : {}) });
    if (g.errnos.length > 0) {
      tables.push({
        title: `errors of ${g.title} by errno`,
        group: g.title,
        columns: [
          { kind: 'text', id: 'syscall', label: 'syscall' },
          { kind: 'text', id: 'errno', label: 'errno' },
          { kind: 'number', id: 'count', label: 'count', unit: 'count' },
        ],
        keys: ['syscall', 'errno'],
        rows: g.errnos.map((e) => ({ line: e.line, cells: [e.syscall, e.errno, e.count] })),
        sortBy: 'count',
      });
    }
  }
  return tables;
}

/** The tables a model holds, or an empty list when it has none. */
export function reportTables(model: ReportModel): ViewTable[] {
  if (isStackProfile(model)) return [functionTable(model)];
  if (isPerfReport(model)) return perfReportTables(model);
  if (model.kind === 'perf-diff') return diffTables(model);
  if (model.kind === 'perf-stat') return statTables(model);
  if (isSyscallSummary(model)) return syscallTables(model);
  if (model.kind === 'ebpf') return ebpfReportTables(model);
  if (model.kind === 'run-log') return runLogTables(model);
  return [];
}

export function tablesView(model: ReportModel, title: string): TablesView | undefined {
  const tables = reportTables(model);
  if (tables.length === 0) return undefined;
  return {
    meta: { title, format: model.format, facts: model.facts, warnings: model.warnings, droppedWarnings: model.droppedWarnings },
    tables,
  };
}
