/**
 * The function table's change column, as perf diff's `-c`: a select (#change-method: delta, ratio,
 * wdiff) and, for the weighted diff, its two weights (#wdiff-weights, `W_BASE,W_NEW` as perf's
 * `-c wdiff:W1,W2`: new*W2 - base*W1 of the raw self weights). A valid choice goes to `onChange`;
 * invalid weights are marked on the field and said in its title, and nothing is sent.
 */
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { CHANGE_METHODS, parseWdiffWeights, type ChangeChoice, type ChangeMethod } from '../../src/analysis/compare/changeMethod';
import { el } from '../shared/dom';

const WEIGHTS_TITLE = "perf diff -c wdiff:W_BASE,W_NEW: new's self weight × W_NEW − the baseline's × W_BASE";

export interface ChangeControls {
  /** The label holding the select and the weights field, for the toolbar. */
  element: HTMLElement;
  /** Shows a choice (from saved state or the host) without sending it. */
  show(choice: ChangeChoice): void;
}

export function createChangeControls(onChange: (choice: ChangeChoice) => void): ChangeControls {
  const method = el('vscode-single-select', { id: 'change-method', label: 'Change column', title: "The function table's change column, as perf diff -c computes it" }) as VscodeSingleSelect;
  const weights = el('vscode-textfield', { id: 'wdiff-weights', label: 'Weights W_BASE,W_NEW', title: WEIGHTS_TITLE, placeholder: 'W_BASE,W_NEW' }) as VscodeTextfield;
  weights.style.width = '7em';
  const element = el('label', { class: 'pl-inline-label' }, 'Change ');
  element.append(method, weights);
  let current: ChangeChoice = { method: 'delta', weights: [1, 1] };

  function show(choice: ChangeChoice): void {
    current = choice;
    method.replaceChildren(...CHANGE_METHODS.map(([v, t]) => el('vscode-option', v === choice.method ? { value: v, selected: '' } : { value: v }, t)));
    method.value = choice.method;
    weights.value = choice.weights.join(',');
    weights.hidden = choice.method !== 'wdiff';
    weights.removeAttribute('invalid');
    weights.title = WEIGHTS_TITLE;
  }

  method.addEventListener('change', () => {
    current = { ...current, method: method.value as ChangeMethod };
    weights.hidden = current.method !== 'wdiff';
    onChange(current);
  });
  weights.addEventListener('change', () => {
    const parsed = parseWdiffWeights(weights.value);
    if (typeof parsed === 'string') {
      weights.setAttribute('invalid', '');
      weights.title = `${parsed}. ${WEIGHTS_TITLE}`;
      return;
    }
    weights.removeAttribute('invalid');
    weights.title = WEIGHTS_TITLE;
    current = { ...current, weights: parsed };
    onChange(current);
  });
  show(current);
  return { element, show };
}
