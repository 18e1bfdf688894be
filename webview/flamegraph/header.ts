/** The header line of the flame graph: title, event, sample count, total weight, parse warnings. */
import type { FlameGraphMeta } from '../../src/protocol';
import { el } from '../shared/dom';
import { formatCount, unitSuffix } from './frameText';

function fact(label: string, value: string): HTMLElement {
  const span = el('span', { class: 'fact' }, label ? `${label} ` : '');
  span.append(el('b', {}, value));
  return span;
}

export function renderHeader(header: HTMLElement, meta: FlameGraphMeta, rootTotal: number): void {
  header.replaceChildren(el('span', { class: 'title' }, meta.title));
  if (meta.event) header.append(fact('event', meta.event));
  const samplesLabel = meta.format === 'folded' ? 'stack lines' : 'samples';
  const samples = fact('', formatCount(meta.samples));
  samples.append(` ${samplesLabel}`);
  header.append(samples);
  // Period-weighted profiles: "total period 1,250,000" (ns for cpu-clock, events for cycles).
  const total = fact(meta.unit === 'period' ? 'total period' : 'total', formatCount(rootTotal));
  if (meta.unit !== 'period') total.append(unitSuffix(meta.unit));
  header.append(total);
  const count = meta.warnings.length + meta.droppedWarnings;
  if (count > 0) {
    const details = el('details', { class: 'warnings' });
    const summary = el('summary', { title: 'Parse warnings' });
    summary.append(el('span', { class: 'badge' }, formatCount(count)), count === 1 ? 'warning' : 'warnings');
    const list = el('ul');
    for (const w of meta.warnings) list.append(el('li', {}, `line ${w.line}: ${w.message}`));
    if (meta.droppedWarnings > 0) list.append(el('li', {}, `… and ${formatCount(meta.droppedWarnings)} more`));
    details.append(summary, list);
    header.append(details);
  }
}
