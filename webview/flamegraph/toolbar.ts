/**
 * The flame graph panel's toolbar: reset zoom, search, event, collapse options, orientation, copy
 * stack, export SVG. It drives one FlameGraphView and follows its events; what needs the host
 * (copy, save, re-collapse, another event) goes to the handlers. Ids are the single-view page's
 * test contract (#reset-zoom #search #search-result #orientation #copy-stack #export-svg
 * #event-select #group-by #annotate #addrs): one toolbar per page.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { CollapseOptionsState, FlameGraphMeta } from '../../src/protocol';
import { el } from '../shared/dom';
import { createOptionsControls } from './options';
import type { FlameGraphView, Orientation } from './view';

export interface ToolbarHandlers {
  /** Copy the stack from the root to the zoomed frame. */
  copyStack(): void;
  exportSvg(): void;
  /** Another event of a multi-event file (needs the extension). */
  selectEvent(event: string): void;
  /** Other collapse options (needs the extension). */
  setOptions(options: CollapseOptionsState): void;
}

export interface FlameGraphToolbar {
  readonly elements: HTMLElement[];
  /** Shows what a newly shown profile offers (events, collapse options); `inVsCode` enables what needs the extension. */
  render(meta: FlameGraphMeta, inVsCode: boolean): void;
  focusSearch(): void;
  /** Stops following the view. */
  dispose(): void;
}

const SEARCH_DEBOUNCE_MS = 120;

export function createFlameGraphToolbar(view: FlameGraphView, handlers: ToolbarHandlers): FlameGraphToolbar {
  const resetButton = el('vscode-button', { id: 'reset-zoom', secondary: '', title: 'Show the whole profile (Esc zooms out one level)' }, 'Reset zoom') as VscodeButton;
  const searchField = el('vscode-textfield', { id: 'search', placeholder: 'Search frames (text or /regex/)', label: 'Search frames' }) as VscodeTextfield;
  const searchResult = el('span', { id: 'search-result', 'aria-live': 'polite' });
  const spacer = el('span', { class: 'spacer' });
  const orientationButton = el('vscode-button', { id: 'orientation', secondary: '', title: 'Icicle: draw the root at the top' }, 'Icicle') as VscodeButton;
  const copyButton = el('vscode-button', { id: 'copy-stack', secondary: '', title: 'Copy the stack from the root to the zoomed frame' }, 'Copy stack') as VscodeButton;
  const exportButton = el('vscode-button', { id: 'export-svg', secondary: '', title: 'Save the flame graph as SVG' }, 'Export SVG') as VscodeButton;
  const eventLabel = el('span', { class: 'event-label', hidden: '' }, 'Event');
  const eventSelect = el('vscode-single-select', { id: 'event-select', hidden: '', label: 'Event' }) as VscodeSingleSelect;
  const optionsControls = createOptionsControls(handlers.setOptions);
  let currentEvent: string | undefined;

  // Search: typed text is applied after a pause, Enter / change at once, Escape clears.
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const searchNow = (term: string): void => {
    clearTimeout(searchTimer);
    view.search(term);
  };
  searchField.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => view.search(searchField.value), SEARCH_DEBOUNCE_MS);
  });
  searchField.addEventListener('change', () => searchNow(searchField.value));
  searchField.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      searchField.value = '';
      searchNow('');
    } else if (event.key === 'Enter') {
      searchNow(searchField.value);
    }
  });

  resetButton.addEventListener('click', () => view.resetZoom());
  orientationButton.addEventListener('click', () => view.setOrientation(view.state.orientation === 'icicle' ? 'flame' : 'icicle'));
  copyButton.addEventListener('click', () => handlers.copyStack());
  exportButton.addEventListener('click', () => handlers.exportSvg());
  eventSelect.addEventListener('change', () => {
    const event = eventSelect.value;
    if (event && event !== currentEvent) handlers.selectEvent(event);
  });

  const renderOrientation = (orientation: Orientation): void => {
    const icicle = orientation === 'icicle';
    orientationButton.secondary = !icicle;
    orientationButton.setAttribute('aria-pressed', String(icicle));
    orientationButton.dataset.orientation = orientation;
    orientationButton.title = icicle ? 'Icicle (root at the top); click for a flame graph' : 'Flame graph (root at the bottom); click for an icicle';
  };
  const renderZoom = (): void => {
    copyButton.disabled = !view.loaded || view.zoomIdx === 0;
  };
  const unsubscribe = [
    view.on('zoom', renderZoom),
    view.on('orientation', ({ orientation }) => renderOrientation(orientation)),
    view.on('search', ({ term, summary }) => {
      searchResult.textContent = summary;
      // A restored or programmatic search shows in the field (not while the user is typing it).
      if (searchField.value.trim() !== term.trim()) searchField.value = term;
    }),
  ];
  renderOrientation(view.state.orientation);
  renderZoom();

  return {
    elements: [resetButton, searchField, searchResult, spacer, eventLabel, eventSelect, ...optionsControls.elements, orientationButton, copyButton, exportButton],
    render(meta, inVsCode) {
      currentEvent = meta.event;
      const many = meta.events.length > 1;
      eventSelect.hidden = !many;
      eventLabel.hidden = !many;
      if (many) {
        const current = meta.event ?? meta.events[0];
        // Mark the option itself: vscode-single-select re-reads its options after they change
        // (slotchange) and would fall back to the first one if only .value were set.
        eventSelect.replaceChildren(...meta.events.map((e) => el('vscode-option', e === current ? { value: e, selected: '' } : { value: e }, e)));
        eventSelect.value = current;
        eventSelect.disabled = !inVsCode;
        if (!inVsCode) eventSelect.title = 'Switching events needs VS Code; run the CLI with another event instead';
      }
      // Re-collapsing needs the extension; the standalone page shows the options it was made with.
      optionsControls.render(meta, inVsCode);
      renderOrientation(view.state.orientation);
      renderZoom();
    },
    focusSearch() {
      searchField.focus();
    },
    dispose() {
      clearTimeout(searchTimer);
      for (const off of unsubscribe) off();
    },
  };
}
