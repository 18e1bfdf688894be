/**
 * A table as text, the same for the CLI, the panels' exports and the clipboard: cells in their
 * column's unit, CSV (RFC 4180, raw numbers), Markdown, and the fixed-width "cover-letter" layout
 * kernel mailing lists use (first column left, numbers right, dashed rules, as in seed 003).
 */
import type { Table, TableCell, TableColumn } from '../model/table';
import { formatValue } from '../model/units';

/** A cell as shown: numbers in their column's unit (`12.50%`, `1.50 ms`, `1,234`), blanks empty. */
export function cellText(column: TableColumn, value: TableCell): string {
  if (value === null) return '';
  if (column.kind === 'text' || typeof value === 'string') return String(value);
  switch (column.unit) {
    case 'samples':
    case 'events':
    case 'period':
    case 'count':
      return formatValue(value, 'none');
    case 'none':
      // Two decimals would print rates such as count_per_page 0.007757 as 0.01: tiny values keep 3 significant digits.
      if (value !== 0 && Math.abs(value) < 0.01) return String(Number(value.toPrecision(3)));
      return formatValue(value, 'none');
    default:
      return formatValue(value, column.unit);
  }
}

type Rows = ReadonlyArray<{ cells: readonly TableCell[] }>;

/** RFC 4180 CSV: raw numbers (no grouping, no unit), the unit in the header, quoted text where needed. */
export function tableCsv(columns: readonly TableColumn[], rows: Rows): string {
  const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = columns.map((c) => quote(c.kind === 'number' && c.unit !== 'none' ? `${c.label} (${c.unit})` : c.label)).join(',');
  const body = rows.map((r) => r.cells.map((v) => (v === null ? '' : quote(String(v)))).join(','));
  return [head, ...body].join('\r\n') + '\r\n';
}

/** A GitHub Markdown table; `|` in text escaped, numbers right-aligned. */
export function tableMarkdown(columns: readonly TableColumn[], rows: Rows): string {
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const head = `| ${columns.map((c) => esc(c.label)).join(' | ')} |`;
  const align = `|${columns.map((c) => (c.kind === 'number' ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = rows.map((r) => `| ${columns.map((c, i) => esc(cellText(c, r.cells[i] ?? null))).join(' | ')} |`);
  return [head, align, ...body].join('\n') + '\n';
}

/**
 * The fixed-width layout of a patch cover letter: a dashed rule, the header, a rule, the rows, a
 * rule; text columns left-aligned, numbers right-aligned, two spaces between columns.
 */
export function tableFixedWidth(columns: readonly TableColumn[], rows: Rows, indent = ''): string {
  const cells = rows.map((r) => columns.map((c, i) => cellText(c, r.cells[i] ?? null)));
  const widths = columns.map((c, i) => Math.max(c.label.length, ...cells.map((row) => row[i].length)));
  const line = (parts: string[]): string =>
    indent + parts.map((p, i) => (columns[i].kind === 'number' ? p.padStart(widths[i]) : p.padEnd(widths[i]))).join('  ').trimEnd();
  const rule = indent + '-'.repeat(widths.reduce((s, w) => s + w, 0) + 2 * (columns.length - 1));
  return [rule, line(columns.map((c) => c.label)), rule, ...cells.map(line), rule].join('\n') + '\n';
}

export type TableTextFormat = 'text' | 'markdown' | 'csv' | 'json';

/** `table` in `format`; `limit` keeps the first rows (text and Markdown only: data formats keep all). */
export function renderTable(table: Table, format: TableTextFormat, limit = Infinity): string {
  const shown = format === 'text' || format === 'markdown' ? table.rows.slice(0, limit) : table.rows;
  switch (format) {
    case 'csv':
      return tableCsv(table.columns, shown);
    case 'markdown':
      return tableMarkdown(table.columns, shown);
    case 'json':
      return JSON.stringify(
        {
          title: table.title,
          columns: table.columns,
          rows: shown.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.id, r.cells[i]]))),
        },
        null,
        2,
      ) + '\n';
    default:
      return tableFixedWidth(table.columns, shown) + (shown.length < table.rows.length ? `(${table.rows.length - shown.length} more rows)\n` : '');
  }
}
