/**
 * Charts panel: a group picker (top functions, histograms, scaling) and one chart.js chart per
 * chart of the group, wired to the messages of src/protocol/charts.ts. A click on a bar or a point
 * shows its line in the editor.
 *
 * Test contract (e2e): body[data-state] loading | ready | error; #chart-group (hidden when one
 * group); one figure.pl-chart[data-title] per chart with a canvas and a .pl-chart-note.
 */
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Title, Tooltip } from 'chart.js';
import type { ChartSpec, ChartsToWebview, ChartsViewState } from '../../src/protocol';
import { el } from '../shared/dom';
import { formatCount } from '../shared/format';
import { startPanel } from '../shared/panel';
import { createPanelShell } from '../shared/panelShell';
import { computedColors, onThemeChange } from '../shared/theme';
import { getVsCodeApi } from '../shared/vscodeApi';
import { chartConfig, type ChartColors } from './chartConfig';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Title, Tooltip);

const api = getVsCodeApi<ChartsViewState>();
const shell = createPanelShell({
  inVsCode: api.inVsCode,
  waiting: 'Waiting for the report…',
  onOpenLocation: api.inVsCode ? (location) => api.postMessage({ type: 'openLocation', location }) : undefined,
});
let saved: ChartsViewState = { ...(api.getState() ?? {}) };
const groupSelect = el('vscode-single-select', { id: 'chart-group', label: 'Charts', hidden: '' }) as VscodeSingleSelect;
shell.toolbar.append(groupSelect);
shell.content.classList.add('pl-charts');

let charts: ChartSpec[] = [];
let drawn: Chart[] = [];

function colors(): ChartColors {
  const c = computedColors({
    foreground: 'var(--vscode-foreground, #cccccc)',
    grid: 'var(--vscode-editorWidget-border, #454545)',
    accent: 'var(--vscode-charts-orange, #d18616)',
    blue: 'var(--vscode-charts-blue, #3794ff)',
    green: 'var(--vscode-charts-green, #89d185)',
    purple: 'var(--vscode-charts-purple, #b180d7)',
    red: 'var(--vscode-charts-red, #f14c4c)',
    yellow: 'var(--vscode-charts-yellow, #cca700)',
  });
  return { foreground: c.foreground, grid: c.grid, accent: c.accent, palette: [c.blue, c.green, c.purple, c.red, c.yellow] };
}

function groups(): string[] {
  return [...new Set(charts.map((c) => c.group))];
}

function draw(): void {
  drawn.forEach((c) => c.destroy());
  drawn = [];
  const group = saved.group && groups().includes(saved.group) ? saved.group : groups()[0];
  const palette = colors();
  const figures = charts
    .filter((c) => c.group === group)
    .map((spec) => {
      const figure = el('figure', { class: 'pl-chart', 'data-title': spec.title });
      const caption = el('figcaption', {}, spec.title);
      const box = el('div', { class: 'pl-chart-box' });
      box.style.position = 'relative';
      box.style.height = '320px';
      const canvas = el('canvas');
      box.append(canvas);
      figure.append(caption, box);
      if (spec.note) figure.append(el('p', { class: 'pl-chart-note' }, spec.note));
      const config = chartConfig(spec, palette);
      config.options = {
        ...config.options,
        onClick: (_e, elements) => {
          const hit = elements[0];
          const point = hit ? spec.series[hit.datasetIndex]?.points[hit.index] : undefined;
          if (point && point.line > 0 && api.inVsCode) api.postMessage({ type: 'revealLine', line: point.line });
        },
      };
      return { figure, canvas, config };
    });
  shell.content.replaceChildren(...figures.map((f) => f.figure));
  for (const f of figures) drawn.push(new Chart(f.canvas, f.config));
}

groupSelect.addEventListener('change', () => {
  saved = { ...saved, group: groupSelect.value };
  api.setState(saved);
  draw();
});
onThemeChange(() => {
  if (charts.length > 0) draw();
});

startPanel<ChartsToWebview>({
  api,
  shell,
  failTitle: 'Cannot show the charts',
  handle(msg) {
    charts = msg.charts;
    saved = { ...saved, ...(msg.state ?? {}) };
    api.setState(saved);
    const names = groups();
    const current = saved.group && names.includes(saved.group) ? saved.group : names[0];
    groupSelect.replaceChildren(...names.map((g) => el('vscode-option', g === current ? { value: g, selected: '' } : { value: g }, g)));
    groupSelect.hidden = names.length < 2;
    shell.showReady({
      title: msg.meta.title,
      facts: [{ label: '', value: formatCount(charts.length), suffix: charts.length === 1 ? ' chart' : ' charts' }],
      recording: msg.meta.facts,
      warnings: msg.meta.warnings,
      droppedWarnings: msg.meta.droppedWarnings,
    });
    draw();
  },
});
