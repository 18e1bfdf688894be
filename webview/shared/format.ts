/** Number and share formatting every panel uses (pure: unit-tested in node). */

const numberFormat = new Intl.NumberFormat('en-US');

/** 1234567 -> "1,234,567" (the same grouping in every locale, so tests and screenshots agree). */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** Share of `whole` in percent; 0 when `whole` is not positive. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}
