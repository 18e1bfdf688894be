/**
 * Syscall costs compared between runs (or threads): per syscall, each side's calls, errors, total,
 * avg and max time, with the delta and ratio against a chosen baseline side. Pure: the CLI prints
 * it (`perflens diff`), a panel can draw it.
 */
import { syscallRows, type SyscallGroup, type SyscallRowValues } from '../model/syscallSummary';

/**
 * The measures compared; times in µs. `avg` is total / calls whenever both are printed (exact at
 * the printed precision, and the same for files with and without an avg column: perf prints
 * total = calls × avg, strace usecs/call = total / calls truncated), else the printed avg.
 */
export const COMPARED_METRICS = ['calls', 'errors', 'total', 'avg', 'max'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

export interface ComparedSide {
  /** `A`, `B` … */
  name: string;
  /** What the side is: `run1.txt: tcpzc2 (14342)`. */
  label: string;
  /** Metric totals of the side (calls, errors, total time); undefined when the file lacks the column. */
  totals: Partial<Record<'calls' | 'errors' | 'total', number>>;
}

export interface ComparedValue {
  value?: number;
  /** value - baseline value (undefined when either is missing). */
  delta?: number;
  /** value / baseline value (undefined when either is missing or the baseline is 0). */
  ratio?: number;
}

export interface ComparedSyscall {
  syscall: string;
  /** One entry per side, per metric. */
  values: Record<ComparedMetric, ComparedValue>[];
  /** Whether a side has no row for the syscall. */
  missing: boolean[];
}

export interface SyscallComparison {
  sides: ComparedSide[];
  baseline: number;
  /** Metrics that at least one side has. */
  metrics: ComparedMetric[];
  /** Sorted by the baseline's total time (then calls), syscalls the baseline lacks last. */
  rows: ComparedSyscall[];
}

export interface SideInput {
  label: string;
  /** One group, or several merged (a file's threads as one). */
  groups: readonly Pick<SyscallGroup, 'table'>[];
}

/** Several groups as one (a file's threads merged): sums, min of mins, max of maxes, avg = total / calls. */
export function mergeSyscallRows(groups: readonly Pick<SyscallGroup, 'table'>[]): SyscallRowValues[] {
  const by = new Map<string, SyscallRowValues>();
  for (const g of groups) {
    for (const r of syscallRows(g)) {
      const m = by.get(r.syscall);
      if (!m) {
        by.set(r.syscall, { ...r, stddev: undefined, share: undefined, avg: groups.length > 1 ? undefined : r.avg });
        continue;
      }
      m.calls = add(m.calls, r.calls);
      m.errors = add(m.errors, r.errors);
      m.total = add(m.total, r.total);
      m.min = pick(m.min, r.min, Math.min);
      m.max = pick(m.max, r.max, Math.max);
    }
  }
  return [...by.values()];
}

function add(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : a + b;
}

function pick(a: number | undefined, b: number | undefined, f: (x: number, y: number) => number): number | undefined {
  return a === undefined ? b : b === undefined ? a : f(a, b);
}

function metricOf(r: SyscallRowValues | undefined, m: ComparedMetric): number | undefined {
  if (!r) return undefined;
  if (m === 'avg') return r.total !== undefined && r.calls ? r.total / r.calls : r.avg;
  return r[m];
}

export function compareSyscalls(inputs: readonly SideInput[], baseline = 0): SyscallComparison {
  return compareSyscallRows(
    inputs.map((s) => ({ label: s.label, rows: mergeSyscallRows(s.groups) })),
    baseline,
  );
}

/** The comparison of sides given as rows (one per syscall), e.g. a panel's per-group rows. */
export function compareSyscallRows(inputs: readonly { label: string; rows: readonly SyscallRowValues[] }[], baseline = 0): SyscallComparison {
  if (inputs.length < 2) throw new Error('a comparison needs at least two sides');
  if (!(baseline >= 0 && baseline < inputs.length)) throw new Error(`baseline ${baseline + 1} is not one of the ${inputs.length} sides`);
  const rowsBySide = inputs.map((s) => new Map(s.rows.map((r) => [r.syscall, r])));
  const sides: ComparedSide[] = inputs.map((s, i) => {
    const rows = [...rowsBySide[i].values()];
    const sum = (m: 'calls' | 'errors' | 'total') => (rows.some((r) => r[m] !== undefined) ? rows.reduce((a, r) => a + (r[m] ?? 0), 0) : undefined);
    const totals: ComparedSide['totals'] = {};
    for (const m of ['calls', 'errors', 'total'] as const) {
      const v = sum(m);
      if (v !== undefined) totals[m] = v;
    }
    return { name: sideName(i), label: s.label, totals };
  });
  const metrics = COMPARED_METRICS.filter((m) => rowsBySide.some((rows) => [...rows.values()].some((r) => metricOf(r, m) !== undefined)));
  const names: string[] = [];
  const seen = new Set<string>();
  for (const rows of [rowsBySide[baseline], ...rowsBySide]) {
    for (const name of rows.keys()) {
      if (seen.has(name)) continue;
      seen.add(name);
      names.push(name);
    }
  }
  const base = rowsBySide[baseline];
  const rank = (name: string) => {
    const r = base.get(name) ?? rowsBySide.map((rows) => rows.get(name)).find((x) => x !== undefined)!;
    return [base.has(name) ? 0 : 1, -(r.total ?? -1), -(r.calls ?? -1)];
  };
  names.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const rows = names.map((syscall): ComparedSyscall => {
    const baseRow = base.get(syscall);
    return {
      syscall,
      missing: rowsBySide.map((rows) => !rows.has(syscall)),
      values: rowsBySide.map((rows) => {
        const r = rows.get(syscall);
        const out = {} as Record<ComparedMetric, ComparedValue>;
        for (const m of COMPARED_METRICS) {
          const value = metricOf(r, m);
          const b = metricOf(baseRow, m);
          const v: ComparedValue = {};
          if (value !== undefined) v.value = value;
          if (value !== undefined && b !== undefined) {
            v.delta = value - b;
            if (b !== 0) v.ratio = value / b;
          }
          out[m] = v;
        }
        return out;
      }),
    };
  });
  return { sides, baseline, metrics, rows };
}

/** `A`, `B`, … `Z`, `S27` … */
export function sideName(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `S${i + 1}`;
}

/**
 * The groups of a summary that `selector` names: a group title (`tcpzc2 (10500)`), a tid, a comm
 * that names one group, or `all` (every group, to be merged). Throws with the choices otherwise.
 */
export function selectSyscallGroups(groups: readonly SyscallGroup[], selector: string): SyscallGroup[] {
  if (selector === 'all') return [...groups];
  const byTitle = groups.filter((g) => g.title === selector);
  if (byTitle.length > 0) return byTitle.slice(0, 1);
  const byTid = groups.filter((g) => /^\d+$/.test(selector) && g.header.tid === Number(selector));
  if (byTid.length === 1) return byTid;
  const byComm = groups.filter((g) => g.header.comm === selector);
  if (byComm.length === 1) return byComm;
  const choices = groups.map((g) => `'${g.title}'`).join(', ');
  throw new Error(byComm.length > 1 ? `'${selector}' names ${byComm.length} groups; pick one by tid: ${choices}` : `no group '${selector}'; the groups are ${choices} (or 'all')`);
}
