/**
 * eBPF table rows by line in typed arrays, for hovers: the index crosses from the parse worker to
 * the extension host, and a Map of 400k row objects takes seconds to clone where a few typed
 * arrays take milliseconds. Rows are kept in file order, so a line is found by binary search.
 */
import { ebpfRowStats, type EbpfRowStats, type EbpfTable } from '../../model/ebpfTable';

/** The figures kept per row, in this order; NaN where the table has none. */
const FIELDS = ['count', 'totalNs', 'meanNs', 'varianceNs2', 'stddevNs', 'share', 'perUnit', 'timePerUnitNs'] as const;

export interface EbpfRowIndex {
  /** 1-based lines of the rows, ascending. */
  lines: Int32Array;
  keys: string[];
  /** FIELDS.length numbers per row. */
  figures: Float64Array;
  /** Index of each row's table in `work`. */
  table: Int32Array;
  /** Each table's unit of work (`page`), '' when none. */
  work: string[];
}

export function buildRowIndex(tables: readonly EbpfTable[]): EbpfRowIndex {
  const n = tables.reduce((s, t) => s + t.table.rowCount, 0);
  const index: EbpfRowIndex = { lines: new Int32Array(n), keys: new Array<string>(n), figures: new Float64Array(n * FIELDS.length), table: new Int32Array(n), work: tables.map((t) => t.unitOfWork ?? '') };
  // Rows by line: a table's rows are in file order and tables do not interleave, so tables by header line.
  const order = tables.map((_, ti) => ti).sort((a, b) => tables[a].line - tables[b].line);
  let i = 0;
  for (const ti of order) {
    for (let r = 0; r < tables[ti].table.rowCount; r++, i++) {
      const s = ebpfRowStats(tables[ti], r);
      index.lines[i] = s.line;
      index.keys[i] = s.key;
      index.table[i] = ti;
      for (let k = 0; k < FIELDS.length; k++) index.figures[i * FIELDS.length + k] = s[FIELDS[k]] ?? NaN;
    }
  }
  return index;
}

/** The row on 1-based `line`, with its table's unit of work, or undefined. */
export function rowAt(index: EbpfRowIndex, line: number): { stats: EbpfRowStats; unitOfWork?: string } | undefined {
  let lo = 0;
  let hi = index.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = index.lines[mid];
    if (v === line) {
      const stats: EbpfRowStats = { key: index.keys[mid], line };
      FIELDS.forEach((f, k) => {
        const x = index.figures[mid * FIELDS.length + k];
        if (!Number.isNaN(x)) stats[f] = x;
      });
      const work = index.work[index.table[mid]];
      return work ? { stats, unitOfWork: work } : { stats };
    }
    if (v < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
