/**
 * perf stat counter chart: the shared panel shell, one bar chart per unit (chart.js with
 * chartjs-chart-error-bars): a bar per counter, a colour per block (pasted runs side by side), the
 * noise as error bars; below, the derived metrics as perf printed them. Clicking a bar shows its
 * line in the editor. Report text reaches the page only as text (textContent, canvas text).
 *
 * Test contract (e2e): body[data-state] loading | ready | error; #log-scale; one
 * .pl-stat-chart[data-unit] per unit with a canvas; #stat-metrics (a table of the metrics).
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { BarWithErrorBar, BarWithErrorBarsController } from 'chartjs-chart-error-bars';
import type { StatChartBlock, StatChartToWebview, StatChartViewState } from '../../src/protocol';
import { el } from '../shared/dom';
import { formatCount } from '../shared/format';
import { startPanel } from '../shared/panel';
import { createPanelShell } from '../shared/panelShell';
import { useStyles } from '../shared/styles';
import { chartColors, onThemeChange } from '../shared/theme';
import { getVsCodeApi } from '../shared/vscodeApi';
import { counterTooltip, missingCounters, seriesCharts, unitCharts, type SeriesChart, type UnitChart } from './chartData';

Chart.register(BarWithErrorBarsController, BarWithErrorBar, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, LogarithmicScale, Tooltip, Legend);

useStyles(
  'stat-chart',
  `.pl-stat-charts { display: flex; flex-direction: column; gap: 16px; padding: 8px; }
   .pl-stat-chart { position: relative; height: 320px; }
   .pl-stat-chart h3 { margin: 0 0 4px; font-weight: 600; font-size: 1em; }
   .pl-stat-chart .pl-canvas { position: relative; height: 290px; }
   #stat-metrics { border-collapse: collapse; }
   #stat-metrics th, #stat-metrics td { text-align: left; padding: 2px 10px 2px 0; border-bottom: 1px solid var(--vscode-panel-border, #8884); }`,
);

const api = getVsCodeApi<StatChartViewState>();
const shell = createPanelShell({
  inVsCode: api.inVsCode,
  waiting: 'Waiting for the perf stat report…',
  onOpenLocation: api.inVsCode ? (location) => api.postMessage({ type: 'openLocation', location }) : undefined,
});
let saved: StatChartViewState = { ...(api.getState() ?? {}) };

const logBox = el('vscode-checkbox', { id: 'log-scale', label: 'Log scale', title: 'Unset: each chart uses a log axis when its counts span more than two orders of magnitude' }) as VscodeCheckbox;
shell.toolbar.append(logBox);

let blocks: StatChartBlock[] = [];
/** The charts drawn now (error-bar and line charts: only destroyed, so their own types do not matter here). */
let charts: Array<{ destroy(): void }> = [];

const colors = chartColors;

const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

function config(chart: UnitChart): ChartConfiguration<'barWithErrorBars'> {
  const log = chart.log;
  const { series, text, grid } = colors();
  return {
    type: 'barWithErrorBars',
    data: {
      labels: chart.labels,
      datasets: chart.datasets.map((d, i) => ({
        label: d.label,
        data: d.data as never,
        backgroundColor: series[i % series.length],
        errorBarColor: text,
        errorBarWhiskerColor: text,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { ticks: { color: text }, grid: { color: grid } },
        y: {
          type: log ? 'logarithmic' : 'linear',
          ticks: { color: text, callback: (v) => COMPACT.format(Number(v)) },
          grid: { color: grid },
          title: { display: true, text: `${chart.unit || 'count'}${log ? ' (log)' : ''}`, color: text },
        },
      },
      plugins: {
        legend: { display: chart.datasets.length > 1, labels: { color: text } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const c = chart.datasets[item.datasetIndex]?.counters[item.dataIndex];
              return c ? counterTooltip(blocks[item.datasetIndex], c) : '';
            },
          },
        },
      },
      onClick: (_event, elements) => {
        const hit = elements[0];
        const c = hit ? chart.datasets[hit.datasetIndex]?.counters[hit.index] : undefined;
        if (c && api.inVsCode) api.postMessage({ type: 'revealLine', line: c.line });
      },
    },
  };
}

function seriesConfig(chart: SeriesChart): ChartConfiguration<'line'> {
  const { series, text, grid } = colors();
  return {
    type: 'line',
    data: {
      labels: chart.times.map((t) => t.toFixed(3)),
      datasets: chart.lines.map((l, i) => ({ label: l.label, data: l.values as number[], borderColor: series[i % series.length], backgroundColor: series[i % series.length], pointRadius: 0, spanGaps: false })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { color: text, maxTicksLimit: 12 }, grid: { color: grid }, title: { display: true, text: 'time (s, interval end)', color: text } },
        y: { ticks: { color: text, callback: (v) => COMPACT.format(Number(v)) }, grid: { color: grid }, title: { display: true, text: chart.unit || 'count', color: text } },
      },
      plugins: { legend: { labels: { color: text } } },
    },
  };
}

function metricsTable(): HTMLElement | undefined {
  const rows = new Map<string, string[]>();
  blocks.forEach((b, i) => {
    for (const c of b.counters) {
      if (c.metrics.length === 0) continue;
      const row = rows.get(c.label) ?? blocks.map(() => '');
      row[i] = c.metrics.join('; ');
      rows.set(c.label, row);
    }
  });
  if (rows.size === 0) return undefined;
  const table = el('table', { id: 'stat-metrics' });
  const head = el('tr');
  head.append(el('th', {}, 'counter'), ...blocks.map((b) => el('th', {}, `# ${b.title}`)));
  table.append(head);
  for (const [label, cells] of rows) {
    const tr = el('tr');
    tr.append(el('td', {}, label), ...cells.map((c) => el('td', {}, c)));
    table.append(tr);
  }
  return table;
}

function render(): void {
  charts.forEach((c) => c.destroy());
  charts = [];
  const wrap = el('div', { class: 'pl-stat-charts' });
  const all = unitCharts(blocks, saved.logScale);
  logBox.checked = saved.logScale ?? all.some((c) => c.log);
  for (const chart of all) {
    const box = el('section', { class: 'pl-stat-chart', 'data-unit': chart.unit });
    const errors = blocks.some((b) => b.errors === 'intervals') ? 'error bars: standard deviation over the intervals' : chart.hasErrors ? 'error bars: ± perf stat -r noise' : 'no noise (run perf stat -r N for error bars)';
    box.append(el('h3', {}, `${chart.unit || 'counts'} — ${errors}`));
    const holder = el('div', { class: 'pl-canvas' });
    const canvas = el('canvas');
    holder.append(canvas);
    box.append(holder);
    wrap.append(box);
    charts.push(new Chart(canvas, config(chart)));
  }
  for (const b of blocks) {
    for (const chart of seriesCharts(b)) {
      const box = el('section', { class: 'pl-stat-chart pl-stat-series', 'data-unit': chart.unit });
      box.append(el('h3', {}, `${b.title}: ${chart.unit || 'counts'} per interval`));
      const holder = el('div', { class: 'pl-canvas' });
      const canvas = el('canvas');
      holder.append(canvas);
      box.append(holder);
      wrap.append(box);
      charts.push(new Chart(canvas, seriesConfig(chart)));
    }
  }
  const missing = missingCounters(blocks);
  if (missing.length > 0) wrap.append(el('p', { id: 'stat-missing' }, `No value (no bar): ${missing.join(', ')}`));
  const metrics = metricsTable();
  if (metrics) wrap.append(el('h3', {}, 'Derived metrics (as perf printed them)'), metrics);
  shell.content.replaceChildren(wrap);
}

logBox.addEventListener('change', () => {
  saved = { ...saved, logScale: logBox.checked };
  api.setState(saved);
  render();
});
onThemeChange(() => {
  if (blocks.length > 0) render();
});

startPanel<StatChartToWebview>({
  api,
  shell,
  failTitle: 'Cannot show the counter chart',
  handle(msg) {
    blocks = msg.blocks;
    saved = { ...saved, ...(msg.state ?? {}) };
    api.setState(saved);
    const counters = blocks.reduce((n, b) => n + b.counters.length, 0);
    shell.showReady({
      title: msg.meta.title,
      facts: [
        { label: '', value: formatCount(blocks.length), suffix: blocks.length === 1 ? ' block' : ' blocks' },
        { label: '', value: formatCount(counters), suffix: ' counters' },
      ],
      recording: msg.meta.facts,
      warnings: msg.meta.warnings,
      droppedWarnings: msg.meta.droppedWarnings,
    });
    render();
  },
});
