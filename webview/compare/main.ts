/**
 * Comparison panel: runs as a differential flame graph (shape from one run, red where a frame's
 * share grew, blue where it shrank, neutral below the noise threshold), as two flame graphs side
 * by side with their zoom kept in step, or as the function diff table; baseline, compared run and
 * shape switchable. Messages: src/protocol/compare.ts.
 *
 * Test contract (e2e): body[data-state]; #compare-mode, #baseline-select, #compared-select,
 * #shape-select, #threshold, #threshold-unit (points|weight); the functions' #change-method
 * (delta|ratio|wdiff) and #wdiff-weights; the differential graph is #flamegraph with g.frame[data-name]
 * [data-delta][data-diff=grew|shrank|neutral]; side by side: .pl-side .pl-flamegraph-view (two),
 * each under a .pl-side-head with its .pl-side-title and a button.export-side-svg[data-run];
 * the table: the data table's contract; #compare-notes lists header differences and, for runs of
 * one log, #compare-run-facts (.run-facts[data-run] per run: what its name says).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import { callTreeFromJson, type CallTree } from '../../src/model/callTree';
import type { CompareMeta, CompareMode, CompareToWebview, CompareViewState, FlameGraphMeta, TableComparison } from '../../src/protocol';
import { createGroupedBars, type GroupedBars } from '../shared/groupedBars';
import { chartColumns, defaultChartColumn, tableChartData } from './tableChart';
import type { Table } from '../../src/model/table';
import { createDataTable } from '../shared/dataTable';
import { el } from '../shared/dom';
import { formatCount } from '../shared/format';
import { copyText, saveFile } from '../shared/hostActions';
import { renderTable, type TableTextFormat } from '../../src/analysis/tableText';
import { startPanel } from '../shared/panel';
import { createPanelShell } from '../shared/panelShell';
import { getVsCodeApi } from '../shared/vscodeApi';
import { createFlameGraphView, syncZoom, type FlameGraphView } from '../flamegraph/view';
import { convertThreshold, weightWord } from '../flamegraph/diffColors';
import { createChangeControls } from './changeControls';
import { validChange } from '../../src/analysis/compare/changeMethod';
import { runFactsList } from './runFacts';
import { useStyles } from '../shared/styles';
import compareCss from './styles.css';

useStyles('perflens-compare', compareCss);

const api = getVsCodeApi<CompareViewState>();
const shell = createPanelShell({ inVsCode: api.inVsCode, waiting: 'Waiting for the runs…' });
let saved: CompareViewState = { baseline: 0, compared: 1, shape: 1, threshold: 0.5, mode: 'differential', ...(api.getState() ?? {}) };

const select = (id: string, label: string): VscodeSingleSelect => el('vscode-single-select', { id, label, title: label }) as VscodeSingleSelect;
const modeSelect = select('compare-mode', 'View');
const baselineSelect = select('baseline-select', 'Baseline');
const comparedSelect = select('compared-select', 'Compared run');
const shapeSelect = select('shape-select', 'Shape from');
const thresholdField = el('vscode-textfield', { id: 'threshold', label: 'Noise threshold', title: 'Changes smaller than this stay neutral (in the unit chosen next to it)', type: 'number', min: '0', step: '0.1' }) as VscodeTextfield;
thresholdField.style.width = '7em';
const thresholdUnitSelect = select('threshold-unit', 'Unit of the noise threshold: points of share, or the runs\' own weight');
const exportButton = el('vscode-button', { id: 'export-svg', secondary: '', title: 'Save the differential flame graph as SVG' }, 'Export SVG');
const pngButton = el('vscode-button', { id: 'export-png', secondary: '', title: 'Save the chart as PNG' }, 'Export PNG');
const tableSelect = select('compare-table', 'Table');
const columnSelect = select('chart-column', 'Chart');
const checkbox = (id: string, label: string, title: string): VscodeCheckbox => el('vscode-checkbox', { id, label, title }) as VscodeCheckbox;
const matchBox = checkbox('match-symbols', 'Match symbols', 'Treat foo, foo+0x1a, foo.isra.0 and foo.cold as one function, and mask hex addresses');
const welchBox = checkbox('welch', 'Welch', "Repeated runs: Welch's t-test instead of Mann-Whitney U");
const trimBox = checkbox('trim', 'Drop first/last', "Repeated runs: drop each configuration's first and last run");
const changeControls = createChangeControls((change) => {
  saved = { ...saved, change };
  api.setState(saved);
  api.postMessage({ type: 'setChange', change });
});
const copySelect = select('copy-table', 'Copy the table shown (the functions under a flame graph)');
copySelect.replaceChildren(
  el('vscode-option', { value: '', selected: '' }, 'Copy table as…'),
  el('vscode-option', { value: 'text' }, 'Cover-letter text (top 30)'),
  el('vscode-option', { value: 'markdown' }, 'Markdown (top 30)'),
  el('vscode-option', { value: 'csv' }, 'CSV (all rows)'),
);
const label = (text: string, control: HTMLElement): HTMLElement => {
  const l = el('label', { class: 'pl-inline-label' }, `${text} `);
  l.append(control);
  return l;
};
shell.toolbar.append(
  label('View', modeSelect),
  label('Baseline', baselineSelect),
  label('vs', comparedSelect),
  label('Shape', shapeSelect),
  label('Noise ±', thresholdField),
  thresholdUnitSelect,
  label('Table', tableSelect),
  label('Chart', columnSelect),
  changeControls.element,
  matchBox,
  welchBox,
  trimBox,
  el('span', { class: 'spacer' }),
  copySelect,
  exportButton,
  pngButton,
);
const MODES: Array<[CompareMode, string]> = [
  ['differential', 'Differential flame graph'],
  ['sideBySide', 'Side by side'],
  ['table', 'Functions'],
  ['stacks', 'Stacks in some runs only'],
  ['statistics', 'Repeated runs: statistics'],
];

function fillModes(withStats: boolean): void {
  if (!withStats && saved.mode === 'statistics') saved = { ...saved, mode: 'differential' };
  modeSelect.replaceChildren(
    ...MODES.filter(([v]) => withStats || v !== 'statistics').map(([v, t]) => el('vscode-option', v === saved.mode ? { value: v, selected: '' } : { value: v }, t)),
  );
}

let current: { meta: CompareMeta; tree: CallTree; runTrees: CallTree[]; table: Table; stacks: Table; stats?: Table } | undefined;
let tableComparison: TableComparison | undefined;
let bars: GroupedBars | undefined;
let views: FlameGraphView[] = [];
let unsync: (() => void) | undefined;

function clearViews(): void {
  bars?.destroy();
  bars = undefined;
  unsync?.();
  unsync = undefined;
  views.forEach((v) => v.destroy());
  views = [];
}

function flameMeta(meta: CompareMeta, run: number, diff: boolean): FlameGraphMeta {
  const r = meta.runs[run];
  return {
    title: diff ? meta.title : r.label,
    format: r.format,
    event: r.event,
    events: r.event ? [r.event] : [],
    samples: r.samples,
    unit: r.unit,
    facts: r.facts,
    warnings: [],
    droppedWarnings: 0,
    diff: diff ? { ...meta.diff, baseline: saved.baseline, compared: saved.compared, shape: saved.shape, threshold: saved.threshold, thresholdUnit: saved.thresholdUnit ?? 'points' } : undefined,
  };
}

function render(): void {
  if (!current) return;
  const { meta, tree, runTrees, table } = current;
  clearViews();
  const notes = el('div', { id: 'compare-notes', class: 'pl-notes' });
  for (const w of [...meta.factWarnings, ...(meta.unitWarning ? [meta.unitWarning] : [])]) notes.append(el('div', { class: 'note' }, w));
  const body = el('div', { class: 'pl-compare-body' });
  shell.content.replaceChildren(notes, body);
  exportButton.hidden = saved.mode !== 'differential';
  thresholdField.parentElement!.hidden = saved.mode !== 'differential';
  thresholdUnitSelect.hidden = saved.mode !== 'differential';
  changeControls.element.hidden = saved.mode !== 'table';
  shapeSelect.parentElement!.hidden = saved.mode !== 'differential';
  if (saved.mode === 'differential') {
    const view = createFlameGraphView(body, { tooltip: shell.tooltip, ids: { graph: 'flamegraph', breadcrumb: 'breadcrumb' } });
    view.show(tree, flameMeta(meta, saved.shape, true));
    views = [view];
  } else if (saved.mode === 'sideBySide') {
    body.classList.add('pl-side');
    for (const run of [saved.baseline, saved.compared]) {
      const pane = el('div', { class: 'pl-side-pane' });
      const head = el('div', { class: 'pl-side-head' });
      const save = el('vscode-button', { class: 'export-side-svg', 'data-run': String(run), secondary: '', title: `Save ${meta.runs[run].label}'s flame graph as SVG` }, 'Export SVG');
      head.append(el('div', { class: 'pl-side-title' }, `${meta.runs[run].label}${run === saved.baseline ? ' (baseline)' : ''}`), save);
      pane.append(head);
      body.append(pane);
      const view = createFlameGraphView(pane, { tooltip: shell.tooltip });
      view.show(runTrees[run], flameMeta(meta, run, false));
      views.push(view);
      save.addEventListener('click', () => saveSvg(view, ''));
    }
    unsync = syncZoom(views);
  } else if (saved.mode === 'statistics' && current.stats) {
    body.append(el('div', { class: 'pl-stats-title' }, current.stats.title), createDataTable(current.stats).element);
  } else if (saved.mode === 'stacks') {
    const { stacks } = current;
    body.append(el('div', { class: 'pl-stats-title' }, stacks.rows.length > 0 ? stacks.title : 'Every stack is in every run.'), createDataTable(stacks).element);
  } else {
    body.append(createDataTable(table).element);
  }
}

/** Profile controls or table controls, as the comparison shown needs. */
function showControls(tables: boolean): void {
  for (const c of [modeSelect, shapeSelect, thresholdField, comparedSelect]) c.parentElement!.hidden = tables || c.parentElement!.hidden;
  thresholdUnitSelect.hidden = tables || thresholdUnitSelect.hidden;
  modeSelect.parentElement!.hidden = tables;
  exportButton.hidden = tables || saved.mode !== 'differential';
  tableSelect.parentElement!.hidden = !tables || (tableComparison?.tables.length ?? 0) < 2;
  pngButton.hidden = !tables;
  matchBox.hidden = tables;
  changeControls.element.hidden = tables || saved.mode !== 'table';
  // Statistics over repeated runs: of a profile comparison, or a table comparison's first table.
  const stats = tables ? !!tableComparison?.statistics : !!current?.stats;
  welchBox.hidden = !stats;
  trimBox.hidden = !stats;
  columnSelect.parentElement!.hidden = !tables;
}

/** The compared numeric columns of a diffed table: `calls@0` … -> 'calls' with its label. */
function renderTables(): void {
  const comparison = tableComparison;
  if (!comparison) return;
  clearViews();
  const notes = el('div', { id: 'compare-notes', class: 'pl-notes' });
  for (const w of comparison.factWarnings) notes.append(el('div', { class: 'note' }, w));
  if (comparison.runFacts) notes.append(runFactsList(comparison.labels, comparison.runFacts));
  if (comparison.unmatched.length) notes.append(el('div', { class: 'note' }, `Only in the baseline (no counterpart in every run): ${comparison.unmatched.join(', ')}`));
  const body = el('div', { class: 'pl-compare-body' });
  shell.content.replaceChildren(notes, body);
  const index = Math.min(saved.table ?? 0, comparison.tables.length - 1);
  const t = comparison.tables[index];
  if (!t) {
    body.append(el('div', { class: 'pl-empty' }, 'No table of the baseline has a counterpart in every run.'));
    return;
  }
  const cols = chartColumns(t);
  const chosen = defaultChartColumn(t, cols, columnSelect.value || undefined, t.sortBy);
  // A table without compared columns (the statistics over repeats) has no chart.
  columnSelect.parentElement!.hidden = !chosen;
  pngButton.hidden = !chosen;
  if (chosen) {
    columnSelect.replaceChildren(...cols.map((c) => el('vscode-option', c.id === chosen.id ? { value: c.id, selected: '' } : { value: c.id }, c.label)));
    columnSelect.value = chosen.id;
    const data = tableChartData(t, comparison.labels, comparison.baseline, chosen);
    const chartBox = el('div', { class: 'pl-chart', id: 'compare-chart' });
    chartBox.style.height = `${Math.max(160, 26 * data.categories.length * Math.min(3, data.series.length) + 60)}px`;
    body.append(chartBox);
    bars = createGroupedBars(chartBox, data);
  }
  body.append(createDataTable(t).element);
}

/** Points, or the weight the compared run counts: its label says which (samples, cycles period …). */
function fillThresholdUnits(meta: CompareMeta): void {
  const run = meta.runs[saved.compared] ?? meta.runs[0];
  const base = meta.runs[saved.baseline] ?? meta.runs[0];
  // Weights of different units (samples vs period, other events) do not subtract: points only.
  const sameUnit = weightWord(run.unit, run.event) === weightWord(base.unit, base.event);
  if (!sameUnit && saved.thresholdUnit === 'weight') {
    const totals = [saved.baseline, saved.compared].map((r) => meta.diff.totals[r]);
    saved = { ...saved, thresholdUnit: 'points', threshold: convertThreshold(saved.threshold, 'points', totals) };
  }
  const unit = saved.thresholdUnit ?? 'points';
  const options: Array<[string, string]> = [
    ['points', 'pts of share'],
    ['weight', sameUnit ? weightWord(run.unit, run.event) : 'weight (the runs count different units)'],
  ];
  thresholdUnitSelect.replaceChildren(
    ...options.map(([v, t]) => el('vscode-option', { value: v, ...(v === unit ? { selected: '' } : {}), ...(v === 'weight' && !sameUnit ? { disabled: '' } : {}) }, t)),
  );
  thresholdUnitSelect.value = unit;
}

function fillRunSelect(s: VscodeSingleSelect, meta: { runs: Array<{ label: string }> }, chosen: number): void {
  s.replaceChildren(...meta.runs.map((r, i) => el('vscode-option', i === chosen ? { value: String(i), selected: '' } : { value: String(i) }, r.label)));
}

function askRuns(baseline: number, compared: number, shape: number): void {
  if (baseline === compared) compared = baseline === 0 ? 1 : 0;
  saved = { ...saved, baseline, compared, shape };
  api.setState(saved);
  shell.showLoading('Re-comparing…');
  api.postMessage({ type: 'setRuns', baseline, compared, shape });
}

tableSelect.addEventListener('change', () => {
  saved = { ...saved, table: Number(tableSelect.value) };
  api.setState(saved);
  renderTables();
});
columnSelect.addEventListener('change', () => renderTables());

modeSelect.addEventListener('change', () => {
  saved = { ...saved, mode: modeSelect.value as CompareMode };
  api.setState(saved);
  render();
});
baselineSelect.addEventListener('change', () => {
  const b = Number(baselineSelect.value);
  if (tableComparison) {
    saved = { ...saved, baseline: b, compared: b === 0 ? 1 : 0 };
    api.setState(saved);
    shell.showLoading('Re-comparing…');
    api.postMessage({ type: 'setRuns', baseline: b, compared: saved.compared, shape: saved.compared });
    return;
  }
  const c = saved.compared === b ? saved.baseline : saved.compared;
  askRuns(b, c, c);
});
comparedSelect.addEventListener('change', () => askRuns(saved.baseline, Number(comparedSelect.value), Number(comparedSelect.value)));
shapeSelect.addEventListener('change', () => askRuns(saved.baseline, saved.compared, Number(shapeSelect.value)));
thresholdUnitSelect.addEventListener('change', () => {
  const unit = thresholdUnitSelect.value === 'weight' ? 'weight' : 'points';
  if (!current || unit === (saved.thresholdUnit ?? 'points')) return;
  const totals = [saved.baseline, saved.compared].map((r) => current!.meta.diff.totals[r]);
  saved = { ...saved, thresholdUnit: unit, threshold: convertThreshold(saved.threshold, unit, totals) };
  thresholdField.value = String(saved.threshold);
  api.setState(saved);
  render();
});
thresholdField.addEventListener('change', () => {
  const t = Number(thresholdField.value);
  if (!Number.isFinite(t) || t < 0) return;
  saved = { ...saved, threshold: t };
  api.setState(saved);
  render();
});
const sendAnalysis = (): void => {
  saved = { ...saved, matchSymbols: matchBox.checked, welch: welchBox.checked, trim: trimBox.checked };
  api.setState(saved);
  shell.showLoading('Re-comparing…');
  api.postMessage({ type: 'setAnalysis', matchSymbols: matchBox.checked, welch: welchBox.checked, trim: trimBox.checked });
};
for (const box of [matchBox, welchBox, trimBox]) box.addEventListener('change', sendAnalysis);

pngButton.addEventListener('click', () => {
  const canvas = bars?.canvas;
  if (!canvas) return;
  const data = canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  saveFile(api, { fileName: 'comparison.png', content: data, encoding: 'base64', filters: { PNG: ['png'] }, mimeType: 'image/png' });
});
/** Saves a view's graph as SVG; `suffix` marks the file (`-diff` for the differential graph). */
function saveSvg(view: FlameGraphView | undefined, suffix: string): void {
  const file = view?.exportSvg();
  if (file) saveFile(api, { fileName: file.fileName.replace(/\.svg$/, `${suffix}.svg`), content: file.text, encoding: 'utf8', filters: { SVG: ['svg'] }, mimeType: 'image/svg+xml' });
}
exportButton.addEventListener('click', () => saveSvg(views[0], '-diff'));

copySelect.addEventListener('change', () => {
  const format = copySelect.value as TableTextFormat | '';
  copySelect.value = '';
  const table = tableComparison ? tableComparison.tables[Math.min(saved.table ?? 0, tableComparison.tables.length - 1)] : shownTable();
  if (!format || !table) return;
  const text = renderTable(table, format, 30);
  copyText(api, format === 'text' ? `${table.title}\n${text}` : text);
  document.body.dataset.copied = format;
});

/** The profile comparison's table in view: the stacks or statistics when shown, else the functions. */
function shownTable(): Table | undefined {
  if (saved.mode === 'stacks') return current?.stacks;
  if (saved.mode === 'statistics' && current?.stats) return current.stats;
  return current?.table;
}

const typed = (t: CallTree): CallTree => (t.nodeName instanceof Int32Array ? t : callTreeFromJson(t));

startPanel<CompareToWebview>({
  api,
  shell,
  failTitle: 'Cannot show the comparison',
  handle(msg) {
    if (msg.type === 'compare/functionTable') {
      if (!current) return;
      current = { ...current, table: msg.table };
      saved = { ...saved, change: msg.change };
      api.setState(saved);
      if (saved.mode === 'table') render();
      return;
    }
    if (msg.type === 'compare/showTables') {
      tableComparison = msg.comparison;
      current = undefined;
      saved = { ...saved, ...(msg.state ?? {}) };
      api.setState(saved);
      welchBox.checked = !!saved.welch;
      trimBox.checked = !!saved.trim;
      const c = msg.comparison;
      fillRunSelect(baselineSelect, { runs: c.labels.map((label) => ({ label })) }, c.baseline);
      tableSelect.replaceChildren(...c.tables.map((t, i) => el('vscode-option', i === (saved.table ?? 0) ? { value: String(i), selected: '' } : { value: String(i) }, t.group ? `${t.group} — ${t.title}` : t.title)));
      showControls(true);
      shell.showReady({ title: 'Comparison', facts: c.labels.map((l, i) => ({ label: i === c.baseline ? 'baseline' : 'run', value: l })), recording: undefined, warnings: [], droppedWarnings: 0 });
      renderTables();
      return;
    }
    tableComparison = undefined;
    const { meta } = msg;
    current = { meta, tree: typed(msg.tree), runTrees: msg.runTrees.map(typed), table: msg.table, stacks: msg.stacks, stats: msg.stats };
    saved = { ...saved, ...(msg.state ?? {}) };
    matchBox.checked = saved.matchSymbols ?? true;
    welchBox.checked = !!saved.welch;
    trimBox.checked = !!saved.trim;
    fillModes(!!msg.stats);
    showControls(false);
    api.setState(saved);
    fillRunSelect(baselineSelect, meta, saved.baseline);
    fillRunSelect(comparedSelect, meta, saved.compared);
    comparedSelect.parentElement!.hidden = meta.runs.length < 3;
    fillRunSelect(shapeSelect, meta, saved.shape);
    modeSelect.value = saved.mode;
    fillThresholdUnits(meta);
    thresholdField.value = String(saved.threshold);
    api.setState(saved);
    changeControls.show(validChange(saved.change));
    const runs = meta.runs.map((r, i) => ({ label: i === saved.baseline ? 'baseline' : 'run', value: r.label, suffix: ` (${formatCount(r.samples)} ${r.format === 'folded' ? 'stack lines' : 'samples'})` }));
    shell.showReady({ title: 'Comparison', facts: runs, recording: undefined, warnings: [], droppedWarnings: 0 });
    render();
  },
});
