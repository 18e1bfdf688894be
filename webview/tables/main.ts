/**
 * Tables panel: the shared panel shell, a table picker (a report can hold several: one per event,
 * process or run), a filter, CSV export, and one data table (shared/dataTable.ts), wired to the
 * messages of src/protocol/tables.ts.
 *
 * Test contract (e2e): body[data-state] loading | ready | error; #table-select (hidden when one
 * table), #table-filter, #table-status ("N of M rows"), #export-csv; the data table's own contract
 * (.pl-row[data-line] .pl-cell, .pl-table-head[data-column]).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { TablesMeta, TablesToWebview, TablesViewState, ViewTable } from '../../src/protocol';
import { createDataTable, type DataTable } from '../shared/dataTable';
import { el } from '../shared/dom';
import { formatCount } from '../shared/format';
import { saveFile } from '../shared/hostActions';
import { startPanel } from '../shared/panel';
import { createPanelShell } from '../shared/panelShell';
import { tableCsv } from '../shared/tableCells';
import { getVsCodeApi } from '../shared/vscodeApi';

const api = getVsCodeApi<TablesViewState>();
const shell = createPanelShell({
  inVsCode: api.inVsCode,
  waiting: 'Waiting for the report…',
  onOpenLocation: api.inVsCode ? (location) => api.postMessage({ type: 'openLocation', location }) : undefined,
});
let saved: TablesViewState = { table: 0, filter: '', ...(api.getState() ?? {}) };

const tableSelect = el('vscode-single-select', { id: 'table-select', label: 'Table', hidden: '' }) as VscodeSingleSelect;
const filterField = el('vscode-textfield', { id: 'table-filter', placeholder: 'Filter rows (text columns)', label: 'Filter rows' }) as VscodeTextfield;
const status = el('span', { id: 'table-status', 'aria-live': 'polite' });
const spacer = el('span', { class: 'spacer' });
const exportButton = el('vscode-button', { id: 'export-csv', secondary: '', title: 'Save the rows shown as CSV' }, 'Export CSV');
shell.toolbar.append(tableSelect, filterField, status, spacer, exportButton);
shell.content.classList.add('pl-tables');

let meta: TablesMeta | undefined;
let tables: ViewTable[] = [];
let current: DataTable | undefined;

function tableLabel(t: ViewTable): string {
  return t.group ? `${t.group} — ${t.title}` : t.title;
}

function save(patch: Partial<TablesViewState>): void {
  saved = { ...saved, ...patch };
  api.setState(saved);
}

function showTable(index: number): void {
  const t = tables[index];
  if (!t) return;
  current?.dispose();
  const sort = saved.table === index && saved.sort ? saved.sort : t.sortBy ? { column: t.sortBy, descending: true } : undefined;
  current = createDataTable(t, {
    bars: t.bars,
    sort,
    filter: filterField.value,
    onRowActivate: (row) => {
      if (row.line > 0 && api.inVsCode) api.postMessage({ type: 'revealLine', line: row.line });
    },
    onStateChange: ({ sort, filter, shown }) => {
      status.textContent = `${formatCount(shown)} of ${formatCount(t.rows.length)} rows`;
      save({ table: index, sort, filter });
    },
  });
  shell.content.replaceChildren(current.element);
}

let filterTimer: ReturnType<typeof setTimeout> | undefined;
filterField.addEventListener('input', () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => current?.setFilter(filterField.value), 120);
});
tableSelect.addEventListener('change', () => {
  save({ sort: undefined });
  showTable(Number(tableSelect.value));
});
exportButton.addEventListener('click', () => {
  const t = tables[Number(tableSelect.value) || 0];
  if (!t || !current || !meta) return;
  const name = `${meta.title}-${t.title}`.replace(/[^\w.-]+/g, '_').slice(0, 100);
  saveFile(api, { fileName: `${name}.csv`, content: tableCsv(t.columns, current.shownRows()), encoding: 'utf8', filters: { CSV: ['csv'] }, mimeType: 'text/csv' });
});

startPanel<TablesToWebview>({
  api,
  shell,
  failTitle: 'Cannot show the tables',
  handle(msg) {
    if (msg.type === 'tables/revealLine') {
      current?.revealLine(msg.line);
      return;
    }
    meta = msg.meta;
    tables = msg.tables;
    saved = { ...saved, ...(msg.state ?? {}) };
    const index = saved.table < tables.length ? saved.table : 0;
    filterField.value = saved.filter;
    tableSelect.replaceChildren(...tables.map((t, i) => el('vscode-option', i === index ? { value: String(i), selected: '' } : { value: String(i) }, tableLabel(t))));
    tableSelect.hidden = tables.length < 2;
    const rows = tables.reduce((n, t) => n + t.rows.length, 0);
    shell.showReady({
      title: meta.title,
      facts: [{ label: '', value: formatCount(tables.length), suffix: tables.length === 1 ? ' table' : ' tables' }, { label: '', value: formatCount(rows), suffix: ' rows' }],
      recording: meta.facts,
      warnings: meta.warnings,
      droppedWarnings: meta.droppedWarnings,
    });
    showTable(index);
  },
});
