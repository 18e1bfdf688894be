/**
 * The caller/callee ("sandwich") pane of the flame graph panel: for one function, its callers
 * drawn above it (flame orientation: the function at the bottom, callers growing up) and its
 * callees below it (icicle: the function at the top), both as shares of the function's own weight.
 * Trees come from src/analysis/sandwich.ts; names reach the DOM as text only.
 */
import type { CallTree } from '../../src/model/callTree';
import type { FlameGraphMeta } from '../../src/protocol';
import { sandwich } from '../../src/analysis/sandwich';
import { el } from '../shared/dom';
import type { Tooltip } from '../shared/tooltip';
import { createFlameGraphView } from './view';

export interface SandwichPane {
  readonly element: HTMLElement;
  /** The function shown, or undefined when hidden. */
  readonly name: string | undefined;
  /** Shows the sandwich of `name` in `tree`; false (and hidden) when the tree has no such frame. */
  show(tree: CallTree, meta: FlameGraphMeta, name: string): boolean;
  hide(): void;
}

export function createSandwichPane(parent: HTMLElement, tooltip: Tooltip): SandwichPane {
  const element = el('section', { id: 'sandwich', class: 'pl-sandwich', hidden: '' });
  const callersTitle = el('div', { id: 'sandwich-callers-title', class: 'pl-sandwich-title' });
  const callersHost = el('div', { class: 'pl-sandwich-graph' });
  const calleesTitle = el('div', { id: 'sandwich-callees-title', class: 'pl-sandwich-title' });
  const calleesHost = el('div', { class: 'pl-sandwich-graph' });
  element.append(callersTitle, callersHost, calleesTitle, calleesHost);
  parent.append(element);
  const callers = createFlameGraphView(callersHost, { tooltip, ids: { graph: 'sandwich-callers' }, state: { orientation: 'flame' } });
  const callees = createFlameGraphView(calleesHost, { tooltip, ids: { graph: 'sandwich-callees' }, state: { orientation: 'icicle' } });
  let shown: string | undefined;

  return {
    element,
    get name() {
      return shown;
    },
    show(tree, meta, name) {
      const s = sandwich(tree, name);
      if (!s) {
        this.hide();
        return false;
      }
      shown = name;
      element.hidden = false;
      const share = tree.columns[0].total[0] > 0 ? ` (${((100 * s.total) / tree.columns[0].total[0]).toFixed(2)}% of the profile)` : '';
      callersTitle.textContent = `Callers of ${name}${share}`;
      calleesTitle.textContent = `Callees of ${name}`;
      callers.show(s.callers, { ...meta, title: `callers of ${name}` }, { zoomPath: [], search: '', orientation: 'flame' });
      callees.show(s.callees, { ...meta, title: `callees of ${name}` }, { zoomPath: [], search: '', orientation: 'icicle' });
      return true;
    },
    hide() {
      shown = undefined;
      element.hidden = true;
    },
  };
}
