/** A problem tied to a place in the input. Warnings are data so tests and UIs can assert them. */
export interface ParseWarning {
  /** 1-based line number in the input. */
  line: number;
  message: string;
}

/**
 * Raised when input cannot be parsed at all. `line` is 1-based; `expected` says what the parser
 * wanted there. `toString()` gives the one-line `FILE:LINE: message` form the CLI prints.
 */
export class ParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly expected: string,
  ) {
    super(`${file}:${line}: ${expected}`);
    this.name = 'ParseError';
  }
}

/** How many warnings a model keeps (the rest are counted). */
export const WARNING_LIMIT = 200;

/** Keeps the first `limit` warnings and counts the rest, so a broken 1 GB file cannot flood memory. */
export class WarningLog {
  readonly items: ParseWarning[] = [];
  dropped = 0;
  constructor(private readonly limit = WARNING_LIMIT) {}

  add(line: number, message: string): void {
    if (this.items.length < this.limit) this.items.push({ line, message });
    else this.dropped++;
  }

  get count(): number {
    return this.items.length + this.dropped;
  }
}
