/**
 * Reading an eBPF table's columns (model/ebpfTable.ts): a row's line, cells, key and figures in ns,
 * computed from the columns when asked, and the row table the views and `perflens parse` JSON want.
 */
import {
  EBPF_CHUNK_ROWS,
  EBPF_CHUNK_SHIFT,
  EBPF_TEXT_BLOCK_ROWS,
  EBPF_TEXT_BLOCK_SHIFT,
  type DerivedFigure,
  type EbpfRowStats,
  type EbpfTable,
} from './ebpfTable';
import type { Table, TableCell, TableRow } from './table';

/** 1-based line of row `r`. */
export function ebpfLine(t: EbpfTable, r: number): number {
  const chunk = t.table.lines[r >>> EBPF_CHUNK_SHIFT];
  const i = r & (EBPF_CHUNK_ROWS - 1);
  // One line for the chunk: its rows are on consecutive lines (a one-row chunk reads the same either way).
  return chunk.length === 1 ? chunk[0] + i : chunk[i];
}

/** The numeric cell of row `r` in column `c`, or undefined (blank, text, or no such column). */
export function ebpfNumber(t: EbpfTable, c: number, r: number): number | undefined {
  const cells = c >= 0 ? t.table.cells[c] : undefined;
  if (cells?.kind !== 'number') return undefined;
  const v = cells.chunks[r >>> EBPF_CHUNK_SHIFT][r & (EBPF_CHUNK_ROWS - 1)];
  return Number.isNaN(v) ? undefined : v;
}

/** The text cell of row `r` in column `c`, or null (blank, a number, or no such column). */
export function ebpfText(t: EbpfTable, c: number, r: number): string | null {
  const cells = c >= 0 ? t.table.cells[c] : undefined;
  if (cells?.kind !== 'text') return null;
  const chunk = cells.chunks[r >>> EBPF_CHUNK_SHIFT];
  const i = r & (EBPF_CHUNK_ROWS - 1);
  const start = (i & (EBPF_TEXT_BLOCK_ROWS - 1)) === 0 ? 0 : chunk.ends[i - 1];
  const end = chunk.ends[i];
  return end > start ? chunk.texts[i >>> EBPF_TEXT_BLOCK_SHIFT].slice(start, end) : null;
}

/** Row `r`'s key (function, syscall …), or its index when the table has no key column. */
export function ebpfRowKey(t: EbpfTable, r: number): string {
  return t.at.key < 0 ? String(r) : (ebpfText(t, t.at.key, r) ?? '');
}

/** Row `r`'s figures in ns. */
export function ebpfRowStats(t: EbpfTable, r: number): EbpfRowStats {
  const { at, nsPer } = t;
  const s: EbpfRowStats = { key: ebpfRowKey(t, r), line: ebpfLine(t, r) };
  const count = ebpfNumber(t, at.count, r);
  const total = ebpfNumber(t, at.total, r);
  const mean = ebpfNumber(t, at.mean, r);
  const variance = ebpfNumber(t, at.variance, r);
  const stddev = ebpfNumber(t, at.stddev, r);
  const per = ebpfNumber(t, at.per, r);
  if (count !== undefined) s.count = count;
  if (total !== undefined && nsPer.total) s.totalNs = total * nsPer.total;
  if (mean !== undefined && nsPer.mean) s.meanNs = mean * nsPer.mean;
  if (variance !== undefined && nsPer.variance) s.varianceNs2 = variance * nsPer.variance * nsPer.variance;
  if (stddev !== undefined && nsPer.stddev) s.stddevNs = stddev * nsPer.stddev;
  else if (s.varianceNs2 !== undefined && s.varianceNs2 >= 0) s.stddevNs = Math.sqrt(s.varianceNs2);
  if (per !== undefined) s.perUnit = per;
  if (s.totalNs !== undefined && count !== undefined && count > 0 && per !== undefined && per > 0) s.timePerUnitNs = (s.totalNs * per) / count;
  if (s.totalNs !== undefined && t.totalNs !== undefined && t.totalNs > 0) s.share = s.totalNs / t.totalNs;
  return s;
}

/** Every row's figures, in row order (small tables: hovers, outlines, tests). */
export function ebpfAllRowStats(t: EbpfTable): EbpfRowStats[] {
  const out = new Array<EbpfRowStats>(t.table.rowCount);
  for (let r = 0; r < out.length; r++) out[r] = ebpfRowStats(t, r);
  return out;
}

function derivedValue(s: EbpfRowStats, figure: DerivedFigure | undefined): number | undefined {
  if (figure === 'sharePercent') return s.share === undefined ? undefined : s.share * 100;
  if (figure === 'stddevNs') return s.stddevNs;
  if (figure === 'timePerUnitNs') return s.timePerUnitNs;
  return undefined;
}

/** Row `r` as table cells: the file's cells, then the derived ones. */
export function ebpfRowCells(t: EbpfTable, r: number): TableCell[] {
  const { cells, columns } = t.table;
  const out = new Array<TableCell>(columns.length);
  for (let c = 0; c < cells.length; c++) out[c] = cells[c].kind === 'number' ? (ebpfNumber(t, c, r) ?? null) : ebpfText(t, c, r);
  if (columns.length > cells.length) {
    const s = ebpfRowStats(t, r);
    for (let c = cells.length; c < columns.length; c++) out[c] = derivedValue(s, t.columns[c].figure) ?? null;
  }
  return out;
}

/** The rows as the views' Table wants them (one object per row: for views and JSON, not for keeping). */
export function ebpfTableRows(t: EbpfTable): TableRow[] {
  const out = new Array<TableRow>(t.table.rowCount);
  for (let r = 0; r < out.length; r++) out[r] = { line: ebpfLine(t, r), cells: ebpfRowCells(t, r) };
  return out;
}

/** The table as a row table (see ebpfTableRows). */
export function ebpfPlainTable(t: EbpfTable): Table {
  const { title, columns, keys } = t.table;
  return { title, columns, keys, rows: ebpfTableRows(t) };
}
