/**
 * Builds one SyscallGroup of a syscall summary (strace -c, perf trace -s) row by row and checks it
 * the way the tools compute it: the total row against the sum of the rows, each row's total
 * against calls × avg, printed shares against the times, errno lines against the errors. Every
 * mismatch beyond the printed rounding is a warning on the line that disagrees.
 */
import type { WarningLog } from '../../model/diagnostics';
import { SYSCALL_COLUMN_IDS, type SyscallColumnId, type SyscallErrno, type SyscallGroup } from '../../model/syscallSummary';
import type { TableCell, TableColumn, TableRow } from '../../model/table';
import type { Unit } from '../../model/units';

const COLUMN: Record<SyscallColumnId, { label: string; unit?: Unit }> = {
  syscall: { label: 'syscall' },
  calls: { label: 'calls', unit: 'count' },
  errors: { label: 'errors', unit: 'count' },
  total: { label: 'total (µs)', unit: 'us' },
  min: { label: 'min (µs)', unit: 'us' },
  avg: { label: 'avg (µs)', unit: 'us' },
  max: { label: 'max (µs)', unit: 'us' },
  stddev: { label: 'stddev (%)', unit: 'percent' },
  share: { label: '% time', unit: 'percent' },
  wallTotal: { label: 'wall total (µs)', unit: 'us' },
  wallMin: { label: 'wall min (µs)', unit: 'us' },
  wallMax: { label: 'wall max (µs)', unit: 'us' },
  wallAvg: { label: 'wall avg (µs)', unit: 'us' },
};

/** Values of one row by column id (numbers already in µs / counts / percent). */
export type SyscallCells = Partial<Record<SyscallColumnId, number | string | null>>;

/** How precisely the tool prints, in µs: `time` for total/min/max, `avg` for the per-call mean. */
export interface PrintedPrecision {
  time: number;
  avg: number;
  /** strace truncates usecs/call; perf rounds avg to the msec's third decimal. */
  avgTruncated: boolean;
}

/** `x` seconds / msec / … as µs, rounded to the nanosecond (printed values are decimal). */
export function toMicroseconds(value: number, usPerUnit: number): number {
  return Math.round(value * usPerUnit * 1000) / 1000;
}

export class SyscallGroupBuilder {
  private readonly ids: SyscallColumnId[];
  private readonly rows: TableRow[] = [];
  private readonly errnos: SyscallErrno[] = [];
  private totalRow: TableRow | undefined;
  endLine: number;

  constructor(
    private readonly meta: Pick<SyscallGroup, 'title' | 'scope' | 'header' | 'line' | 'bpf'>,
    /** The columns the file printed, in any order (share included when printed). */
    printed: readonly SyscallColumnId[],
    private readonly precision: PrintedPrecision,
  ) {
    const has = new Set(printed);
    // `share` is computed when the file gives total times but no percentages.
    if (has.has('total')) has.add('share');
    this.ids = SYSCALL_COLUMN_IDS.filter((id) => has.has(id));
    this.endLine = meta.line;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  has(id: SyscallColumnId): boolean {
    return this.ids.includes(id);
  }

  /** Where column `id` goes in a row's cells (-1: not a column of this table). */
  slot(id: SyscallColumnId): number {
    return this.ids.indexOf(id);
  }

  /** An empty row's cells, to fill by `slot` and pass to `addCells` (rows of big tables without per-row objects). */
  emptyCells(): TableCell[] {
    return new Array<TableCell>(this.ids.length).fill(null);
  }

  addCells(cells: TableCell[], line: number): void {
    this.rows.push({ line, cells });
    this.endLine = line;
  }

  addRow(cells: SyscallCells, line: number): void {
    this.addCells(
      this.ids.map((id) => cells[id] ?? null),
      line,
    );
  }

  setTotal(cells: SyscallCells, line: number): void {
    this.totalRow = { line, cells: this.ids.map((id) => (id === 'syscall' ? 'total' : (cells[id] ?? null))) };
    this.endLine = line;
  }

  addErrno(errno: string, count: number, line: number): boolean {
    const last = this.rows.at(-1);
    if (!last) return false;
    this.errnos.push({ syscall: String(last.cells[0]), errno, count, line });
    this.endLine = line;
    return true;
  }

  /** The group, with shares filled in and every check run. */
  finish(warnings: WarningLog): SyscallGroup {
    const col = (id: SyscallColumnId) => this.ids.indexOf(id);
    const num = (row: TableRow, id: SyscallColumnId) => {
      const i = col(id);
      const v = i < 0 ? null : row.cells[i];
      return typeof v === 'number' ? v : undefined;
    };
    const sum = (id: SyscallColumnId) => this.rows.reduce((s, r) => s + (num(r, id) ?? 0), 0);
    const totalTime = sum('total');
    this.checkRows(num);
    this.fillShares(num, totalTime);
    for (const w of this.pendingWarnings.sort((a, b) => a.line - b.line)) warnings.add(w.line, w.message);
    this.pendingWarnings = [];
    this.checkTotalRow(num, sum, warnings);
    this.checkErrnos(num, warnings);
    const columns: TableColumn[] = this.ids.map((id) => (id === 'syscall' ? { kind: 'text', id, label: COLUMN[id].label } : { kind: 'number', id, label: COLUMN[id].label, unit: COLUMN[id].unit! }));
    return {
      ...this.meta,
      endLine: this.endLine,
      table: { title: this.meta.title, columns, keys: ['syscall'], rows: this.rows },
      errnos: this.errnos,
      ...(this.totalRow ? { totalRow: this.totalRow } : {}),
    };
  }

  private pendingWarnings: { line: number; message: string }[] = [];

  /** Per row: errors ≤ calls, min ≤ avg ≤ max, total ≈ calls × avg. */
  private checkRows(num: (r: TableRow, id: SyscallColumnId) => number | undefined): void {
    const { time, avg: avgStep, avgTruncated } = this.precision;
    for (const row of this.rows) {
      const calls = num(row, 'calls');
      const errors = num(row, 'errors');
      const total = num(row, 'total');
      const avg = num(row, 'avg');
      const min = num(row, 'min');
      const max = num(row, 'max');
      if (calls !== undefined && errors !== undefined && errors > calls) this.pending(row.line, `${errors} errors in ${calls} calls`);
      if (calls !== undefined && calls > 0 && total !== undefined && avg !== undefined) {
        // The printed avg is the true mean truncated (strace) or rounded (perf); the printed total is rounded.
        const perCall = total / calls;
        const low = avg - (avgTruncated ? 0 : avgStep / 2) - time / (2 * calls) - 1e-6;
        const high = avg + (avgTruncated ? avgStep : avgStep / 2) + time / (2 * calls) + 1e-6;
        if (perCall < low || perCall > high) this.pending(row.line, `total ${total} µs over ${calls} calls is ${round3(perCall)} µs per call, the row says avg ${avg} µs`);
      }
      if (min !== undefined && max !== undefined && min > max + 1e-9) this.pending(row.line, `min ${min} µs is above max ${max} µs`);
      if (avg !== undefined && max !== undefined && avg > max + avgStep + 1e-9) this.pending(row.line, `avg ${avg} µs is above max ${max} µs`);
      if (avg !== undefined && min !== undefined && avg + avgStep + 1e-9 < min) this.pending(row.line, `avg ${avg} µs is below min ${min} µs`);
    }
  }

  private pending(line: number, message: string): void {
    this.pendingWarnings.push({ line, message });
  }

  /** Computes `share` from the times, or checks the printed one (strace's `% time`) against them. */
  private fillShares(num: (r: TableRow, id: SyscallColumnId) => number | undefined, totalTime: number): void {
    const share = this.ids.indexOf('share');
    if (share < 0 || !this.has('total')) return;
    for (const row of this.rows) {
      const t = num(row, 'total');
      const computed = t === undefined ? undefined : totalTime > 0 ? (100 * t) / totalTime : 0;
      const printed = row.cells[share];
      if (typeof printed === 'number' && computed !== undefined) {
        // Printed with two decimals from times more precise than the printed ones.
        const slack = 0.005 + (totalTime > 0 ? (100 * this.precision.time) / totalTime : 0) + 1e-9;
        if (Math.abs(printed - computed) > slack) this.pending(row.line, `% time ${printed} does not match the row's share of the time (${computed.toFixed(2)}%)`);
      } else if (printed === null && computed !== undefined) row.cells[share] = round6(computed);
    }
  }

  /** The file's total row against the rows (strace prints one; perf trace does not). */
  private checkTotalRow(num: (r: TableRow, id: SyscallColumnId) => number | undefined, sum: (id: SyscallColumnId) => number, warnings: WarningLog): void {
    const total = this.totalRow;
    if (!total) return;
    const n = this.rows.length;
    const say = (what: string, printed: number, rows: number) => warnings.add(total.line, `total row says ${what} ${round3(printed)}, the rows add up to ${round3(rows)}`);
    for (const id of ['calls', 'errors'] as const) {
      const v = num(total, id);
      if (v !== undefined && v !== sum(id)) say(id, v, sum(id));
    }
    for (const id of ['total', 'wallTotal'] as const) {
      const v = num(total, id);
      // Each row and the total are rounded to the printed precision.
      if (v !== undefined && Math.abs(v - sum(id)) > (this.precision.time * (n + 1)) / 2 + 1e-6) say(`${id === 'total' ? 'a total time of' : 'a wall total of'}`, v, sum(id));
    }
    for (const [id, pick] of [['min', Math.min], ['max', Math.max], ['wallMin', Math.min], ['wallMax', Math.max]] as const) {
      const v = num(total, id);
      let best: number | undefined;
      for (const r of this.rows) {
        const x = num(r, id);
        if (x !== undefined) best = best === undefined ? x : pick(best, x);
      }
      if (v !== undefined && best !== undefined && Math.abs(v - best) > 1e-6) say(`${id} =`, v, best);
    }
    const share = num(total, 'share');
    if (share !== undefined && Math.abs(share - 100) > 0.005) warnings.add(total.line, `total row says % time ${share}, expected 100.00`);
    const shares = this.rows.map((r) => num(r, 'share')).filter((x): x is number => x !== undefined);
    if (shares.length === n && n > 0) {
      const s = shares.reduce((a, b) => a + b, 0);
      if (Math.abs(s - 100) > 0.005 * n + 0.01 && sum('total') > 0) warnings.add(total.line, `the rows' % time add up to ${s.toFixed(2)}, not 100`);
    }
    const avg = num(total, 'avg');
    const calls = num(total, 'calls');
    const time = num(total, 'total');
    if (avg !== undefined && calls && time !== undefined) {
      const perCall = time / calls;
      if (perCall < avg - this.precision.time / calls - 1e-9 || perCall > avg + this.precision.avg + this.precision.time / calls + 1e-9) {
        warnings.add(total.line, `total row's usecs/call ${avg} does not match its time over its calls (${round3(perCall)} µs)`);
      }
    }
  }

  /** `--errno-summary` lines of a syscall add up to its errors. */
  private checkErrnos(num: (r: TableRow, id: SyscallColumnId) => number | undefined, warnings: WarningLog): void {
    if (this.errnos.length === 0 || !this.has('errors')) return;
    const bySyscall = new Map<string, { count: number; line: number }>();
    for (const e of this.errnos) {
      const s = bySyscall.get(e.syscall) ?? { count: 0, line: e.line };
      s.count += e.count;
      bySyscall.set(e.syscall, s);
    }
    for (const row of this.rows) {
      const s = bySyscall.get(String(row.cells[0]));
      const errors = num(row, 'errors');
      if (s && errors !== undefined && s.count !== errors) warnings.add(s.line, `errno lines of ${row.cells[0]} count ${s.count} errors, its row says ${errors}`);
    }
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
