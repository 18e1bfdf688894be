/**
 * Any table compared across runs (syscall summaries, eBPF function tables, perf stat counters,
 * perf report rows): rows matched by their key columns, every numeric column side by side with
 * its change against the baseline run (absolute and in percent), rows present in only some runs
 * kept and marked.
 */
import { rowKey, type Table, type TableCell, type TableColumn } from '../../model/table';

export interface TableDiffOptions {
  baseline: number;
  /** Numeric column ids to compare; all numeric columns the runs share by default. */
  columns?: string[];
  /** Column whose |change| orders the rows (the first compared column by default). */
  sortBy?: string;
}

/** The runs' tables (one per run, same kind) as one comparison table. */
export function diffTables(runs: ReadonlyArray<{ label: string; table: Table }>, options: Partial<TableDiffOptions> = {}): Table {
  const baseline = options.baseline ?? 0;
  if (runs.length < 2) throw new Error(`a comparison needs at least two runs (got ${runs.length})`);
  if (baseline < 0 || baseline >= runs.length) throw new Error(`baseline ${baseline} is not one of the ${runs.length} runs`);
  const first = runs[baseline].table;
  const keyColumns = first.keys.map((k) => first.columns.find((c) => c.id === k)!).filter(Boolean);
  const numeric = (t: Table): Map<string, number> => new Map(t.columns.map((c, i) => [c, i] as const).filter(([c]) => c.kind === 'number').map(([c, i]) => [c.id, i]));
  const shared = [...numeric(first).keys()].filter((id) => runs.every((r) => numeric(r.table).has(id)));
  const compared = options.columns?.filter((id) => shared.includes(id)) ?? shared;
  if (compared.length === 0) throw new Error(`the runs' tables share no numeric column to compare (${runs.map((r) => `${r.label}: ${r.table.title}`).join('; ')})`);
  const colOf = new Map(first.columns.map((c) => [c.id, c]));
  const name = (r: number): string => (runs.length === 2 ? (r === baseline ? 'base' : 'new') : runs[r].label);

  const columns: TableColumn[] = keyColumns.map((c) => ({ ...c }));
  for (const id of compared) {
    const c = colOf.get(id)!;
    const unit = c.kind === 'number' ? c.unit : 'none';
    runs.forEach((_, r) => columns.push({ kind: 'number', id: `${id}@${r}`, label: `${c.label} ${name(r)}`, unit }));
    runs.forEach((_, r) => {
      if (r === baseline) return;
      const vs = runs.length > 2 ? ` ${runs[r].label}` : '';
      columns.push({ kind: 'number', id: `${id}@${r}:delta`, label: `Δ ${c.label}${vs}`, unit });
      columns.push({ kind: 'number', id: `${id}@${r}:pct`, label: `Δ% ${c.label}${vs}`, unit: 'percent' });
    });
  }
  columns.push({ kind: 'text', id: 'presence', label: 'Present in' });

  // Rows by key, in the baseline's order, then rows only other runs have.
  const order: string[] = [];
  const rows = new Map<string, { keyCells: TableCell[]; values: Array<Map<string, number | null> | undefined> }>();
  runs.forEach((run, r) => {
    const idx = numeric(run.table);
    for (const row of run.table.rows) {
      const key = rowKey(run.table, row);
      let entry = rows.get(key);
      if (!entry) {
        const keyCells = run.table.keys.map((k) => row.cells[run.table.columns.findIndex((c) => c.id === k)] ?? null);
        rows.set(key, (entry = { keyCells, values: runs.map(() => undefined) }));
        order.push(key);
      }
      // A key twice in one run (a table with duplicate keys): the first row counts.
      if (entry.values[r]) continue;
      entry.values[r] = new Map(compared.map((id) => {
        const v = row.cells[idx.get(id)!];
        return [id, typeof v === 'number' ? v : null];
      }));
    }
  });
  const sortBy = options.sortBy && compared.includes(options.sortBy) ? options.sortBy : compared[0];
  const other = baseline === 0 ? 1 : 0;
  const change = (key: string): number => {
    const e = rows.get(key)!;
    const a = e.values[baseline]?.get(sortBy) ?? 0;
    const b = e.values[other]?.get(sortBy) ?? 0;
    return Math.abs((b ?? 0) - (a ?? 0));
  };
  order.sort((x, y) => change(y) - change(x));
  const out = order.map((key) => {
    const e = rows.get(key)!;
    const cells: TableCell[] = [...e.keyCells];
    for (const id of compared) {
      runs.forEach((_, r) => cells.push(e.values[r]?.get(id) ?? null));
      const base = e.values[baseline]?.get(id);
      runs.forEach((_, r) => {
        if (r === baseline) return;
        const v = e.values[r]?.get(id);
        const has = typeof v === 'number' && typeof base === 'number';
        cells.push(has ? v - base : null, has && base !== 0 ? (100 * (v - base)) / Math.abs(base) : null);
      });
    }
    const present = runs.filter((_, r) => e.values[r]);
    cells.push(present.length === runs.length ? 'all runs' : `only in ${present.map((p) => p.label).join(', ')}`);
    return { line: 0, cells };
  });
  return { title: `${runs[baseline].label} (baseline) vs ${runs.filter((_, r) => r !== baseline).map((r) => r.label).join(', ')}: ${first.title}`, columns, keys: first.keys, rows: out };
}
