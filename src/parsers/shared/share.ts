/** Wording shared by the hovers of stack formats. */
import type { FunctionTotals } from '../../model/profile';

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(2)}%` : '0%';
}

/** "On the stack in 12.34% of 'cycles' samples, leaf in 1.00%.", or undefined when the name has no totals. */
export function shareOfTotals(totals: FunctionTotals | undefined, name: string): string | undefined {
  const stat = totals?.byName.get(name);
  if (!totals || !stat || totals.total === 0) return undefined;
  const [total, self] = stat;
  const event = totals.event ? `'${totals.event}' ` : '';
  const of = totals.unit === 'period' ? `the ${event}period` : `${event}samples`;
  return `On the stack in ${percent(total, totals.total)} of ${of}, leaf in ${percent(self, totals.total)}.`;
}
