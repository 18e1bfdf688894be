/**
 * The Syscall Costs panel's compare mode: grouped horizontal bars, one colour per side (a file, or
 * a thread of one), for the top syscalls of the chosen metric; each side's group and the baseline
 * are chosen in the toolbar; the table lists values, deltas and ratios to the baseline.
 *
 * Test contract (e2e): #side-0, #side-1 … (group of each side), #baseline-select, #metric-select,
 * #top-select, #log-scale, #export-png, #export-csv; canvas#syscall-chart with data-top-label,
 * data-top-values (JSON, one value per side as drawn, in data-unit) and data-top-delta (the first
 * non-baseline side's delta for the top syscall, in the metric's unit: µs or a count).
 */
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import { Chart } from 'chart.js';
import type { SyscallCompareSide, SyscallCostMetric, SyscallCostsToWebview, SyscallCostsViewState } from '../../src/protocol';
import { createDataTable, type DataTable } from '../shared/dataTable';
import { el } from '../shared/dom';
import { saveFile } from '../shared/hostActions';
import type { PanelShell } from '../shared/panelShell';
import { tableCsv } from '../shared/tableCells';
import { computedColors } from '../shared/theme';
import type { WebviewApi } from '../shared/vscodeApi';
import { compareChart, sideLabel } from './compareData';

type CompareMessage = Extract<SyscallCostsToWebview, { type: 'syscallCosts/compare' }>;

export interface CompareDeps {
  api: WebviewApi<SyscallCostsViewState>;
  shell: PanelShell;
  view: HTMLElement;
  chartBox: HTMLElement;
  canvas: HTMLCanvasElement;
  metrics: { id: SyscallCostMetric; label: string }[];
  tops: number[];
  saved: () => SyscallCostsViewState;
  save: (patch: Partial<SyscallCostsViewState>) => void;
}

const PALETTE = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'];

function select(id: string, label: string, items: { value: string; label: string }[], selected: string): VscodeSingleSelect {
  const s = el('vscode-single-select', { id, label }) as VscodeSingleSelect;
  s.append(...items.map((o) => el('vscode-option', o.value === selected ? { value: o.value, selected: '' } : { value: o.value }, o.label)));
  return s;
}

export function showCompare(d: CompareDeps, msg: CompareMessage): void {
  const { sources } = msg;
  const state = d.saved();
  const valid = (s: SyscallCompareSide) => s.source >= 0 && s.source < sources.length && s.group >= -1 && s.group < sources[s.source].groups.length;
  let sides = state.sides && state.sides.length === msg.sides.length && state.sides.every(valid) ? state.sides : msg.sides;
  let baseline = state.baseline !== undefined && state.baseline < sides.length ? state.baseline : msg.baseline;
  let chart: Chart<'bar'> | undefined;
  let table: DataTable | undefined;
  let current: ReturnType<typeof compareChart> | undefined;

  const groupChoices = sources.flatMap((s, si) => [
    ...s.groups.map((g, gi) => ({ value: `${si}:${gi}`, label: `${s.label}: ${g.title}` })),
    ...(s.merged ? [{ value: `${si}:-1`, label: `${s.label}: ${s.merged.title}` }] : []),
  ]);
  const sideSelects = sides.map((side, i) => select(`side-${i}`, `Side ${String.fromCharCode(65 + i)}`, groupChoices, `${side.source}:${side.group}`));
  const baselineSelect = select('baseline-select', 'Baseline', sides.map((_, i) => ({ value: String(i), label: String.fromCharCode(65 + i) })), String(baseline));
  const available = d.metrics.filter((m) => sources.some((s) => s.groups.some((g) => g.rows.some((r) => r[m.id] !== undefined))));
  const metricSelect = select('metric-select', 'Metric', available.map((m) => ({ value: m.id, label: m.label })), state.metric);
  const topSelect = select('top-select', 'Bars', d.tops.map((n) => ({ value: String(n), label: n === 0 ? 'All' : `Top ${n}` })), String(state.top));
  const logBox = el('vscode-checkbox', { id: 'log-scale', label: 'Log scale' }) as VscodeCheckbox;
  logBox.checked = state.log;
  const png = el('vscode-button', { id: 'export-png', secondary: '', title: 'Save the chart as PNG' }, 'Export PNG');
  const csv = el('vscode-button', { id: 'export-csv', secondary: '', title: 'Save the comparison as CSV' }, 'Export CSV');
  d.shell.toolbar.replaceChildren(...sideSelects, baselineSelect, metricSelect, topSelect, logBox, el('span', { class: 'spacer' }), png, csv);

  const draw = (): void => {
    const s = d.saved();
    const data = compareChart(sources, sides, baseline, s.metric, s.top);
    current = data;
    const colors = computedColors(
      Object.fromEntries([
        ...PALETTE.map((p) => [p, `var(--vscode-charts-${p}, ${p})`]),
        ['fg', 'var(--vscode-foreground, #cccccc)'],
        ['grid', 'color-mix(in srgb, var(--vscode-foreground, #cccccc) 15%, transparent)'],
      ]) as Record<string, string>,
    );
    chart?.destroy();
    d.chartBox.style.height = `${Math.max(140, data.labels.length * (10 + 12 * sides.length) + 80)}px`;
    const canvas = d.canvas;
    canvas.dataset.topLabel = data.labels[0] ?? '';
    canvas.dataset.topValues = JSON.stringify(data.datasets.map((ds) => (ds.values[0] === null || ds.values[0] === undefined ? null : Math.round(ds.values[0] * 1000) / 1000)));
    canvas.dataset.unit = data.unit;
    const top = data.comparison.rows.find((r) => r.syscall === data.labels[0]);
    const other = sides.findIndex((_, i) => i !== baseline);
    const delta = top?.values[other]?.[s.metric].delta;
    canvas.dataset.topDelta = delta === undefined ? '' : String(Math.round(delta * 1000) / 1000);
    canvas.setAttribute('aria-label', `${data.axis} compared: ${data.datasets.map((ds) => `${ds.name} ${ds.label}`).join(', ')}`);
    chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.datasets.map((ds, i) => ({
          label: `${ds.name}${i === baseline ? ' (baseline)' : ''}: ${ds.label}`,
          data: ds.values,
          backgroundColor: colors[PALETTE[i % PALETTE.length]],
          borderWidth: 0,
        })),
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: true, labels: { color: colors.fg } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const row = data.comparison.rows.find((r) => r.syscall === data.labels[item.dataIndex]);
                const v = row?.values[item.datasetIndex]?.[s.metric];
                const ratio = item.datasetIndex !== baseline && v?.ratio !== undefined ? ` (×${v.ratio.toFixed(3)} of the baseline)` : '';
                return `${data.datasets[item.datasetIndex].name}: ${Number(item.raw).toLocaleString('en-US', { maximumFractionDigits: 3 })} ${data.unit}${ratio}`;
              },
            },
          },
        },
        scales: {
          x: { type: s.log ? 'logarithmic' : 'linear', title: { display: true, text: data.axis, color: colors.fg }, ticks: { color: colors.fg }, grid: { color: colors.grid } },
          y: { ticks: { color: colors.fg, autoSkip: false }, grid: { display: false } },
        },
      },
    });
    table?.dispose();
    table = createDataTable(data.table, { sort: { column: `v${baseline}`, descending: true } });
    d.view.replaceChildren(d.chartBox, table.element);
  };

  const saveSides = (): void => d.save({ sides, baseline });
  sideSelects.forEach((sel, i) =>
    sel.addEventListener('change', () => {
      const [source, group] = sel.value.split(':').map(Number);
      sides = sides.map((s, j) => (j === i ? { source, group } : s));
      saveSides();
      draw();
    }),
  );
  baselineSelect.addEventListener('change', () => {
    baseline = Number(baselineSelect.value);
    saveSides();
    draw();
  });
  metricSelect.addEventListener('change', () => {
    d.save({ metric: metricSelect.value as SyscallCostMetric });
    draw();
  });
  topSelect.addEventListener('change', () => {
    d.save({ top: Number(topSelect.value) });
    draw();
  });
  logBox.addEventListener('change', () => {
    d.save({ log: logBox.checked });
    draw();
  });
  png.addEventListener('click', () => {
    if (!chart) return;
    const content = chart.toBase64Image('image/png').replace(/^data:image\/png;base64,/, '');
    saveFile(d.api, { fileName: 'syscall-costs-compared.png', content, encoding: 'base64', filters: { PNG: ['png'] }, mimeType: 'image/png' });
  });
  csv.addEventListener('click', () => {
    if (!current || !table) return;
    saveFile(d.api, { fileName: 'syscall-costs-compared.csv', content: tableCsv(current.table.columns, table.shownRows()), encoding: 'utf8', filters: { CSV: ['csv'] }, mimeType: 'text/csv' });
  });

  d.shell.showReady({
    title: `Syscall costs compared: ${sides.map((s) => sideLabel(sources, s)).join(' vs ')}`,
    facts: [{ label: '', value: String(sides.length), suffix: ' sides' }],
    recording: {},
    warnings: sources.flatMap((s) => s.meta.warnings.map((w) => ({ ...w, message: `${s.label}: ${w.message}` }))),
    droppedWarnings: sources.reduce((n, s) => n + s.meta.droppedWarnings, 0),
  });
  d.save({ sides, baseline, ...(msg.state ?? {}) });
  draw();
}
