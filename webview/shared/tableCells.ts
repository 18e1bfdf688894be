/** How table cells look: their text (shared with the CLI's exports) and their bars (pure). */
import type { TableCell, TableColumn } from '../../src/model/table';

export { cellText, tableCsv } from '../../src/analysis/tableText';

/**
 * Bar width (0–1) of a value in a bar column: shares of 100 (percent columns whose values stay
 * within 0–100) are drawn to scale; anything else relative to the column's largest magnitude.
 */
export function barFraction(column: TableColumn, value: TableCell, columnMax: number): number {
  if (typeof value !== 'number' || column.kind !== 'number') return 0;
  const scale = column.unit === 'percent' && columnMax <= 100 ? 100 : columnMax;
  return scale > 0 ? Math.max(0, Math.min(1, Math.abs(value) / scale)) : 0;
}
