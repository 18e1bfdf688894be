/**
 * A sortable, filterable table of a `Table` (src/model/table.ts) for any panel: TanStack Table
 * (headless: the sort and filter row models) and TanStack Virtual (only the visible rows are in
 * the DOM, so a 200k-row perf report scrolls smoothly), rendered here with plain elements.
 * Numbers are right-aligned in their unit, bar columns draw the value's share behind it, a row
 * click reports the row's source line, and `revealLine` highlights the row of an editor line.
 *
 * Test contract: .pl-table-head cells [data-column] (click sorts; aria-sort), rows .pl-row with
 * data-line and data-index, cells .pl-cell (text as shown); .pl-row.selected is the revealed row.
 */
import {
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type ColumnDef,
  type Row,
  type SortingState,
  type Table as TanTable,
  type TableState,
  type Updater,
} from '@tanstack/table-core';
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import type { Table, TableCell, TableRow } from '../../src/model/table';
import { el } from './dom';
import { useStyles } from './styles';
import { barFraction, cellText } from './tableCells';

const ROW_HEIGHT = 22;

export interface DataTableSort {
  column: string;
  descending: boolean;
}

export interface DataTableOptions {
  /** Numeric column ids drawn with bars. */
  bars?: readonly string[];
  sort?: DataTableSort;
  filter?: string;
  /** A row was clicked (or Enter pressed on it): its source line, 1-based (0: none). */
  onRowActivate?(row: TableRow): void;
  /** Sort or filter changed (panels save it). */
  onStateChange?(state: { sort?: DataTableSort; filter: string; shown: number }): void;
}

export interface DataTable {
  readonly element: HTMLElement;
  setFilter(text: string): void;
  /** Rows after filtering, in the order shown. */
  shownRows(): TableRow[];
  /** Highlights and scrolls to the row of source line `line` (the nearest row at or above it). Returns its index, or -1. */
  revealLine(line: number): number;
  dispose(): void;
}

const CSS = `
.pl-table { display: flex; flex-direction: column; min-height: 0; flex: 1; font-variant-numeric: tabular-nums; }
.pl-table-scroll { overflow: auto; flex: 1; min-height: 120px; position: relative; }
.pl-table-grid { display: grid; min-width: 100%; }
.pl-table-header { position: sticky; top: 0; z-index: 1; background: var(--vscode-editor-background); display: contents; }
.pl-table-head { position: sticky; top: 0; z-index: 1; background: var(--vscode-editorWidget-background, var(--vscode-editor-background));
  padding: 2px 8px; font-weight: 600; cursor: pointer; user-select: none; white-space: nowrap; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
.pl-table-head.num { text-align: right; }
.pl-table-head[aria-sort="ascending"]::after { content: ' ▲'; }
.pl-table-head[aria-sort="descending"]::after { content: ' ▼'; }
.pl-table-body { position: relative; }
.pl-row { position: absolute; left: 0; right: 0; display: grid; height: ${ROW_HEIGHT}px; align-items: center; cursor: default; }
.pl-row:hover { background: var(--vscode-list-hoverBackground); }
.pl-row.selected { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
.pl-row.linked { cursor: pointer; }
.pl-cell { padding: 0 8px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.pl-cell.num { text-align: right; }
.pl-cell.bar { background-image: linear-gradient(to right, var(--pl-bar, var(--vscode-charts-blue, #3794ff)) var(--w), transparent var(--w));
  background-size: 100% 60%; background-position: left center; background-repeat: no-repeat; }
.pl-cell.bar { --pl-bar: color-mix(in srgb, var(--vscode-charts-blue, #3794ff) 35%, transparent); }
`;

export function createDataTable(table: Table, options: DataTableOptions = {}): DataTable {
  useStyles('perflens-data-table', CSS);
  const bars = new Set(options.bars ?? []);
  const maxByColumn = table.columns.map((c, i) => {
    let max = 0;
    if (c.kind === 'number' && bars.has(c.id)) for (const r of table.rows) if (typeof r.cells[i] === 'number') max = Math.max(max, Math.abs(r.cells[i] as number));
    return max;
  });
  const columns: ColumnDef<TableRow, TableCell | undefined>[] = table.columns.map((c, i) => ({
    id: c.id,
    header: c.label,
    // Blanks sort last whatever the direction (undefined is what TanStack keeps last).
    accessorFn: (row) => row.cells[i] ?? undefined,
    sortUndefined: 'last',
    sortingFn: c.kind === 'number' ? 'basic' : 'text',
    sortDescFirst: c.kind === 'number',
    enableGlobalFilter: c.kind === 'text',
  }));

  let state: TableState;
  const tan: TanTable<TableRow> = createTable<TableRow>({
    data: table.rows,
    columns,
    state: {},
    onStateChange: (updater: Updater<TableState>) => {
      state = typeof updater === 'function' ? updater(state) : updater;
      tan.setOptions((prev) => ({ ...prev, state }));
    },
    renderFallbackValue: undefined,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: () => true,
  });
  const sorting: SortingState = options.sort && table.columns.some((c) => c.id === options.sort?.column) ? [{ id: options.sort.column, desc: options.sort.descending }] : [];
  state = { ...tan.initialState, sorting, globalFilter: options.filter ?? '' };
  tan.setOptions((prev) => ({ ...prev, state }));

  const template = table.columns.map((c) => (c.kind === 'text' ? 'minmax(16em, 6fr)' : 'minmax(6em, 1fr)')).join(' ');
  const element = el('div', { class: 'pl-table', role: 'grid', 'aria-rowcount': String(table.rows.length) });
  const scroll = el('div', { class: 'pl-table-scroll', tabindex: '0' });
  const grid = el('div', { class: 'pl-table-grid' });
  grid.style.gridTemplateColumns = template;
  const heads = table.columns.map((c) => {
    const h = el('div', { class: c.kind === 'number' ? 'pl-table-head num' : 'pl-table-head', 'data-column': c.id, role: 'columnheader', tabindex: '0' }, c.label);
    if (c.kind === 'number' && c.unit !== 'none') h.title = `${c.label} (${c.unit})`;
    const toggle = (): void => {
      tan.getColumn(c.id)?.toggleSorting(undefined, false);
      refresh();
    };
    h.addEventListener('click', toggle);
    h.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        toggle();
      }
    });
    return h;
  });
  const body = el('div', { class: 'pl-table-body', role: 'rowgroup' });
  body.style.gridColumn = '1 / -1';
  grid.append(...heads, body);
  scroll.append(grid);
  element.append(scroll);

  let rows: Row<TableRow>[] = [];
  let selected = -1;
  const virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
    count: 0,
    getScrollElement: () => scroll,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: ROW_HEIGHT + 4,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    onChange: () => renderRows(),
  });
  const unmount = virtualizer._didMount();

  function renderRow(index: number, start: number): HTMLElement {
    const row = rows[index].original;
    const r = el('div', { class: 'pl-row', role: 'row', 'data-index': String(index), 'data-line': String(row.line) });
    if (row.line > 0) r.classList.add('linked');
    if (index === selected) r.classList.add('selected');
    r.style.gridTemplateColumns = template;
    r.style.transform = `translateY(${start}px)`;
    table.columns.forEach((c, i) => {
      const value = row.cells[i];
      const cell = el('div', { class: c.kind === 'number' ? 'pl-cell num' : 'pl-cell', role: 'gridcell' }, cellText(c, value));
      if (bars.has(c.id) && typeof value === 'number') {
        cell.classList.add('bar');
        cell.style.setProperty('--w', `${(100 * barFraction(c, value, maxByColumn[i])).toFixed(1)}%`);
      }
      if (c.kind === 'text') cell.title = cellText(c, value);
      r.append(cell);
    });
    return r;
  }

  function renderRows(): void {
    body.style.height = `${virtualizer.getTotalSize()}px`;
    body.replaceChildren(...virtualizer.getVirtualItems().map((v) => renderRow(v.index, v.start)));
  }

  function refresh(): void {
    rows = tan.getRowModel().rows;
    selected = -1;
    const sort = tan.getState().sorting[0];
    for (const h of heads) {
      const id = h.dataset.column;
      if (sort?.id === id) h.setAttribute('aria-sort', sort.desc ? 'descending' : 'ascending');
      else h.removeAttribute('aria-sort');
    }
    virtualizer.setOptions({ ...virtualizer.options, count: rows.length });
    virtualizer._willUpdate();
    virtualizer.measure();
    renderRows();
    options.onStateChange?.({
      sort: sort ? { column: sort.id, descending: sort.desc } : undefined,
      filter: String(tan.getState().globalFilter ?? ''),
      shown: rows.length,
    });
  }

  const activate = (target: EventTarget | null): void => {
    const r = (target as Element | null)?.closest<HTMLElement>('.pl-row');
    if (!r) return;
    const index = Number(r.dataset.index);
    const row = rows[index]?.original;
    if (!row) return;
    selected = index;
    renderRows();
    options.onRowActivate?.(row);
  };
  body.addEventListener('click', (e) => activate(e.target));

  refresh();
  return {
    element,
    setFilter(text) {
      tan.setGlobalFilter(text);
      refresh();
    },
    shownRows: () => rows.map((r) => r.original),
    revealLine(line) {
      let best = -1;
      let bestLine = 0;
      rows.forEach((r, i) => {
        const l = r.original.line;
        if (l > 0 && l <= line && l > bestLine) {
          best = i;
          bestLine = l;
        }
      });
      selected = best;
      if (best >= 0) virtualizer.scrollToIndex(best, { align: 'center' });
      renderRows();
      return best;
    },
    dispose() {
      unmount();
    },
  };
}
