/**
 * Builds an eBPF table (model/ebpfTable.ts) from header labels and text cells, whichever way they
 * were read (CSV records, pandas prints, aligned bcc tables): typed columns by role, derived columns,
 * per-row figures in ns, and the data-quality warnings on the rows' lines. Cells go straight into
 * columns (typed arrays for numbers); a CSV line without quotes is read in place (`addDelimited`),
 * without cutting it into field strings.
 */
import type { WarningLog } from '../../model/diagnostics';
import type { DerivedFigure, EbpfCells, EbpfColumnInfo, EbpfNumberChunk, EbpfRoleColumns, EbpfTable } from '../../model/ebpfTable';
import { nsFactor } from '../../model/ebpfTable';
import type { NumericColumn, TableColumn } from '../../model/table';
import { parseNumber } from './columns';
import { columnIds, headerRole, type HeaderRole } from './ebpfColumns';
import { int8Column, lineColumn, NumberColumn, TextColumn } from './ebpfCells';
import { decimalPointText, FastNumberReader, lastDigitScale } from './ebpfNumbers';
import { checkDataQuality } from './ebpfQuality';

/** Cells that mean "no number" in pandas, numpy and C printf output. */
const NOT_FINITE = /^[-+]?(?:nan|inf|infinity)$/i;

export interface EbpfBuilderOptions {
  /** A `;`-separated CSV: a comma may be the decimal point (`1234,5`), as decimal-comma locales write. */
  decimalComma?: boolean;
}

export class EbpfTableBuilder {
  private readonly ids: string[];
  private readonly roles: HeaderRole[];
  /** Per column: numeric or text, decided by the first row (key columns are always text). */
  private kinds: ('number' | 'text')[] | undefined;
  private columnsData: (NumberColumn | TextColumn)[] = [];
  private readonly lines = lineColumn();
  /** The power of ten of each row's printed mean's and total's last digit, for the mean × count check. */
  private readonly precision = { mean: int8Column(), total: int8Column() };
  /** Columns whose printed precision is kept. */
  private readonly meanColumn: number;
  private totalColumn: number;
  private readonly decimalComma: boolean;
  private readonly fast: FastNumberReader;
  /** One row's numbers, read before any is stored (a row the fast path cannot read goes the general way whole). */
  private readonly scratch: Float64Array;
  private readonly scratchText: (string | null)[];
  private commaNoted = false;
  private endLine: number;

  constructor(
    private readonly title: string,
    private readonly labels: readonly string[],
    private readonly line: number,
    private readonly warnings: WarningLog,
    options: EbpfBuilderOptions = {},
  ) {
    this.ids = columnIds(labels);
    this.roles = labels.map((l) => headerRole(l));
    this.endLine = line;
    this.decimalComma = options.decimalComma ?? false;
    this.fast = new FastNumberReader(this.decimalComma);
    this.scratch = new Float64Array(labels.length);
    this.scratchText = new Array<string | null>(labels.length).fill(null);
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
    return this.lines.length;
  }

  /**
   * One CSV line without quotes, cells separated by `delimiter`, read in place. Anything the fast
   * reader does not take (a ragged row, a blank or unusual number, spaces around a cell) goes
   * through addRow, with its warnings.
   */
  addDelimited(text: string, delimiter: string, line: number): void {
    const kinds = this.kinds;
    if (!kinds) return this.addRow(text.split(delimiter), line);
    const n = kinds.length;
    const fast = this.fast;
    fast.sawComma = false;
    let start = 0;
    let meanScale = 0;
    let totalScale = 0;
    for (let i = 0; i < n; i++) {
      let end = text.indexOf(delimiter, start);
      if (i === n - 1) {
        if (end >= 0) return this.addRow(text.split(delimiter), line);
        end = text.length;
      } else if (end < 0) return this.addRow(text.split(delimiter), line);
      if (kinds[i] === 'text') {
        if (end > start && (text.charCodeAt(start) <= 32 || text.charCodeAt(end - 1) <= 32)) return this.addRow(text.split(delimiter), line);
        this.scratchText[i] = end > start ? text.slice(start, end) : null;
      } else {
        const v = fast.read(text, start, end);
        if (Number.isNaN(v)) return this.addRow(text.split(delimiter), line);
        this.scratch[i] = v;
        if (i === this.meanColumn) meanScale = fast.scale;
        if (i === this.totalColumn) totalScale = fast.scale;
      }
      start = end + 1;
    }
    if (fast.sawComma) this.noteDecimalComma();
    for (let i = 0; i < n; i++) {
      const column = this.columnsData[i];
      if (column instanceof TextColumn) column.push(this.scratchText[i]);
      else column.push(this.scratch[i]);
    }
    this.endRow(line, meanScale, totalScale);
  }

  /** One data row; a ragged row is padded or cut, with a warning. */
  addRow(cells: readonly string[], line: number): void {
    const n = this.labels.length;
    if (cells.length !== n) {
      this.warnings.add(line, `row has ${cells.length} cells for ${n} columns (${this.labels.map((l) => l.trim()).join(', ')})${cells.length > n ? '; extra cells dropped' : '; missing cells left blank'}`);
    }
    const kinds = this.kinds ?? this.startColumns(cells);
    for (let i = 0; i < n; i++) {
      const text = (cells[i] ?? '').trim();
      const column = this.columnsData[i];
      if (kinds[i] === 'text') {
        (column as TextColumn).push(text);
        continue;
      }
      (column as NumberColumn).push(this.cellNumber(text, i, line) ?? NaN);
    }
    const scale = (i: number) => (i >= 0 ? lastDigitScale(decimalPointText(cells[i] ?? '', this.decimalComma)) : 0);
    this.endRow(line, scale(this.meanColumn), scale(this.totalColumn));
  }

  private endRow(line: number, meanScale: number, totalScale: number): void {
    this.lines.push(line);
    this.precision.mean.push(meanScale);
    this.precision.total.push(totalScale);
    this.endLine = line;
  }

  /** Column kinds from the first row. */
  private startColumns(cells: readonly string[]): ('number' | 'text')[] {
    const kinds = this.labels.map((_, i): 'number' | 'text' => (this.roles[i].role === 'key' || this.roles[i].role === 'text' || !this.isNumberish(cells[i] ?? '') ? 'text' : 'number'));
    this.kinds = kinds;
    this.columnsData = kinds.map((k) => (k === 'text' ? new TextColumn() : new NumberColumn()));
    return kinds;
  }

  private isNumberish(text: string): boolean {
    const t = text.trim();
    return t.length === 0 || parseNumber(decimalPointText(t, this.decimalComma)) !== undefined || NOT_FINITE.test(t);
  }

  /** A numeric cell's value, or undefined (blank, or not a number: warned). */
  private cellNumber(text: string, column: number, line: number): number | undefined {
    if (text.length === 0) return undefined;
    const plain = decimalPointText(text, this.decimalComma);
    const v = parseNumber(plain);
    if (v !== undefined) {
      if (plain !== text) this.noteDecimalComma();
      return v;
    }
    const what = NOT_FINITE.test(text) ? 'is not a finite number' : 'is not a number';
    this.warnings.add(line, `column '${this.labels[column].trim()}': '${text.slice(0, 40)}' ${what}; cell left blank`);
    return undefined;
  }

  /** Said once per table, on its header line. */
  private noteDecimalComma(): void {
    if (this.commaNoted) return;
    this.commaNoted = true;
    this.warnings.add(this.line, 'numbers here are written with a decimal comma (a `;`-separated CSV from a decimal-comma locale): `1234,5` is read as 1234.5');
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
    const at: EbpfRoleColumns = { key: col('key'), count: col('count'), total: col('total'), mean: col('mean'), variance: col('variance'), stddev: col('stddev'), per: col('perUnit') };
    // Units from the header (the variance column's own unit is `none`, see above).
    const unitOf = (i: number) => (i >= 0 && columns[i].kind === 'number' ? this.roles[i].unit : 'none');
    const nsPer = { total: nsFactor(unitOf(at.total)) ?? 0, mean: nsFactor(unitOf(at.mean)) ?? 0, variance: nsFactor(unitOf(at.variance)) ?? 0, stddev: nsFactor(unitOf(at.stddev)) ?? 0 };
    const rowCount = this.lines.length;
    const cells: EbpfCells[] = kinds.map((kind, i): EbpfCells => {
      const data = this.columnsData[i];
      if (data instanceof TextColumn) return { kind: 'text', chunks: data.finish() };
      if (data) return { kind: 'number', chunks: data.finish() };
      return kind === 'text' ? { kind: 'text', chunks: [] } : { kind: 'number', chunks: [] };
    });
    this.columnsData = [];
    let totalNs: number | undefined;
    if (at.total >= 0 && nsPer.total) {
      totalNs = 0;
      for (const chunk of (cells[at.total] as { chunks: EbpfNumberChunk[] }).chunks) totalNs = addScaled(totalNs, chunk, nsPer.total);
    }

    // Derived columns, appended after the file's own.
    const derived: { column: NumericColumn; figure: DerivedFigure }[] = [];
    if (totalNs !== undefined) derived.push({ column: { kind: 'number', id: 'share_of_time', label: 'share of time (derived)', unit: 'percent' }, figure: 'sharePercent' });
    if (at.variance >= 0 && at.stddev < 0 && nsPer.variance) derived.push({ column: { kind: 'number', id: 'stddev_ns', label: 'stddev (derived)', unit: 'ns' }, figure: 'stddevNs' });
    const work = at.per >= 0 ? infos[at.per].per : undefined;
    if (work && at.count >= 0 && totalNs !== undefined) derived.push({ column: { kind: 'number', id: `time_per_${work}_ns`, label: `time per ${work} (derived)`, unit: 'ns' }, figure: 'timePerUnitNs' });
    for (const d of derived) {
      columns.push(d.column);
      infos.push({ id: d.column.id, role: 'derived', figure: d.figure });
    }

    const table: EbpfTable = {
      title: this.title,
      line: this.line,
      endLine,
      table: { title: this.title, columns, keys: at.key >= 0 ? [this.ids[at.key]] : [], rowCount, lines: this.lines.finish(), cells },
      columns: infos,
      at,
      nsPer,
    };
    if (work) table.unitOfWork = work;
    if (totalNs !== undefined) table.totalNs = totalNs;
    checkDataQuality(table, this.precision, this.warnings);
    return table;
  }
}

/** `sum` plus the chunk's values times `factor`, blanks left out, added one by one in row order. */
function addScaled(sum: number, chunk: EbpfNumberChunk, factor: number): number {
  for (let i = 0; i < chunk.length; i++) if (!Number.isNaN(chunk[i])) sum += chunk[i] * factor;
  return sum;
}
