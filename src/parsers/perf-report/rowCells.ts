/**
 * A row's cut cells as the table keeps them: numbers as numbers (one per group member), the
 * Symbol cell split into its level and name, text interned (comm, DSO and symbols repeat) and
 * copied out of the input.
 */
import type { TableCell } from '../../model/table';
import { symbolLevel } from '../shared/columns';
import { parseCellNumber, type Layout } from './layout';

/** Distinct text cells kept interned. */
const MAX_INTERNED = 1 << 19;

/**
 * A copy of `s` that does not point into the input: a substring of a line keeps the whole decoded
 * chunk (1 MiB) alive, and a kept row must not keep its chunk.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export class RowCells {
  private readonly interned = new Map<string, string>();
  private lastRaw = '';
  private lastInterned = '';

  /** `warn` is told about a numeric sort-key cell that holds no number (kept as null). */
  constructor(private readonly warn: (message: string) => void) {}

  intern(text: string): string {
    // Consecutive rows often share their comm and DSO.
    if (text === this.lastRaw) return this.lastInterned;
    const known = this.interned.get(text);
    if (known !== undefined) return this.remember(text, known);
    const copy = detached(text);
    if (this.interned.size < MAX_INTERNED) this.interned.set(copy, copy);
    return this.remember(text, copy);
  }

  private remember(raw: string, kept: string): string {
    this.lastRaw = raw;
    this.lastInterned = kept;
    return kept;
  }

  /** The row's cells as the table keeps them; undefined when a numeric cell holds no number. */
  cells(layout: Layout, cells: string[] | undefined): TableCell[] | undefined {
    if (!cells) return undefined;
    const out: TableCell[] = [];
    for (let i = 0; i < layout.columns.length; i++) {
      const col = layout.columns[i];
      const cell = cells[i] ?? '';
      if ((col.type === 'percent' || col.type === 'count') && layout.members === 1) {
        const v = parseCellNumber(cell, col.type === 'percent');
        // A blank or N/A cell is a number column's null; an empty cell is a row that is not one.
        if (v === undefined || cell === '') return undefined;
        out.push(v);
      } else if (col.type === 'percent' || col.type === 'count') {
        const parts = cell.split(/\s+/);
        if (parts.length !== layout.members) return undefined;
        for (const p of parts) {
          const v = parseCellNumber(p, col.type === 'percent');
          if (v === undefined) return undefined;
          out.push(v);
        }
      } else if (col.type === 'sortNumber') {
        const v = parseCellNumber(cell, false);
        out.push(v ?? null);
        if (v === undefined && cell !== '') this.warn(`${col.title}: expected a number, got '${cell.slice(0, 40)}'`);
      } else if (col.symbol) {
        const level = symbolLevel(cell);
        if (level >= 0) out.push(cell[level + 1], this.intern(cell.slice(level + 4)));
        else out.push(null, this.intern(cell));
      } else out.push(this.intern(cell));
    }
    return out;
  }

  /**
   * A `--hierarchy` row: its numbers, its key, and its depth from where the numbers end (3 columns a
   * level; `base` is where the first level's end). Undefined when the line is not one.
   */
  hierarchy(layout: Layout, text: string, base: number | undefined): { cells: TableCell[]; end: number } | undefined {
    const numeric = layout.columns.filter((c) => c.type === 'percent' || c.type === 'count').length;
    const re = /\S+/g;
    const out: TableCell[] = [];
    let end = 0;
    let firstEnd = -1;
    for (let k = 0; k < numeric; k++) {
      const m = re.exec(text);
      if (!m) return undefined;
      const v = parseCellNumber(m[0], m[0].endsWith('%'));
      if (typeof v !== 'number') return undefined;
      out.push(v);
      end = m.index + m[0].length;
      if (firstEnd < 0) firstEnd = end;
    }
    const key = text.slice(end).trim();
    if (!key) return undefined;
    out.push(this.intern(key));
    out.push(Math.max(0, Math.round((firstEnd - (base ?? firstEnd)) / 3)));
    return { cells: out, end: firstEnd };
  }
}
