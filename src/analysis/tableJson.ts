/**
 * A table as `perflens parse` prints it: rows as objects keyed by column id (what `jq` scripts
 * read: `.rows[] | select(.deltaAbs > 1) | .symbol`), blank cells null, numbers as numbers.
 */
import type { Table } from '../model/table';

export interface TableJson {
  title: string;
  columns: Table['columns'];
  keys: string[];
  rows: Record<string, string | number | null>[];
}

export function tableJson(table: Table): TableJson {
  const ids = table.columns.map((c) => c.id);
  return {
    title: table.title,
    columns: table.columns,
    keys: table.keys,
    rows: table.rows.map((r) => {
      const o: Record<string, string | number | null> = { line: r.line };
      for (let i = 0; i < ids.length; i++) o[ids[i]] = r.cells[i] ?? null;
      return o;
    }),
  };
}
