/**
 * Syscall Costs panel: horizontal bars (chart.js) of the top syscalls by total time, calls,
 * errors or avg/max per call, per thread / process or all merged, a log-scale toggle, and the
 * syscall table under the chart (shared/dataTable.ts); PNG and CSV export; a bar or row click
 * shows its line in the editor. Wired to src/protocol/syscallCosts.ts.
 *
 * Test contract (e2e): body[data-state] loading | ready | error; #group-select (hidden with one
 * group), #metric-select, #top-select, #log-scale, #export-png, #export-csv; canvas#syscall-chart
 * with data-top-label, data-top-value (as drawn, in data-unit) and data-bars (count); the data
 * table's own contract (.pl-row[data-line] .pl-cell).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LogarithmicScale, Tooltip } from 'chart.js';
import type { SyscallCostGroup, SyscallCostMetric, SyscallCostsMeta, SyscallCostsToWebview, SyscallCostsViewState } from '../../src/protocol';
import type { Table } from '../../src/model/table';
import { createDataTable, type DataTable } from '../shared/dataTable';
import { el } from '../shared/dom';
import { formatCount } from '../shared/format';
import { saveFile } from '../shared/hostActions';
import { startPanel } from '../shared/panel';
import { createPanelShell } from '../shared/panelShell';
import { useStyles } from '../shared/styles';
import { tableCsv } from '../shared/tableCells';
import { computedColors, onThemeChange } from '../shared/theme';
import { getVsCodeApi } from '../shared/vscodeApi';
import { chartData } from './chartData';
import { showCompare } from './compareView';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LogarithmicScale, Tooltip);

const CSS = `
.pl-syscalls { display: flex; flex-direction: column; gap: 8px; min-height: 0; flex: 1; }
.pl-syscalls .chart-box { position: relative; flex: none; }
.pl-syscalls .pl-table { min-height: 160px; }
`;

const METRICS: { id: SyscallCostMetric; label: string }[] = [
  { id: 'total', label: 'Total time' },
  { id: 'calls', label: 'Calls' },
  { id: 'avg', label: 'Avg per call' },
  { id: 'max', label: 'Max per call' },
  { id: 'errors', label: 'Errors' },
];
const TOPS = [10, 20, 50, 0];

const api = getVsCodeApi<SyscallCostsViewState>();
const shell = createPanelShell({
  inVsCode: api.inVsCode,
  waiting: 'Waiting for the syscall summary…',
  onOpenLocation: api.inVsCode ? (location) => api.postMessage({ type: 'openLocation', location }) : undefined,
});
useStyles('perflens-syscall-costs', CSS);
let saved: SyscallCostsViewState = { group: 0, metric: 'total', top: 20, log: false, ...(api.getState() ?? {}) };

const groupSelect = el('vscode-single-select', { id: 'group-select', label: 'Thread / process', hidden: '' }) as VscodeSingleSelect;
const metricSelect = el('vscode-single-select', { id: 'metric-select', label: 'Metric' }) as VscodeSingleSelect;
const topSelect = el('vscode-single-select', { id: 'top-select', label: 'Bars' }) as VscodeSingleSelect;
const logBox = el('vscode-checkbox', { id: 'log-scale', label: 'Log scale' }) as VscodeCheckbox;
const spacer = el('span', { class: 'spacer' });
const pngButton = el('vscode-button', { id: 'export-png', secondary: '', title: 'Save the chart as PNG' }, 'Export PNG');
const csvButton = el('vscode-button', { id: 'export-csv', secondary: '', title: 'Save the rows shown as CSV' }, 'Export CSV');
shell.toolbar.append(groupSelect, metricSelect, topSelect, logBox, spacer, pngButton, csvButton);
const chartBox = el('div', { class: 'chart-box' });
const canvas = el('canvas', { id: 'syscall-chart', role: 'img' });
chartBox.append(canvas);
const view = el('div', { class: 'pl-syscalls' });
shell.content.append(view);

let meta: SyscallCostsMeta | undefined;
let groups: SyscallCostGroup[] = [];
let merged: SyscallCostGroup | undefined;
let chart: Chart<'bar'> | undefined;
let table: DataTable | undefined;

function save(patch: Partial<SyscallCostsViewState>): void {
  saved = { ...saved, ...patch };
  api.setState(saved);
}

function currentGroup(): SyscallCostGroup | undefined {
  return saved.group < 0 ? (merged ?? groups[0]) : (groups[saved.group] ?? groups[0]);
}

function colors(): Record<'bar' | 'other' | 'fg' | 'grid', string> {
  return computedColors({
    bar: 'var(--vscode-charts-blue, #3794ff)',
    other: 'var(--vscode-disabledForeground, #888888)',
    fg: 'var(--vscode-foreground, #cccccc)',
    grid: 'color-mix(in srgb, var(--vscode-foreground, #cccccc) 15%, transparent)',
  });
}

function drawChart(): void {
  const group = currentGroup();
  if (!group) return;
  const data = chartData(group, saved.metric, saved.top);
  const c = colors();
  chart?.destroy();
  chartBox.style.height = `${Math.max(120, data.bars.length * 22 + 60)}px`;
  const top = data.bars[0];
  canvas.dataset.topLabel = top?.label ?? '';
  canvas.dataset.topValue = top ? String(Math.round(top.value * 1000) / 1000) : '';
  canvas.dataset.unit = data.unit;
  canvas.dataset.bars = String(data.bars.length);
  canvas.setAttribute('aria-label', `${data.axis} of ${group.title}${top ? `: ${top.label} is the highest with ${top.value.toFixed(3)} ${data.unit}` : ''}`);
  chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.bars.map((b) => b.label),
      datasets: [{ data: data.bars.map((b) => b.value), backgroundColor: data.bars.map((b) => (b.line > 0 || !b.label.startsWith('other') ? c.bar : c.other)), borderWidth: 0 }],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => `${Number(item.raw).toLocaleString('en-US', { maximumFractionDigits: 3 })} ${data.unit}` } },
      },
      scales: {
        x: { type: saved.log ? 'logarithmic' : 'linear', title: { display: true, text: data.axis, color: c.fg }, ticks: { color: c.fg }, grid: { color: c.grid } },
        y: { ticks: { color: c.fg, autoSkip: false }, grid: { display: false } },
      },
      onClick: (_event, elements) => {
        const bar = elements[0] ? data.bars[elements[0].index] : undefined;
        if (bar && bar.line > 0 && api.inVsCode) api.postMessage({ type: 'revealLine', line: bar.line });
      },
    },
  });
}

/** The group's rows as a data table (times in µs, as the model holds them). */
function rowsTable(group: SyscallCostGroup): Table {
  return {
    title: group.title,
    columns: [
      { kind: 'text', id: 'syscall', label: 'syscall' },
      { kind: 'number', id: 'share', label: '% time', unit: 'percent' },
      { kind: 'number', id: 'total', label: 'total', unit: 'us' },
      { kind: 'number', id: 'calls', label: 'calls', unit: 'count' },
      { kind: 'number', id: 'errors', label: 'errors', unit: 'count' },
      { kind: 'number', id: 'avg', label: 'avg', unit: 'us' },
      { kind: 'number', id: 'max', label: 'max', unit: 'us' },
    ],
    keys: ['syscall'],
    rows: group.rows.map((r) => ({ line: r.line, cells: [r.syscall, r.share ?? null, r.total ?? null, r.calls ?? null, r.errors ?? null, r.avg ?? null, r.max ?? null] })),
  };
}

function show(): void {
  const group = currentGroup();
  if (!group) return;
  drawChart();
  table?.dispose();
  table = createDataTable(rowsTable(group), {
    bars: ['share'],
    sort: { column: saved.metric === 'errors' || saved.metric === 'calls' ? saved.metric : 'total', descending: true },
    onRowActivate: (row) => {
      if (row.line > 0 && api.inVsCode) api.postMessage({ type: 'revealLine', line: row.line });
    },
  });
  view.replaceChildren(chartBox, table.element);
}

function options(select: VscodeSingleSelect, items: { value: string; label: string }[], selected: string): void {
  select.replaceChildren(...items.map((o) => el('vscode-option', o.value === selected ? { value: o.value, selected: '' } : { value: o.value }, o.label)));
}

groupSelect.addEventListener('change', () => {
  save({ group: Number(groupSelect.value) });
  show();
});
metricSelect.addEventListener('change', () => {
  save({ metric: metricSelect.value as SyscallCostMetric });
  show();
});
topSelect.addEventListener('change', () => {
  save({ top: Number(topSelect.value) });
  drawChart();
});
logBox.addEventListener('change', () => {
  save({ log: logBox.checked });
  drawChart();
});
pngButton.addEventListener('click', () => {
  if (!chart || !meta) return;
  const png = chart.toBase64Image('image/png').replace(/^data:image\/png;base64,/, '');
  saveFile(api, { fileName: `${safeName(`${meta.title}-syscalls`)}.png`, content: png, encoding: 'base64', filters: { PNG: ['png'] }, mimeType: 'image/png' });
});
csvButton.addEventListener('click', () => {
  const group = currentGroup();
  if (!group || !table || !meta) return;
  saveFile(api, { fileName: `${safeName(`${meta.title}-${group.title}`)}.csv`, content: tableCsv(rowsTable(group).columns, table.shownRows()), encoding: 'utf8', filters: { CSV: ['csv'] }, mimeType: 'text/csv' });
});
onThemeChange(() => {
  if (meta) drawChart();
});

function safeName(s: string): string {
  return s.replace(/[^\w.-]+/g, '_').slice(0, 100);
}

startPanel<SyscallCostsToWebview>({
  api,
  shell,
  failTitle: 'Cannot show the syscall costs',
  handle(msg) {
    if (msg.type === 'syscallCosts/compare') {
      saved = { ...saved, ...(msg.state ?? {}) };
      chart?.destroy();
      chart = undefined;
      meta = undefined;
      showCompare(
        {
          api,
          shell,
          view,
          chartBox,
          canvas,
          metrics: METRICS,
          tops: TOPS,
          saved: () => saved,
          save,
        },
        msg,
      );
      return;
    }
    meta = msg.meta;
    groups = msg.groups;
    merged = msg.merged;
    saved = { ...saved, ...(msg.state ?? {}) };
    if (saved.group >= groups.length || (saved.group < 0 && !merged)) saved.group = 0;
    const choices = groups.map((g, i) => ({ value: String(i), label: g.title }));
    if (merged) choices.push({ value: '-1', label: merged.title });
    options(groupSelect, choices, String(saved.group));
    groupSelect.hidden = choices.length < 2;
    const available = METRICS.filter((m) => groups.some((g) => g.rows.some((r) => r[m.id] !== undefined)));
    if (!available.some((m) => m.id === saved.metric)) saved.metric = available[0]?.id ?? 'calls';
    options(metricSelect, available.map((m) => ({ value: m.id, label: m.label })), saved.metric);
    options(topSelect, TOPS.map((n) => ({ value: String(n), label: n === 0 ? 'All' : `Top ${n}` })), String(saved.top));
    logBox.checked = saved.log;
    const rows = groups.reduce((n, g) => n + g.rows.length, 0);
    shell.showReady({
      title: meta.title,
      facts: [
        { label: '', value: meta.tool === 'strace' ? 'strace -c' : 'perf trace -s', suffix: '' },
        { label: '', value: formatCount(groups.length), suffix: groups.length === 1 ? ' table' : ' threads / tables' },
        { label: '', value: formatCount(rows), suffix: ' rows' },
      ],
      recording: meta.facts,
      warnings: meta.warnings,
      droppedWarnings: meta.droppedWarnings,
    });
    save({});
    show();
  },
});
