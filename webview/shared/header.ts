/**
 * The header every panel shows above its content: the title, the panel's facts (event, samples …),
 * the recording facts of perf's `--header` block (host, kernel, perf version, CPU, command line,
 * date; only those present) and the parse warnings (collapsible, with the count and how many were
 * not kept). Text only.
 */
import type { ParseWarning } from '../../src/model/diagnostics';
import { el } from './dom';
import { recordingFacts, type HeaderFact, type HeaderInfo } from './facts';
import { formatCount } from './format';

export type { HeaderInfo } from './facts';

function factElement(f: HeaderFact): HTMLElement {
  const span = el('span', { class: f.kind ? `fact ${f.kind}` : 'fact' }, f.label ? `${f.label} ` : '');
  span.append(el('b', {}, f.value));
  if (f.suffix) span.append(f.suffix);
  if (f.title) span.title = f.title;
  return span;
}

/** The collapsible warnings list, or undefined when there are none. */
export function renderWarnings(warnings: readonly ParseWarning[], dropped = 0): HTMLElement | undefined {
  const count = warnings.length + dropped;
  if (count <= 0) return undefined;
  const details = el('details', { class: 'warnings' });
  const summary = el('summary', {
    title: dropped > 0 ? `Parse warnings: ${formatCount(warnings.length)} listed, ${formatCount(dropped)} more not kept` : 'Parse warnings',
  });
  summary.append(el('span', { class: 'badge' }, formatCount(count)), count === 1 ? 'warning' : 'warnings');
  const list = el('ul');
  for (const w of warnings) list.append(el('li', {}, `line ${w.line}: ${w.message}`));
  if (dropped > 0) list.append(el('li', { class: 'dropped' }, `… and ${formatCount(dropped)} more`));
  details.append(summary, list);
  return details;
}

export function renderHeader(header: HTMLElement, info: HeaderInfo): void {
  header.replaceChildren(el('span', { class: 'title' }, info.title));
  for (const f of info.facts) header.append(factElement(f));
  const warnings = renderWarnings(info.warnings ?? [], info.droppedWarnings ?? 0);
  if (warnings) header.append(warnings);
  const recording = recordingFacts(info.recording);
  if (recording.length) {
    const line = el('div', { class: 'recording', 'aria-label': 'Recording' });
    for (const f of recording) line.append(factElement(f));
    header.append(line);
  }
}
