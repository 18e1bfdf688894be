/**
 * Numbers as eBPF tables print them, read fast: a plain decimal straight from a line's characters
 * (no substring), decimal commas of `;`-separated files, and the power of ten of a printed number's
 * last digit (the rounding the mean × count check allows).
 */

/** Powers of ten that are exact doubles (10^22 is the last). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Reads a plain decimal (`-12`, `22220.48`, `6.153900e+02`, `.5`) from text[start, end) and
 * returns it, or NaN when the cell is anything else (blank, `+1`, `1,234`, `12%`, `nan`, spaces,
 * or digits beyond 2^53): the caller then reads it the slow, general way. The value is exactly what
 * Number() gives: an integer below 2^53 times or divided by an exact power of ten is one correctly
 * rounded operation (Clinger's fast path). `decimalComma` also accepts a
 * comma as the decimal point (and sets `sawComma`). `scale` is the power of ten of the last
 * printed digit (`22220.48` -> -2), the rounding the printed value may carry.
 */
export class FastNumberReader {
  scale = 0;
  sawComma = false;

  constructor(private readonly decimalComma: boolean) {}

  read(text: string, start: number, end: number): number {
    let i = start;
    let c = text.charCodeAt(i);
    const negative = c === 45; // -
    if (negative) c = text.charCodeAt(++i);
    // Digits accumulate exactly while the integer stays below 2^53 (checked once, at the end).
    let mantissa = 0;
    const first = i;
    while (i < end && c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
    let digits = i - first;
    let decimals = 0;
    if (i < end && (c === 46 || (c === 44 && this.decimalComma))) {
      if (c === 44) this.sawComma = true;
      c = text.charCodeAt(++i);
      const from = i;
      while (i < end && c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        c = text.charCodeAt(++i);
      }
      decimals = i - from;
      digits += decimals;
    }
    if (digits === 0 || mantissa > Number.MAX_SAFE_INTEGER) return NaN;
    let exponent = 0;
    if (i < end) {
      if (c !== 101 && c !== 69) return NaN; // e E
      c = text.charCodeAt(++i);
      const expNegative = c === 45;
      if (c === 45 || c === 43) c = text.charCodeAt(++i);
      const from = i;
      while (i < end && c >= 48 && c <= 57 && i - from < 5) {
        exponent = exponent * 10 + (c - 48);
        c = text.charCodeAt(++i);
      }
      if (i === from || i < end) return NaN;
      if (expNegative) exponent = -exponent;
    }
    const scale = exponent - decimals;
    this.scale = scale;
    let value: number;
    if (scale === 0) value = mantissa;
    else if (scale > 0 && scale <= 22) value = mantissa * POW10[scale];
    else if (scale < 0 && scale >= -22) value = mantissa / POW10[-scale];
    else return NaN;
    if (!Number.isFinite(value)) return NaN;
    return negative ? -value : value;
  }
}

/** `5,67e+06`, `1234,5`, `-0,25`: one comma as the decimal point. */
const DECIMAL_COMMA = /^[-+]?\d+,\d+(?:[eE][-+]?\d+)?%?$/;
/** `1.234,5`: points grouping thousands, then a decimal comma. */
const GROUPED_DECIMAL_COMMA = /^[-+]?\d{1,3}(?:\.\d{3})+,\d+%?$/;

/**
 * A cell's text in the usual decimal-point form. With `decimalComma` (a `;`-separated file, as
 * decimal-comma locales write CSV) `1234,5` is 1234.5 and `1.234,5` is 1234.5; otherwise the text
 * is unchanged, so with a `,` delimiter a quoted `1,234` stays thousands grouping (1234).
 */
export function decimalPointText(text: string, decimalComma: boolean): string {
  const t = text.trim();
  if (!decimalComma || t.indexOf(',') < 0) return t;
  if (DECIMAL_COMMA.test(t)) return t.replace(',', '.');
  if (GROUPED_DECIMAL_COMMA.test(t)) return t.replace(/\./g, '').replace(',', '.');
  return t;
}

/** The power of ten of a printed number's last digit (`22220.48` -> -2, `6.153900e+02` -> -4). */
export function lastDigitScale(text: string): number {
  const t = text.trim().toLowerCase();
  const e = t.indexOf('e');
  const mant = e < 0 ? t : t.slice(0, e);
  const exp = e < 0 ? 0 : Number(t.slice(e + 1));
  const dot = mant.indexOf('.');
  const decimals = dot < 0 ? 0 : mant.length - dot - 1;
  const scale = exp - decimals;
  return Number.isFinite(scale) ? clampScale(scale) : 0;
}

/** A scale kept in a byte: beyond ±127 (1e-128, 1e127) the rounding allowance no longer matters. */
export function clampScale(scale: number): number {
  return Math.max(-128, Math.min(127, scale));
}
