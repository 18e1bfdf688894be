/**
 * The Syscall Costs view model: per group (thread, process, personality table) and merged over all
 * groups, each syscall's calls, errors, total / avg / max time (µs) and share of the time, with its
 * line in the file. Small and plain: it crosses from the worker to the webview.
 */
import type { ParseWarning } from '../model/diagnostics';
import type { FormatId } from '../model/format';
import type { HeaderFacts } from '../model/reportBase';
import { syscallRows, type SyscallSummary } from '../model/syscallSummary';
import { mergeSyscallRows } from './syscallCompare';

export interface SyscallCostRow {
  syscall: string;
  /** 1-based line of the row (0 for merged rows: they are no line of the file). */
  line: number;
  calls?: number;
  errors?: number;
  /** µs. */
  total?: number;
  /** µs per call: total / calls when both are printed, else the printed avg. */
  avg?: number;
  max?: number;
  /** % of the group's total time. */
  share?: number;
}

export interface SyscallCostGroup {
  title: string;
  rows: SyscallCostRow[];
  /** Sums over the rows (undefined where no row has the column). */
  calls?: number;
  errors?: number;
  total?: number;
}

export interface SyscallCostsMeta {
  title: string;
  format: FormatId;
  tool: SyscallSummary['tool'];
  facts: HeaderFacts;
  warnings: ParseWarning[];
  droppedWarnings: number;
}

export interface SyscallCostsView {
  meta: SyscallCostsMeta;
  groups: SyscallCostGroup[];
  /** All groups merged (present when there are two or more). */
  merged?: SyscallCostGroup;
}

function costGroup(title: string, rows: SyscallCostRow[]): SyscallCostGroup {
  const sum = (k: 'calls' | 'errors' | 'total') => (rows.some((r) => r[k] !== undefined) ? rows.reduce((s, r) => s + (r[k] ?? 0), 0) : undefined);
  const total = sum('total');
  for (const r of rows) {
    if (r.total !== undefined && r.calls) r.avg = r.total / r.calls;
    if (r.share === undefined && r.total !== undefined && total !== undefined) r.share = total > 0 ? (100 * r.total) / total : 0;
  }
  rows.sort((a, b) => (b.total ?? b.share ?? b.calls ?? 0) - (a.total ?? a.share ?? a.calls ?? 0));
  const g: SyscallCostGroup = { title, rows };
  for (const k of ['calls', 'errors', 'total'] as const) {
    const v = k === 'total' ? total : sum(k);
    if (v !== undefined) g[k] = v;
  }
  return g;
}

function plainRow(r: { syscall: string; line: number; calls?: number; errors?: number; total?: number; avg?: number; max?: number; share?: number }): SyscallCostRow {
  const out: SyscallCostRow = { syscall: r.syscall, line: r.line };
  for (const k of ['calls', 'errors', 'total', 'avg', 'max', 'share'] as const) if (r[k] !== undefined) out[k] = r[k];
  return out;
}

export function syscallCostsView(model: SyscallSummary, title: string): SyscallCostsView | undefined {
  if (model.groups.length === 0) return undefined;
  const groups = model.groups.map((g) => costGroup(g.title, syscallRows(g).map(plainRow)));
  const view: SyscallCostsView = {
    meta: { title, format: model.format, tool: model.tool, facts: model.facts, warnings: model.warnings, droppedWarnings: model.droppedWarnings },
    groups,
  };
  if (model.groups.length > 1) view.merged = costGroup(`all ${model.groups.length} merged`, mergeSyscallRows(model.groups).map((r) => plainRow({ ...r, line: 0 })));
  return view;
}
