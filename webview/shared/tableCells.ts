/** How table cells read as text (pure, so the CLI-like exports and the tests agree with the screen). */
import type { TableCell, TableColumn } from '../../src/model/table';
import { formatValue } from '../../src/model/units';

/** A cell as shown: numbers in their column's unit (`12.50%`, `1.50 ms`, `1,234`), blanks empty. */
export function cellText(column: TableColumn, value: TableCell): string {
  if (value === null) return '';
  if (column.kind === 'text' || typeof value === 'string') return String(value);
  switch (column.unit) {
    case 'samples':
    case 'events':
    case 'period':
    case 'count':
    case 'none':
      return formatValue(value, 'none');
    default:
      return formatValue(value, column.unit);
  }
}

/** RFC 4180 CSV of the given rows: raw numbers (no grouping, no unit), quoted text where needed. */
export function tableCsv(columns: readonly TableColumn[], rows: ReadonlyArray<{ cells: readonly TableCell[] }>): string {
  const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = columns.map((c) => quote(c.kind === 'number' && c.unit !== 'none' ? `${c.label} (${c.unit})` : c.label)).join(',');
  const body = rows.map((r) => r.cells.map((v) => (v === null ? '' : quote(String(v)))).join(','));
  return [head, ...body].join('\r\n') + '\r\n';
}

/**
 * Bar width (0–1) of a value in a bar column: shares of 100 (percent columns whose values stay
 * within 0–100) are drawn to scale; anything else relative to the column's largest magnitude.
 */
export function barFraction(column: TableColumn, value: TableCell, columnMax: number): number {
  if (typeof value !== 'number' || column.kind !== 'number') return 0;
  const scale = column.unit === 'percent' && columnMax <= 100 ? 100 : columnMax;
  return scale > 0 ? Math.max(0, Math.min(1, Math.abs(value) / scale)) : 0;
}
