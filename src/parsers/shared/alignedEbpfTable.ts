/** An aligned (pandas or bcc) table read by the shared reader, turned into an eBPF table. */
import type { WarningLog } from '../../model/diagnostics';
import type { EbpfTable } from '../../model/ebpfTable';
import { headerRole } from './ebpfColumns';
import { EbpfTableBuilder } from './ebpfTableBuilder';
import type { AlignedTableReader } from './pandasTable';

/** The key column among labels (where names with spaces go), or the first text-like one. */
export function keyColumnOf(labels: readonly string[]): number {
  return labels.findIndex((l) => headerRole(l).role === 'key');
}

/** The table under the reader's header; a header with no rows is a warning, not a table. */
export function readAlignedTable(reader: AlignedTableReader, title: string, warnings: WarningLog): EbpfTable | undefined {
  const { labels, rows } = reader.end();
  if (rows.length === 0) {
    warnings.add(reader.header, `table header (${labels.join(', ')}) without rows`);
    return undefined;
  }
  const b = new EbpfTableBuilder(title, labels, reader.header, warnings);
  for (const r of rows) b.addRow(r.cells, r.line);
  return b.finish(reader.endLine);
}
