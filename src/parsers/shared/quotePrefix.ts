/**
 * Reports pasted into mails and commit messages arrive quoted (`> `, `>> `) or indented (git log's
 * four spaces). Once a format's header line is seen behind such a prefix, the same prefix is taken
 * off every following line that carries it, so columns line up as perf printed them.
 */
export class QuotePrefix {
  private prefix = '';

  get active(): string {
    return this.prefix;
  }

  /**
   * Learns the prefix from a header line when none is known: the text before `match` (a regex for
   * the header itself) if it is only blanks and `>`. Returns the prefix learnt, or undefined.
   */
  learn(line: string, header: RegExp, quoteOnly = false): string | undefined {
    if (this.prefix) return undefined;
    const m = header.exec(line);
    if (!m || m.index === 0) return undefined;
    let before = line.slice(0, m.index);
    if (!/^[ \t>]+$/.test(before) || (quoteOnly && !before.includes('>'))) return undefined;
    // `quoteOnly`: the quote marks and one space; the header's own indentation is the report's.
    if (quoteOnly) before = before.slice(0, before.lastIndexOf('>') + 1) + (before[before.lastIndexOf('>') + 1] === ' ' ? ' ' : '');
    this.prefix = before;
    return before;
  }

  strip(line: string): string {
    if (!this.prefix) return line;
    if (line.startsWith(this.prefix)) return line.slice(this.prefix.length);
    // A quoted empty line: `>` without the space after it.
    return line === this.prefix.trimEnd() ? '' : line;
  }
}
