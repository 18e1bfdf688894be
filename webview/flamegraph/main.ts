/**
 * Flame graph webview. Receives ToWebview messages (or the #perflens-initial message of the
 * standalone page), draws the call tree with d3-flame-graph, pruned to what is visible at the current
 * zoom (see prune.ts), and answers with FromWebview messages.
 *
 * Test contract (the e2e test relies on it): body[data-state] is loading | ready | error; every drawn
 * frame is a `g` in #flamegraph with data-name and data-percent (share of the whole profile,
 * toFixed(2)); clicking a frame zooms; ids #reset-zoom #search #search-result #orientation
 * #copy-stack #export-svg #event-select #group-by #annotate #addrs #header #error #breadcrumb.
 *
 * Report strings (frame names, titles, warnings) only ever reach the DOM as text.
 */
import flamegraph, { type FlameGraph, type FlameNode } from 'd3-flame-graph';
import { select } from 'd3-selection';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import d3FlameGraphCss from '../../node_modules/d3-flame-graph/dist/d3-flamegraph.css';
import panelCss from './styles.css';
import type { FlameGraphMeta, FlameGraphViewState, ToWebview } from '../../src/protocol';
import { addStyles, getVsCodeApi, readInitialMessage } from '../shared/vscodeApi';
import { describeFrame, frameName, framePercent, svgFileName } from './frameText';
import { pruneForZoom, type FrameDatum, type PrunedView } from './pruning';
import { makeMatcher, matchNames, searchStats, searchSummary } from './search';
import { findPath, indexTree, pathOf, type TreeIndex } from './treeIndex';
import { DEFAULT_PALETTE, frameColor, hasAnnotations, parseColor, type Palette, type Rgb } from './colors';
import { exportSvg } from './exportSvg';
import { makeTransitionsInstant } from './instantTransitions';
import { createOptionsControls } from './options';
import { renderHeader } from './header';
import { el } from '../shared/dom';

type Node = FlameNode<FrameDatum>;
type State = 'loading' | 'ready' | 'error';

const CELL_HEIGHT = 18;
/** d3-flame-graph hides labels of frames narrower than this (px). */
const LABEL_MIN_WIDTH = 35;
/** "other" frames (merged callees) narrower than this are not drawn: they could not be seen. */
const MIN_OTHER_PX = 1;
const api = getVsCodeApi<FlameGraphViewState>();

makeTransitionsInstant();
addStyles(d3FlameGraphCss);
addStyles(panelCss);

// ---------------------------------------------------------------------------------------------
// DOM (static skeleton; report text is only ever assigned with textContent)


const header = el('div', { id: 'header', role: 'banner' });
const toolbar = el('div', { id: 'toolbar', role: 'toolbar' });
const resetButton = el('vscode-button', { id: 'reset-zoom', secondary: '', title: 'Show the whole profile (Esc zooms out one level)' }, 'Reset zoom') as VscodeButton;
const searchField = el('vscode-textfield', { id: 'search', placeholder: 'Search frames (text or /regex/)', label: 'Search frames' }) as VscodeTextfield;
const searchResult = el('span', { id: 'search-result', 'aria-live': 'polite' });
const spacer = el('span', { class: 'spacer' });
const orientationButton = el('vscode-button', { id: 'orientation', secondary: '', title: 'Icicle: draw the root at the top' }, 'Icicle') as VscodeButton;
const copyButton = el('vscode-button', { id: 'copy-stack', secondary: '', title: 'Copy the stack from the root to the zoomed frame' }, 'Copy stack') as VscodeButton;
const exportButton = el('vscode-button', { id: 'export-svg', secondary: '', title: 'Save the flame graph as SVG' }, 'Export SVG') as VscodeButton;
const eventLabel = el('span', { class: 'event-label', hidden: '' }, 'Event');
const eventSelect = el('vscode-single-select', { id: 'event-select', hidden: '', label: 'Event' }) as VscodeSingleSelect;
const optionsControls = createOptionsControls((options) => api.postMessage({ type: 'setOptions', options }));
toolbar.append(resetButton, searchField, searchResult, spacer, eventLabel, eventSelect, ...optionsControls.elements, orientationButton, copyButton, exportButton);
const breadcrumb = el('div', { id: 'breadcrumb', 'aria-label': 'Zoom path' });
const status = el('div', { id: 'status', role: 'status' });
const statusText = el('div');
const statusBar = el('div', { class: 'bar' });
const statusBarFill = el('span');
statusBar.append(statusBarFill);
status.append(statusText, statusBar);
const errorBox = el('div', { id: 'error', role: 'alert', hidden: '' });
const errorTitle = el('h2');
const errorMessage = el('pre');
errorBox.append(errorTitle, errorMessage);
const container = el('div', { id: 'flamegraph' });
const tooltip = el('div', { id: 'tooltip', role: 'tooltip', hidden: '' });

if (!api.inVsCode) document.documentElement.classList.add('standalone');
document.getElementById('perflens-boot')?.remove();
document.body.append(header, toolbar, breadcrumb, status, errorBox, container, tooltip);

function setState(s: State): void {
  document.body.dataset.state = s;
}

/** Header, toolbar and breadcrumb only make sense with a graph on screen. */
function showChrome(on: boolean): void {
  header.hidden = !on;
  toolbar.hidden = !on;
  breadcrumb.hidden = !on;
}
showChrome(false);

// ---------------------------------------------------------------------------------------------
// Model

interface Loaded {
  meta: FlameGraphMeta;
  index: TreeIndex;
  mixedPalette: boolean;
}

let loaded: Loaded | undefined;
let view: PrunedView | undefined;
let zoomIdx = 0;
let nameMatch: Uint8Array | undefined;
let viewState: FlameGraphViewState = { zoomPath: [], search: '', orientation: 'flame', ...(api.getState() ?? {}) };

function saveState(): void {
  api.setState(viewState);
}

// ---------------------------------------------------------------------------------------------
// Colours

let palette: Palette = DEFAULT_PALETTE;
const colorCache = new Map<string, string>();

function readPalette(): Palette {
  const probe = el('span', { hidden: '' });
  document.body.append(probe);
  const read = (name: string, fallback: Rgb): Rgb => {
    probe.style.color = `var(--vscode-charts-${name}, rgb(${fallback.join(',')}))`;
    return parseColor(getComputedStyle(probe).color) ?? fallback;
  };
  const p: Palette = {
    red: read('red', DEFAULT_PALETTE.red),
    orange: read('orange', DEFAULT_PALETTE.orange),
    yellow: read('yellow', DEFAULT_PALETTE.yellow),
    green: read('green', DEFAULT_PALETTE.green),
    blue: read('blue', DEFAULT_PALETTE.blue),
  };
  probe.remove();
  return p;
}

function colorOf(d: FrameDatum): string {
  let c = colorCache.get(d.name);
  if (c === undefined) {
    c = frameColor(d.name, palette, loaded?.mixedPalette ?? false);
    colorCache.set(d.name, c);
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Tooltip (text only; d3-flame-graph's default tooltip can use innerHTML)

function positionTooltip(event: MouseEvent): void {
  const pad = 12;
  const w = tooltip.offsetWidth;
  const h = tooltip.offsetHeight;
  let x = event.clientX + pad;
  let y = event.clientY + pad;
  if (x + w > window.innerWidth - 4) x = Math.max(4, event.clientX - w - pad);
  if (y + h > window.innerHeight - 4) y = Math.max(4, event.clientY - h - pad);
  tooltip.style.left = `${x}px`;
  tooltip.style.top = `${y}px`;
}

function showTooltip(event: MouseEvent, d: Node): void {
  if (!loaded) return;
  const info = describeFrame(loaded.index, d.data, zoomIdx, loaded.meta.unit);
  const name = el('div', { class: 'name' }, info.title);
  const lines = info.lines.map((l) => el('div', { class: 'line' }, l));
  const hint = d.data.role === 'frame' && d.data.idx !== zoomIdx ? [el('div', { class: 'hint' }, 'Click to zoom')] : [];
  tooltip.replaceChildren(name, ...lines, ...hint);
  tooltip.hidden = false;
  positionTooltip(event);
}

function hideTooltip(): void {
  tooltip.hidden = true;
}

const tip = Object.assign(
  () => {
    /* d3-flame-graph calls the tooltip with the svg; ours is a fixed div */
  },
  { show: showTooltip, hide: hideTooltip },
);

// ---------------------------------------------------------------------------------------------
// Chart

const chart: FlameGraph<FrameDatum> = flamegraph<FrameDatum>()
  .cellHeight(CELL_HEIGHT)
  .transitionDuration(0)
  .sort(false)
  .selfValue(false)
  .resetHeightOnZoom(true)
  .minFrameSize(0.25)
  .tooltip(tip)
  .getName((d) => d.data.name)
  .setColorMapper((d) => colorOf(d.data));
let mounted = false;

/** Content width of #flamegraph, kept by the ResizeObserver (reading layout in draw() would force it). */
let containerWidth = 0;
function graphWidth(): number {
  if (!containerWidth) {
    const cs = getComputedStyle(container);
    containerWidth = container.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  }
  return Math.max(200, Math.floor(containerWidth));
}

type Frame = SVGGElement & { __data__?: Node };

function frameClass(d: FrameDatum, px: number): string {
  let c = d.fade ? 'frame fade' : 'frame';
  // No label: take the foreignObject out of style and layout entirely (most frames are narrow).
  if (px < LABEL_MIN_WIDTH) c += ' nolabel';
  if (d.role === 'other') c += ' other';
  else if (nameMatch && nameMatch[loaded!.index.tree.nodeName[d.idx]]) c += ' match';
  if (d.role === 'frame' && d.idx === zoomIdx && zoomIdx !== 0) c += ' zoomed';
  return c;
}

/** Post-render pass: the test attributes and our classes on every drawn frame. */
function decorate(classesOnly = false): void {
  if (!loaded) return;
  const index = loaded.index;
  const w = chart.width();
  const frames = container.querySelectorAll<Frame>('svg > g');
  for (let i = 0; i < frames.length; i++) {
    const g = frames[i];
    const node = g.__data__;
    if (!node) continue;
    const d = node.data;
    g.setAttribute('class', frameClass(d, (node.x1 - node.x0) * w));
    if (classesOnly) continue;
    g.setAttribute('data-name', d.name);
    g.setAttribute('data-percent', framePercent(index, d));
  }
}

/** Draws `view` (re-pruned unless only the width changed). */
function draw(scroll: boolean): void {
  if (!loaded) return;
  hideTooltip();
  const width = graphWidth();
  chart.width(width).inverted(viewState.orientation === 'icicle');
  view = pruneForZoom(loaded.index, zoomIdx, { minOtherFraction: MIN_OTHER_PX / width });
  if (!mounted) {
    select(container).datum(view.root).call(chart);
    mounted = true;
  } else {
    chart.update(view.root);
  }
  decorate();
  if (scroll) {
    // After this frame's layout, not now (a forced layout here would be a second one).
    cancelAnimationFrame(scrollFrame);
    scrollFrame = requestAnimationFrame(() => {
      container.scrollTop = viewState.orientation === 'icicle' ? 0 : container.scrollHeight;
    });
  }
}
let scrollFrame = 0;

function redrawForWidth(): void {
  if (!loaded || !mounted || !view) return;
  if (graphWidth() !== chart.width()) draw(false);
}

let resizeFrame = 0;
new ResizeObserver((entries) => {
  const entry = entries[entries.length - 1];
  if (entry) containerWidth = entry.contentRect.width;
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(redrawForWidth);
}).observe(container);

// Clicks are taken in the capture phase so d3-flame-graph's own zoom (hide/fade on the pruned
// data) never runs: a zoom re-prunes the full tree from the clicked node instead.
container.addEventListener(
  'click',
  (event) => {
    const g = (event.target as Element).closest?.('g.frame') as Frame | null;
    if (!g || !container.contains(g)) return;
    event.stopPropagation();
    const d = g.__data__?.data;
    if (d) zoomTo(d.idx);
  },
  true,
);
container.addEventListener('mousemove', (event) => {
  if (!tooltip.hidden) positionTooltip(event);
});
container.addEventListener('mouseleave', hideTooltip);

// ---------------------------------------------------------------------------------------------
// Zoom, breadcrumb, search, orientation

function zoomTo(idx: number): void {
  if (!loaded) return;
  if (!(idx >= 0 && idx < loaded.index.n)) idx = 0;
  if (idx === zoomIdx && view) return;
  zoomIdx = idx;
  viewState = { ...viewState, zoomPath: pathOf(loaded.index, idx) };
  saveState();
  draw(true);
  renderBreadcrumb();
}

function renderBreadcrumb(): void {
  breadcrumb.replaceChildren();
  breadcrumb.title = '';
  copyButton.disabled = !loaded || zoomIdx === 0;
  if (!loaded || zoomIdx === 0) return;
  const { index } = loaded;
  const chain: number[] = [];
  for (let a = zoomIdx; a > 0; a = index.tree.parent[a]) chain.push(a);
  chain.reverse();
  chain.forEach((idx, i) => {
    if (i > 0) breadcrumb.append(' › ');
    const crumb = el('span', { class: 'crumb', title: 'Zoom to this frame' }, frameName(index, idx));
    crumb.addEventListener('click', () => zoomTo(idx));
    breadcrumb.append(crumb);
  });
  breadcrumb.title = breadcrumb.textContent ?? '';
}

function applySearch(term: string, persist: boolean): void {
  if (persist && term !== viewState.search) {
    viewState = { ...viewState, search: term };
    saveState();
  }
  const matcher = makeMatcher(term);
  if (!loaded || !matcher) {
    nameMatch = undefined;
    searchResult.textContent = '';
    document.body.classList.remove('searching');
  } else {
    nameMatch = matchNames(loaded.index.tree, matcher);
    searchResult.textContent = searchSummary(searchStats(loaded.index, nameMatch));
    document.body.classList.add('searching');
  }
  decorate(true);
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
searchField.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => applySearch(searchField.value, true), 120);
});
searchField.addEventListener('change', () => {
  clearTimeout(searchTimer);
  applySearch(searchField.value, true);
});
searchField.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    event.stopPropagation();
    searchField.value = '';
    clearTimeout(searchTimer);
    applySearch('', true);
  } else if (event.key === 'Enter') {
    clearTimeout(searchTimer);
    applySearch(searchField.value, true);
  }
});

function renderOrientation(): void {
  const icicle = viewState.orientation === 'icicle';
  orientationButton.secondary = !icicle;
  orientationButton.setAttribute('aria-pressed', String(icicle));
  orientationButton.dataset.orientation = viewState.orientation;
  orientationButton.title = icicle ? 'Icicle (root at the top); click for a flame graph' : 'Flame graph (root at the bottom); click for an icicle';
}

orientationButton.addEventListener('click', () => {
  viewState = { ...viewState, orientation: viewState.orientation === 'icicle' ? 'flame' : 'icicle' };
  saveState();
  renderOrientation();
  if (loaded) draw(true);
});
renderOrientation();

resetButton.addEventListener('click', () => zoomTo(0));

copyButton.addEventListener('click', () => {
  if (!loaded) return;
  const text = pathOf(loaded.index, zoomIdx).join('\n');
  if (!text) return;
  if (api.inVsCode) api.postMessage({ type: 'copyText', text });
  else void navigator.clipboard?.writeText(text).catch(() => undefined);
});

exportButton.addEventListener('click', () => {
  const svg = container.querySelector('svg');
  if (!loaded || !svg) return;
  const cs = getComputedStyle(document.body);
  const { index, meta } = loaded;
  const text = exportSvg(svg, {
    title: meta.event ? `${meta.title} (${meta.event})` : meta.title,
    background: cs.backgroundColor,
    foreground: cs.color,
    fontFamily: cs.fontFamily,
    describe: (g) => {
      const d = (g as Frame).__data__?.data;
      if (!d) return '';
      const info = describeFrame(index, d, zoomIdx, meta.unit);
      return [info.title, ...info.lines].join('\n');
    },
  });
  const fileName = svgFileName(meta.title);
  if (api.inVsCode) {
    api.postMessage({ type: 'saveFile', fileName, content: text, encoding: 'utf8', filters: { SVG: ['svg'] } });
  } else {
    const a = el('a', { download: fileName });
    a.href = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }
});

eventSelect.addEventListener('change', () => {
  const event = eventSelect.value;
  if (event && event !== loaded?.meta.event) api.postMessage({ type: 'selectEvent', event });
});

document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
    event.preventDefault();
    searchField.focus();
  } else if (event.key === 'Escape' && loaded && zoomIdx !== 0) {
    const target = event.target as Element | null;
    if (target && target.closest('vscode-textfield, vscode-single-select, input')) return;
    zoomTo(loaded.index.tree.parent[zoomIdx]);
  }
});

function renderEvents(meta: FlameGraphMeta): void {
  const many = meta.events.length > 1;
  eventSelect.hidden = !many;
  eventLabel.hidden = !many;
  if (!many) return;
  const current = meta.event ?? meta.events[0];
  // Mark the option itself: vscode-single-select re-reads its options after they change (slotchange)
  // and would fall back to the first one if only .value were set.
  eventSelect.replaceChildren(...meta.events.map((e) => el('vscode-option', e === current ? { value: e, selected: '' } : { value: e }, e)));
  eventSelect.value = current;
  eventSelect.disabled = !api.inVsCode;
  if (!api.inVsCode) eventSelect.title = 'Switching events needs VS Code; run the CLI with another event instead';
}

// ---------------------------------------------------------------------------------------------
// Messages

function showLoading(title: string, percent?: number): void {
  setState('loading');
  status.hidden = false;
  statusBar.hidden = false;
  errorBox.hidden = true;
  const pct = typeof percent === 'number' && Number.isFinite(percent) ? Math.max(0, Math.min(100, percent)) : undefined;
  statusText.textContent = pct === undefined ? `Loading ${title}…` : `Loading ${title}… ${Math.round(pct)}%`;
  statusBar.classList.toggle('determinate', pct !== undefined);
  statusBarFill.style.width = pct === undefined ? '' : `${pct}%`;
}

function showError(title: string, message: string): void {
  setState('error');
  status.hidden = true;
  errorTitle.textContent = title;
  errorMessage.textContent = message;
  errorBox.hidden = false;
  container.hidden = true;
  showChrome(false);
  hideTooltip();
}

function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (o) for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

function show(msg: Extract<ToWebview, { type: 'flameGraph/show' }>): void {
  const { meta, tree } = msg;
  const index = indexTree(tree);
  viewState = { ...viewState, ...definedOnly(api.getState()), ...definedOnly(msg.state) };
  if (!Array.isArray(viewState.zoomPath)) viewState.zoomPath = [];
  if (viewState.orientation !== 'icicle') viewState.orientation = 'flame';
  if (typeof viewState.search !== 'string') viewState.search = '';
  loaded = { meta, index, mixedPalette: hasAnnotations(tree.names) };
  palette = readPalette();
  colorCache.clear();
  const z = viewState.zoomPath.length ? findPath(index, viewState.zoomPath) : 0;
  zoomIdx = z < 0 ? 0 : z;
  if (z < 0) viewState.zoomPath = [];
  saveState();

  errorBox.hidden = true;
  status.hidden = true;
  container.hidden = false;
  showChrome(true);
  renderHeader(header, meta, index.rootTotal);
  renderEvents(meta);
  // Re-collapsing needs the extension; the standalone page shows the options it was made with.
  optionsControls.render(meta, api.inVsCode);
  renderOrientation();
  if (searchField.value !== viewState.search) searchField.value = viewState.search;
  if (!(index.rootTotal > 0)) {
    // Nothing to draw (d3 cannot lay out a zero-width root): say so instead of a blank panel.
    container.hidden = true;
    status.hidden = false;
    statusBar.hidden = true;
    statusText.textContent = 'This profile has no samples.';
    renderBreadcrumb();
    applySearch(viewState.search, false);
    setState('ready');
    return;
  }
  statusBar.hidden = false;
  draw(true);
  renderBreadcrumb();
  applySearch(viewState.search, false);
  setState('ready');
}

function handle(msg: ToWebview): void {
  try {
    switch (msg.type) {
      case 'panel/loading':
        showLoading(msg.title, msg.percent);
        break;
      case 'flameGraph/show':
        show(msg);
        break;
      case 'panel/error':
        showError(msg.title, msg.message);
        break;
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    showError('Cannot show the flame graph', message);
    api.postMessage({ type: 'error', message });
  }
}

// Re-colour when the VS Code theme changes (it swaps body classes and the --vscode-* variables).
const themeObserver = new MutationObserver(() => {
  if (!loaded || !mounted) return;
  const next = readPalette();
  if (JSON.stringify(next) === JSON.stringify(palette)) return;
  palette = next;
  colorCache.clear();
  chart.update();
  decorate();
});
themeObserver.observe(document.body, { attributes: true, attributeFilter: ['class'] });
themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });

window.addEventListener('error', (e) => api.postMessage({ type: 'error', message: String(e.message) }));
window.addEventListener('unhandledrejection', (e) => api.postMessage({ type: 'error', message: String(e.reason) }));

window.addEventListener('message', (event: MessageEvent) => {
  const data: unknown = event.data;
  if (data && typeof data === 'object' && typeof (data as { type?: unknown }).type === 'string') handle(data as ToWebview);
});

showLoading('flame graph');
statusText.textContent = 'Waiting for the profile…';
api.postMessage({ type: 'ready' });
try {
  const initial = readInitialMessage();
  if (initial) handle(initial);
} catch (err) {
  showError('Cannot read the embedded profile', err instanceof Error ? err.message : String(err));
}
