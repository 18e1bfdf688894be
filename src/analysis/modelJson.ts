/**
 * The JSON form of a parsed model (`perflens parse`): plain objects, maps as sorted arrays.
 * `schemaVersion` changes whenever a field changes meaning or goes away, so scripts can check it.
 */
import type { CallTree } from '../model/callTree';
import { isPerfReport } from '../model/perfReport';
import { isStackProfile, type ReportModel } from '../model/report';
import { foldedStacks, sortedStackEntries } from './folded';
import { tableJson } from './tableJson';
import { isSyscallSummary, type SyscallGroup } from '../model/syscallSummary';
import type { Table, TableRow } from '../model/table';
import type { EbpfColumnInfo, EbpfTable } from '../model/ebpfTable';
import { ebpfAllRowStats, ebpfPlainTable } from '../model/ebpfRows';

export const MODEL_JSON_SCHEMA_VERSION = 1;

/** A call tree as folded stacks: compact, diffable and what other tools read. */
function stacksJson(tree: CallTree): Array<{ stack: string; count: number }> {
  return sortedStackEntries(foldedStacks(tree)).map(([stack, count]) => ({ stack, count }));
}

export function reportModelJson(model: ReportModel): object {
  if (isStackProfile(model)) {
    const { tree, ...rest } = model;
    return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...rest, stacks: stacksJson(tree) };
  }
  if (isPerfReport(model)) {
    const events = model.events.map(({ callGraph, ...event }) => {
      if (!callGraph) return event;
      const { tree, ...graph } = callGraph;
      return { ...event, callGraph: { ...graph, total: tree.columns[0]?.total[0] ?? 0, stacks: stacksJson(tree) } };
    });
    return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...model, events };
  }
  if (model.kind === 'perf-diff') {
    return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...model, sections: model.sections.map(({ table, ...s }) => ({ ...s, ...tableJson(table) })) };
  }
  if (isSyscallSummary(model)) {
    // Rows as objects keyed by column id: what scripts want (`jq '.groups[].rows[] | .syscall'`).
    return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...model, groups: model.groups.map(syscallGroupJson) };
  }
  if (model.kind === 'ebpf') {
    // JSON has no Infinity: open-ended histogram buckets (`(..., 0)`, `[100, ...)`) print a null bound.
    const histograms = model.histograms.map((h) => ({ ...h, buckets: h.buckets.map((b) => ({ ...b, low: finiteOrNull(b.low), high: finiteOrNull(b.high) })) }));
    return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...model, tables: model.tables.map(ebpfTableJson), histograms };
  }
  if (model.kind === 'run-log') {
    return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...model, runs: model.runs.map((run) => ({ ...run, tables: run.tables.map(ebpfTableJson) })) };
  }
  return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...(model as object) };
}

/** An eBPF table as rows and per-row figures (the model keeps columns; JSON readers want rows). */
function ebpfTableJson(t: EbpfTable): object {
  const { title, line, endLine, unitOfWork, totalNs } = t;
  return {
    title,
    line,
    endLine,
    table: ebpfPlainTable(t),
    // `figure` says how derived cells are computed: the rows below carry them already.
    columns: t.columns.map((c) => omitFigure(c)),
    stats: ebpfAllRowStats(t),
    ...(unitOfWork !== undefined ? { unitOfWork } : {}),
    ...(totalNs !== undefined ? { totalNs } : {}),
  };
}

function omitFigure(c: EbpfColumnInfo): Omit<EbpfColumnInfo, 'figure'> {
  const copy = { ...c };
  delete copy.figure;
  return copy;
}

function syscallGroupJson(group: SyscallGroup): object {
  const { table, totalRow, ...rest } = group;
  return {
    ...rest,
    columns: table.columns.map((c) => (c.kind === 'number' ? { id: c.id, label: c.label, unit: c.unit } : { id: c.id, label: c.label })),
    rows: table.rows.map((r) => rowJson(table, r)),
    ...(totalRow ? { totalRow: rowJson(table, totalRow) } : {}),
  };
}

function rowJson(table: Table, row: TableRow): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = { line: row.line };
  table.columns.forEach((c, i) => (out[c.id] = row.cells[i]));
  return out;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
