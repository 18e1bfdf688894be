/** The per-run facts of runs inside one run log, as the comparison's notes show them (text only). */
import type { RunFacts } from '../../src/model/runLog';
import { el } from '../shared/dom';
import { runNameFacts } from '../shared/facts';

/** Runs of one log: what each run's name says, one line per run (plain text). */
export function runFactsList(labels: readonly string[], facts: readonly RunFacts[]): HTMLElement {
  const list = el('div', { id: 'compare-run-facts', class: 'pl-run-facts' });
  labels.forEach((label, i) => {
    const line = el('div', { class: 'run-facts', 'data-run': String(i) });
    line.append(el('span', { class: 'run-label' }, `${label}: `));
    const items = runNameFacts(facts[i]);
    if (items.length === 0) line.append(el('span', { class: 'muted' }, 'its name says nothing PerfLens reads'));
    items.forEach((f, k) => {
      const item = el('span', { class: `fact${f.kind ? ` ${f.kind}` : ''}`, 'data-kind': f.kind ?? '' });
      if (f.title) item.title = f.title;
      if (f.label) item.append(el('span', { class: 'muted' }, `${f.label} `));
      item.append(el('strong', {}, f.value));
      if (f.suffix) item.append(el('span', { class: 'muted' }, f.suffix));
      line.append(...(k > 0 ? [el('span', { class: 'muted' }, ' · ')] : []), item);
    });
    list.append(line);
  });
  return list;
}
