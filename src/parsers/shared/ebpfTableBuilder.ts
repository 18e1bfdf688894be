/**
 * Builds an eBPF table (model/ebpfTable.ts) from header labels and text cells, whichever way they
 * were read (CSV records, pandas prints, aligned bcc tables): typed columns by role, derived columns,
 * per-row figures in ns, and the data-quality warnings on the rows' lines.
 */
import type { WarningLog } from '../../model/diagnostics';
import type { EbpfColumnInfo, EbpfRowStats, EbpfTable } from '../../model/ebpfTable';
import { nsFactor } from '../../model/ebpfTable';
import type { NumericColumn, TableCell, TableColumn, TableRow } from '../../model/table';
import { parseNumber } from './columns';
import { columnIds, headerRole, type HeaderRole } from './ebpfColumns';
import { checkDataQuality } from './ebpfQuality';

/** Cells that mean "no number" in pandas, numpy and C printf output. */
const NOT_FINITE = /^[-+]?(?:nan|inf|infinity)$/i;

export class EbpfTableBuilder {
  private readonly ids: string[];
  private readonly roles: HeaderRole[];
  /** Per column: numeric or text, decided by the first row (key columns are always text). */
  private kinds: ('number' | 'text')[] | undefined;
  private readonly rows: TableRow[] = [];
  /** Rounding each row's printed mean and total may carry (half their last digit), for the mean × count check. */
  private readonly precision: { mean: number[]; total: number[] } = { mean: [], total: [] };
  /** Columns whose printed precision is kept. */
  private readonly meanColumn: number;
  private readonly totalColumn: number;
  private endLine: number;

  constructor(
    private readonly title: string,
    private readonly labels: readonly string[],
    private readonly line: number,
    private readonly warnings: WarningLog,
  ) {
    this.ids = columnIds(labels);
    this.roles = labels.map((l) => headerRole(l));
    this.endLine = line;
    this.meanColumn = this.roles.findIndex((r) => r.role === 'mean');
    this.totalColumn = this.roles.findIndex((r) => r.role === 'total');
    this.roles.forEach((r, i) => {
      // pandas prints `...` for the columns it left out (display.max_columns): a text column of `...`.
      if (labels[i].trim() === '...') {
        this.roles[i] = { role: 'text', unit: 'none' };
        warnings.add(line, `pandas elided columns here ('...' between ${labels[i - 1]?.trim() ?? 'the start'} and ${labels[i + 1]?.trim() ?? 'the end'}, display.max_columns): the table printed is incomplete`);
      }
      if (r.unknownUnit) warnings.add(line, `column '${labels[i].trim()}': unknown unit '${r.unknownUnit}' (expected ns, us, ms, s or b); its values are kept without a unit`);
    });
    // A table with a count and a plain `time` column (syscount -L's `TIME (us)`) reports total time per key.
    if (!this.roles.some((r) => r.role === 'total') && this.roles.some((r) => r.role === 'count')) {
      const t = this.roles.findIndex((r, i) => r.role === 'time' && /^time(?:_total)?$/.test(this.ids[i].replace(/_(?:ns|us|ms|s)$/, '')));
      if (t >= 0) {
        this.roles[t] = { ...this.roles[t], role: 'total' };
        this.totalColumn = t;
      }
    }
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** One data row; a ragged row is padded or cut, with a warning. */
  addRow(cells: readonly string[], line: number): void {
    const n = this.labels.length;
    if (cells.length !== n) {
      this.warnings.add(line, `row has ${cells.length} cells for ${n} columns (${this.labels.map((l) => l.trim()).join(', ')})${cells.length > n ? '; extra cells dropped' : '; missing cells left blank'}`);
    }
    this.kinds ??= this.labels.map((_, i) => (this.roles[i].role === 'key' || this.roles[i].role === 'text' || !isNumberish(cells[i] ?? '') ? 'text' : 'number'));
    const out: TableCell[] = new Array<TableCell>(n);
    for (let i = 0; i < n; i++) {
      const text = (cells[i] ?? '').trim();
      if (this.kinds[i] === 'text') {
        out[i] = text.length > 0 ? text : null;
        continue;
      }
      if (text.length === 0) {
        out[i] = null;
        continue;
      }
      const v = parseNumber(text);
      if (v === undefined) {
        out[i] = null;
        const what = NOT_FINITE.test(text) ? 'is not a finite number' : 'is not a number';
        this.warnings.add(line, `column '${this.labels[i].trim()}': '${text.slice(0, 40)}' ${what}; cell left blank`);
        continue;
      }
      out[i] = v;
    }
    this.rows.push({ line, cells: out });
    this.precision.mean.push(this.meanColumn >= 0 ? halfLastDigit(cells[this.meanColumn] ?? '') : 0);
    this.precision.total.push(this.totalColumn >= 0 ? halfLastDigit(cells[this.totalColumn] ?? '') : 0);
    this.endLine = line;
  }

  /** The table; `endLine` defaults to the last row's line. */
  finish(endLine = this.endLine): EbpfTable {
    const kinds = this.kinds ?? this.labels.map((_, i) => (this.roles[i].role === 'key' ? 'text' : 'number'));
    const columns: TableColumn[] = this.labels.map((label, i) =>
      kinds[i] === 'number'
        ? // A variance is in the square of its unit (`variance_us`: µs²), which no Unit expresses: shown as a plain number.
          { kind: 'number', id: this.ids[i], label: label.trim() || this.ids[i], unit: this.roles[i].role === 'variance' ? 'none' : this.roles[i].unit }
        : { kind: 'text', id: this.ids[i], label: label.trim() || this.ids[i] },
    );
    const infos: EbpfColumnInfo[] = this.roles.map((r, i) => ({
      id: this.ids[i],
      role: kinds[i] === 'text' && r.role !== 'key' ? 'text' : r.role,
      ...(r.per ? { per: r.per } : {}),
      ...(r.role === 'variance' && kinds[i] === 'number' && r.unit !== 'none' ? { squareOf: r.unit } : {}),
    }));
    const col = (role: string) => infos.findIndex((c, i) => c.role === role && (role === 'key' || columns[i].kind === 'number'));
    const at = { key: col('key'), count: col('count'), total: col('total'), mean: col('mean'), variance: col('variance'), stddev: col('stddev'), per: col('perUnit') };
    // Units from the header (the variance column's own unit is `none`, see above).
    const unitOf = (i: number) => (i >= 0 && columns[i].kind === 'number' ? this.roles[i].unit : 'none');
    const f = { total: nsFactor(unitOf(at.total)), mean: nsFactor(unitOf(at.mean)), variance: nsFactor(unitOf(at.variance)), stddev: nsFactor(unitOf(at.stddev)) };
    const num = (row: TableRow, i: number) => (i >= 0 && typeof row.cells[i] === 'number' ? (row.cells[i] as number) : undefined);

    const stats: EbpfRowStats[] = this.rows.map((row, r) => {
      const s: EbpfRowStats = { key: at.key >= 0 ? String(row.cells[at.key] ?? '') : String(r), line: row.line };
      const count = num(row, at.count);
      const total = num(row, at.total);
      const mean = num(row, at.mean);
      const variance = num(row, at.variance);
      const stddev = num(row, at.stddev);
      const per = num(row, at.per);
      if (count !== undefined) s.count = count;
      if (total !== undefined && f.total) s.totalNs = total * f.total;
      if (mean !== undefined && f.mean) s.meanNs = mean * f.mean;
      if (variance !== undefined && f.variance) s.varianceNs2 = variance * f.variance * f.variance;
      if (stddev !== undefined && f.stddev) s.stddevNs = stddev * f.stddev;
      else if (s.varianceNs2 !== undefined && s.varianceNs2 >= 0) s.stddevNs = Math.sqrt(s.varianceNs2);
      if (per !== undefined) s.perUnit = per;
      if (s.totalNs !== undefined && count !== undefined && count > 0 && per !== undefined && per > 0) s.timePerUnitNs = (s.totalNs * per) / count;
      return s;
    });
    let totalNs: number | undefined;
    if (at.total >= 0 && f.total) {
      totalNs = 0;
      for (const s of stats) totalNs += s.totalNs ?? 0;
      for (const s of stats) if (s.totalNs !== undefined && totalNs > 0) s.share = s.totalNs / totalNs;
    }

    // Derived columns, appended after the file's own.
    const derived: { column: NumericColumn; value: (s: EbpfRowStats) => number | undefined }[] = [];
    if (totalNs !== undefined) derived.push({ column: { kind: 'number', id: 'share_of_time', label: 'share of time (derived)', unit: 'percent' }, value: (s) => (s.share === undefined ? undefined : s.share * 100) });
    if (at.variance >= 0 && at.stddev < 0 && f.variance) derived.push({ column: { kind: 'number', id: 'stddev_ns', label: 'stddev (derived)', unit: 'ns' }, value: (s) => s.stddevNs });
    const work = at.per >= 0 ? infos[at.per].per : undefined;
    if (work && at.count >= 0 && totalNs !== undefined) derived.push({ column: { kind: 'number', id: `time_per_${work}_ns`, label: `time per ${work} (derived)`, unit: 'ns' }, value: (s) => s.timePerUnitNs });
    for (const d of derived) {
      columns.push(d.column);
      infos.push({ id: d.column.id, role: 'derived' });
    }
    if (derived.length > 0) {
      this.rows.forEach((row, r) => {
        for (const d of derived) row.cells.push(d.value(stats[r]) ?? null);
      });
    }

    const table: EbpfTable = {
      title: this.title,
      line: this.line,
      endLine,
      table: { title: this.title, columns, keys: at.key >= 0 ? [this.ids[at.key]] : [], rows: this.rows },
      columns: infos,
      stats,
    };
    if (work) table.unitOfWork = work;
    if (totalNs !== undefined) table.totalNs = totalNs;
    checkDataQuality(table, at, this.precision, this.warnings);
    return table;
  }
}

function isNumberish(text: string): boolean {
  const t = text.trim();
  return t.length === 0 || parseNumber(t) !== undefined || NOT_FINITE.test(t);
}

/** Half a unit of the last printed digit (`22220.48` -> 0.005, `6.153900e+02` -> 5e-5), the rounding a printed value may carry. */
function halfLastDigit(text: string): number {
  const t = text.trim().toLowerCase();
  const e = t.indexOf('e');
  const mant = e < 0 ? t : t.slice(0, e);
  const exp = e < 0 ? 0 : Number(t.slice(e + 1));
  const dot = mant.indexOf('.');
  const decimals = dot < 0 ? 0 : mant.length - dot - 1;
  return 0.5 * 10 ** (exp - decimals);
}
