/**
 * Markdown pipe tables, as `DataFrame.to_markdown()` and people in notes write them:
 * `| function | count |`, a `|---|--:|` separator, one row per line. Read line by line like the
 * aligned reader, so a run log or an eBPF text file may print its table either way.
 */
import type { WarningLog } from '../../model/diagnostics';
import type { AlignedRow } from './pandasTable';

/** What the eBPF table step needs from a table reader, whatever the table's layout. */
export interface TableLineReader {
  /** Feeds a line; false when the line is not part of the table (the table ended before it). */
  accept(line: string, lineNo: number): boolean;
  end(): { labels: string[]; rows: AlignedRow[] };
  /** 1-based line of the header and of the last line read. */
  readonly header: number;
  readonly endLine: number;
}

/** The cells of a pipe-table line (`| a | b |` -> ['a', 'b']), or undefined when it is not one. */
export function pipeCells(line: string): string[] | undefined {
  const t = line.trim();
  if (t.length < 3 || t[0] !== '|' || t[t.length - 1] !== '|') return undefined;
  // `\|` is a literal bar inside a cell.
  return t
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

function isSeparator(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-{1,}:?$/.test(c));
}

export class PipeTableReader implements TableLineReader {
  private readonly rows: AlignedRow[] = [];
  private sawSeparator = false;
  private last: number;

  constructor(
    readonly labels: string[],
    readonly header: number,
    private readonly warnings: WarningLog,
  ) {
    this.last = header;
  }

  get endLine(): number {
    return this.last;
  }

  accept(line: string, lineNo: number): boolean {
    const cells = pipeCells(line);
    if (!cells) return false;
    if (!this.sawSeparator && this.rows.length === 0 && isSeparator(cells)) {
      this.sawSeparator = true;
      this.last = lineNo;
      return true;
    }
    if (!this.sawSeparator && this.rows.length === 0) this.warnings.add(lineNo, "pipe table without its '|---|' separator line under the header");
    this.sawSeparator = true;
    this.rows.push({ line: lineNo, cells });
    this.last = lineNo;
    return true;
  }

  end(): { labels: string[]; rows: AlignedRow[] } {
    return { labels: this.labels, rows: this.rows };
  }
}
