/**
 * Comparison panel: runs as a differential flame graph (shape from one run, red where a frame's
 * share grew, blue where it shrank, neutral below the noise threshold), as two flame graphs side
 * by side with their zoom kept in step, or as the function diff table; baseline, compared run and
 * shape switchable. Messages: src/protocol/compare.ts.
 *
 * Test contract (e2e): body[data-state]; #compare-mode, #baseline-select, #compared-select,
 * #shape-select, #threshold; the differential graph is #flamegraph with g.frame[data-name]
 * [data-delta][data-diff=grew|shrank|neutral]; side by side: .pl-side .pl-flamegraph-view (two);
 * the table: the data table's contract; #compare-notes lists header differences.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import { callTreeFromJson, type CallTree } from '../../src/model/callTree';
import type { CompareMeta, CompareMode, CompareToWebview, CompareViewState, FlameGraphMeta } from '../../src/protocol';
import { createDataTable } from '../shared/dataTable';
import { el } from '../shared/dom';
import { formatCount } from '../shared/format';
import { saveFile } from '../shared/hostActions';
import { startPanel } from '../shared/panel';
import { createPanelShell } from '../shared/panelShell';
import { getVsCodeApi } from '../shared/vscodeApi';
import { createFlameGraphView, syncZoom, type FlameGraphView } from '../flamegraph/view';
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
const thresholdField = el('vscode-textfield', { id: 'threshold', label: 'Noise threshold (points)', title: 'Changes smaller than this many points of share stay neutral', type: 'number', min: '0', step: '0.1' }) as VscodeTextfield;
thresholdField.style.width = '7em';
const exportButton = el('vscode-button', { id: 'export-svg', secondary: '', title: 'Save the differential flame graph as SVG' }, 'Export SVG');
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
  el('span', { class: 'spacer' }),
  exportButton,
);
modeSelect.replaceChildren(
  ...([
    ['differential', 'Differential flame graph'],
    ['sideBySide', 'Side by side'],
    ['table', 'Functions'],
  ] as const).map(([v, t]) => el('vscode-option', { value: v }, t)),
);

let current: { meta: CompareMeta; tree: CallTree; runTrees: CallTree[]; table: Parameters<typeof createDataTable>[0] } | undefined;
let views: FlameGraphView[] = [];
let unsync: (() => void) | undefined;

function clearViews(): void {
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
    diff: diff ? { ...meta.diff, baseline: saved.baseline, compared: saved.compared, shape: saved.shape, threshold: saved.threshold } : undefined,
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
  shapeSelect.parentElement!.hidden = saved.mode !== 'differential';
  if (saved.mode === 'differential') {
    const view = createFlameGraphView(body, { tooltip: shell.tooltip, ids: { graph: 'flamegraph', breadcrumb: 'breadcrumb' } });
    view.show(tree, flameMeta(meta, saved.shape, true));
    views = [view];
  } else if (saved.mode === 'sideBySide') {
    body.classList.add('pl-side');
    for (const run of [saved.baseline, saved.compared]) {
      const pane = el('div', { class: 'pl-side-pane' });
      pane.append(el('div', { class: 'pl-side-title' }, `${meta.runs[run].label}${run === saved.baseline ? ' (baseline)' : ''}`));
      body.append(pane);
      const view = createFlameGraphView(pane, { tooltip: shell.tooltip });
      view.show(runTrees[run], flameMeta(meta, run, false));
      views.push(view);
    }
    unsync = syncZoom(views);
  } else {
    body.append(createDataTable(table).element);
  }
}

function fillRunSelect(s: VscodeSingleSelect, meta: CompareMeta, chosen: number): void {
  s.replaceChildren(...meta.runs.map((r, i) => el('vscode-option', i === chosen ? { value: String(i), selected: '' } : { value: String(i) }, r.label)));
}

function askRuns(baseline: number, compared: number, shape: number): void {
  if (baseline === compared) compared = baseline === 0 ? 1 : 0;
  saved = { ...saved, baseline, compared, shape };
  api.setState(saved);
  shell.showLoading('Re-comparing…');
  api.postMessage({ type: 'setRuns', baseline, compared, shape });
}

modeSelect.addEventListener('change', () => {
  saved = { ...saved, mode: modeSelect.value as CompareMode };
  api.setState(saved);
  render();
});
baselineSelect.addEventListener('change', () => {
  const b = Number(baselineSelect.value);
  const c = saved.compared === b ? saved.baseline : saved.compared;
  askRuns(b, c, c);
});
comparedSelect.addEventListener('change', () => askRuns(saved.baseline, Number(comparedSelect.value), Number(comparedSelect.value)));
shapeSelect.addEventListener('change', () => askRuns(saved.baseline, saved.compared, Number(shapeSelect.value)));
thresholdField.addEventListener('change', () => {
  const t = Number(thresholdField.value);
  if (!Number.isFinite(t) || t < 0) return;
  saved = { ...saved, threshold: t };
  api.setState(saved);
  render();
});
exportButton.addEventListener('click', () => {
  const file = views[0]?.exportSvg();
  if (file) saveFile(api, { fileName: file.fileName.replace(/\.svg$/, '-diff.svg'), content: file.text, encoding: 'utf8', filters: { SVG: ['svg'] }, mimeType: 'image/svg+xml' });
});

const typed = (t: CallTree): CallTree => (t.nodeName instanceof Int32Array ? t : callTreeFromJson(t));

startPanel<CompareToWebview>({
  api,
  shell,
  failTitle: 'Cannot show the comparison',
  handle(msg) {
    const { meta } = msg;
    current = { meta, tree: typed(msg.tree), runTrees: msg.runTrees.map(typed), table: msg.table };
    saved = { ...saved, ...(msg.state ?? {}) };
    api.setState(saved);
    fillRunSelect(baselineSelect, meta, saved.baseline);
    fillRunSelect(comparedSelect, meta, saved.compared);
    comparedSelect.parentElement!.hidden = meta.runs.length < 3;
    fillRunSelect(shapeSelect, meta, saved.shape);
    for (const o of modeSelect.querySelectorAll('vscode-option')) o.toggleAttribute('selected', o.getAttribute('value') === saved.mode);
    modeSelect.value = saved.mode;
    thresholdField.value = String(saved.threshold);
    const runs = meta.runs.map((r, i) => ({ label: i === saved.baseline ? 'baseline' : 'run', value: r.label, suffix: ` (${formatCount(r.samples)} ${r.format === 'folded' ? 'stack lines' : 'samples'})` }));
    shell.showReady({ title: 'Comparison', facts: runs, recording: undefined, warnings: [], droppedWarnings: 0 });
    render();
  },
});
