/**
 * eBPF table rows by line, for hovers: the index crosses from the parse worker to the extension
 * host, so it is the tables themselves (columns of typed-array chunks and joined text: a structured
 * clone copies a few dozen buffers, not a million row objects) ordered by line, and a row's figures
 * are computed when it is hovered.
 */
import type { EbpfRowStats, EbpfTable } from '../../model/ebpfTable';
import { ebpfLine, ebpfRowStats } from '../../model/ebpfRows';

export interface EbpfRowIndex {
  /** By header line; a table's rows are in file order and tables do not interleave. */
  tables: EbpfTable[];
}

export function buildRowIndex(tables: readonly EbpfTable[]): EbpfRowIndex {
  return { tables: [...tables].sort((a, b) => a.line - b.line) };
}

/** The row on 1-based `line`, with its table's unit of work, or undefined. */
export function rowAt(index: EbpfRowIndex, line: number): { stats: EbpfRowStats; unitOfWork?: string } | undefined {
  const { tables } = index;
  // The last table whose header is above the line, then its row on that line.
  let lo = 0;
  let hi = tables.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tables[mid].line < line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const t = tables[found];
  lo = 0;
  hi = t.table.rowCount - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ebpfLine(t, mid);
    if (v === line) {
      const stats = ebpfRowStats(t, mid);
      return t.unitOfWork ? { stats, unitOfWork: t.unitOfWork } : { stats };
    }
    if (v < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
