/** Tables printed as text (pandas, bcc, Markdown pipe tables): where one starts, and its rows turned into an eBPF table. */
import type { WarningLog } from '../../model/diagnostics';
import type { EbpfTable } from '../../model/ebpfTable';
import { headerRole, isEbpfHeader } from './ebpfColumns';
import { EbpfTableBuilder } from './ebpfTableBuilder';
import { alignedHeader, AlignedTableReader } from './pandasTable';
import { pipeCells, PipeTableReader, type TableLineReader } from './pipeTable';

/** The key column among labels (where names with spaces go), or the first text-like one. */
export function keyColumnOf(labels: readonly string[]): number {
  return labels.findIndex((l) => headerRole(l).role === 'key');
}

/** The table under the reader's header; a header with no rows is a warning, not a table. */
export function readAlignedTable(reader: TableLineReader, title: string, warnings: WarningLog): EbpfTable | undefined {
  const { labels, rows } = reader.end();
  if (rows.length === 0) {
    warnings.add(reader.header, `table header (${labels.join(', ')}) without rows`);
    return undefined;
  }
  const b = new EbpfTableBuilder(title, labels, reader.header, warnings);
  for (const r of rows) b.addRow(r.cells, r.line);
  return b.finish(reader.endLine);
}

/** A reader for the table whose header is `line` (an eBPF header, aligned or pipe), or undefined. */
export function openEbpfTable(line: string, lineNo: number, warnings: WarningLog): TableLineReader | undefined {
  const pipe = pipeCells(line);
  if (pipe) return isEbpfHeader(pipe) ? new PipeTableReader(pipe, lineNo, warnings) : undefined;
  const header = alignedHeader(line);
  return header && isEbpfHeader(header.labels) ? new AlignedTableReader(header, lineNo, warnings, keyColumnOf) : undefined;
}
