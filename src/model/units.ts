/**
 * Units of the numbers in our models, each with its formatter, so a panel, a hover and the CLI print
 * the same value the same way. Times are stored in the unit the column declares (no silent scaling);
 * `formatValue` picks a readable scale when printing.
 */

/** What a stack profile's weights count. */
export type WeightUnit = 'samples' | 'period' | 'count';

export type Unit =
  | WeightUnit
  | 'events'
  | 'ns'
  | 'us'
  | 'ms'
  | 's'
  | 'percent'
  | 'bytes'
  | 'ratio'
  | 'none';

const TIME_NS: Partial<Record<Unit, number>> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };

/** The factor that turns a value in `unit` into nanoseconds, or undefined for non-time units. */
export function nanosecondsPer(unit: Unit): number | undefined {
  return TIME_NS[unit];
}

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `1234567` -> `1,234,567`; fractions keep at most two digits. */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? GROUPED.format(value) : String(value);
}

/** A duration in ns at the largest scale that keeps it >= 1 (`1.50 ms`, `812 ns`). */
export function formatDuration(ns: number): string {
  const abs = Math.abs(ns);
  if (abs >= 1e9) return `${(ns / 1e9).toFixed(abs >= 1e11 ? 0 : 2)} s`;
  if (abs >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (abs >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${formatNumber(ns)} ns`;
}

/** A value with its unit, for hovers, tooltips and text tables. */
export function formatValue(value: number, unit: Unit): string {
  const ns = nanosecondsPer(unit);
  if (ns !== undefined) return formatDuration(value * ns);
  switch (unit) {
    case 'percent':
      return `${value.toFixed(2)}%`;
    case 'ratio':
      return value.toFixed(3);
    case 'bytes':
      return formatBytes(value);
    case 'samples':
    case 'events':
      return `${formatNumber(value)} ${unit}`;
    case 'period':
      return `${formatNumber(value)} (period)`;
    default:
      return formatNumber(value);
  }
}

function formatBytes(b: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = b;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${formatNumber(v)} B` : `${v.toFixed(1)} ${units[i]}`;
}
