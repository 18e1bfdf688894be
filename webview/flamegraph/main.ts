/**
 * Flame graph panel: the shared panel shell, one flame graph view (view.ts) and its toolbar, wired
 * to the messages of src/protocol/flameGraph.ts (or the #perflens-initial message of the standalone
 * page written by `perflens flamegraph FILE -o out.html`).
 *
 * Test contract (the e2e tests rely on it): body[data-state] is loading | ready | error; every drawn
 * frame is a `g` in #flamegraph with data-name and data-percent (share of the whole profile,
 * toFixed(2)); clicking a frame zooms; ids #reset-zoom #search #search-result #orientation
 * #copy-stack #export-svg #event-select #group-by #annotate #addrs (toolbar.ts), #header #error
 * #status #tooltip (shared/panelShell.ts), #flamegraph #breadcrumb (given to the view here);
 * #sandwich-toggle shows #sandwich (callers #sandwich-callers above, callees #sandwich-callees
 * below) of the zoomed frame.
 *
 * Report strings (frame names, titles, warnings) only ever reach the DOM as text.
 */
import type { FlameGraphToWebview, FlameGraphViewState } from '../../src/protocol';
import { copyText, saveFile } from '../shared/hostActions';
import { startPanel } from '../shared/panel';
import { createPanelShell } from '../shared/panelShell';
import { getVsCodeApi } from '../shared/vscodeApi';
import { flameGraphHeader } from './headerInfo';
import { createFlameGraphToolbar } from './toolbar';
import { createFlameGraphView } from './view';
import { createSandwichPane } from './sandwich';
import { el } from '../shared/dom';
import type { CallTree } from '../../src/model/callTree';
import type { FlameGraphMeta } from '../../src/protocol';
import { callTreeFromJson } from '../../src/model/callTree';

const api = getVsCodeApi<FlameGraphViewState>();
const shell = createPanelShell({
  inVsCode: api.inVsCode,
  waiting: 'Waiting for the profile…',
  onOpenLocation: api.inVsCode ? (location) => api.postMessage({ type: 'openLocation', location }) : undefined,
});

/** Saved state: the view's (zoom, search, orientation) plus the panel's (source file, options). */
let saved: FlameGraphViewState = { zoomPath: [], search: '', orientation: 'flame', ...(api.getState() ?? {}) };

const view = createFlameGraphView(shell.content, {
  tooltip: shell.tooltip,
  ids: { graph: 'flamegraph', breadcrumb: 'breadcrumb' },
  state: saved,
});
view.on('state', (s) => {
  saved = { ...saved, ...s };
  api.setState(saved);
});

const toolbar = createFlameGraphToolbar(view, {
  copyStack() {
    const text = view.state.zoomPath.join('\n');
    if (text) copyText(api, text);
  },
  exportSvg() {
    const file = view.exportSvg();
    if (file) saveFile(api, { fileName: file.fileName, content: file.text, encoding: 'utf8', filters: { SVG: ['svg'] }, mimeType: 'image/svg+xml' });
  },
  selectEvent: (event) => api.postMessage({ type: 'selectEvent', event }),
  setOptions: (options) => api.postMessage({ type: 'setOptions', options }),
});
shell.toolbar.append(...toolbar.elements);

// Caller/callee view of the zoomed frame (click a frame, then "Callers/callees").
const sandwichPane = createSandwichPane(shell.content, shell.tooltip);
const sandwichButton = el('vscode-button', { id: 'sandwich-toggle', secondary: '', title: 'Show the callers and callees of the zoomed frame' }, 'Callers/callees');
shell.toolbar.append(sandwichButton);
let shownTree: { tree: CallTree; meta: FlameGraphMeta } | undefined;
let sandwichOn = false;
const renderSandwich = (): void => {
  const name = view.state.zoomPath.at(-1);
  if (!sandwichOn || !shownTree || !name) sandwichPane.hide();
  else if (sandwichPane.name !== name) sandwichPane.show(shownTree.tree, shownTree.meta, name);
  sandwichButton.textContent = sandwichOn ? (name ? 'Hide callers/callees' : 'Callers/callees: click a frame') : 'Callers/callees';
};
sandwichButton.addEventListener('click', () => {
  sandwichOn = !sandwichOn;
  renderSandwich();
});
view.on('zoom', () => renderSandwich());

document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
    event.preventDefault();
    toolbar.focusSearch();
  } else if (event.key === 'Escape' && view.zoomIdx !== 0) {
    const target = event.target as Element | null;
    if (target && target.closest('vscode-textfield, vscode-single-select, input')) return;
    view.zoomOut();
  }
});

function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (o) for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

startPanel<FlameGraphToWebview>({
  api,
  shell,
  failTitle: 'Cannot show the flame graph',
  handle(msg) {
    // For the bench's timeline (epoch ms): when the tree arrived, and when it was drawn.
    document.body.dataset.receivedAt = String(Date.now());
    const { meta } = msg;
    // Typed arrays from VS Code; plain arrays from the standalone page's embedded JSON.
    const tree = msg.tree.nodeName instanceof Int32Array ? msg.tree : callTreeFromJson(msg.tree);
    // What the host restores (source, options, a zoom path) wins over what this page last saved.
    saved = { ...saved, ...definedOnly(api.getState()), ...definedOnly(msg.state) };
    api.setState(saved);
    const rootTotal = tree.columns?.[0]?.total?.[0] ?? 0;
    shell.showReady(flameGraphHeader(meta, rootTotal));
    toolbar.render(meta, api.inVsCode);
    view.show(tree, meta, saved);
    shownTree = { tree, meta };
    sandwichPane.hide();
    renderSandwich();
    // After the next paint (rAF runs before it, the timeout after it).
    requestAnimationFrame(() => setTimeout(() => (document.body.dataset.paintedAt = String(Date.now())), 0));
  },
});
