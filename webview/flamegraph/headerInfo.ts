/** The flame graph's header: title, event, sample count, total weight, recording facts, warnings (pure). */
import type { FlameGraphMeta } from '../../src/protocol';
import type { HeaderFact, HeaderInfo } from '../shared/facts';
import { formatCount, unitSuffix } from './frameText';

/** `rootTotal` is the weight of the root in the column shown. */
export function flameGraphHeader(meta: FlameGraphMeta, rootTotal: number): HeaderInfo {
  const facts: HeaderFact[] = [];
  if (meta.event) facts.push({ label: 'event', value: meta.event, kind: 'event' });
  facts.push({ label: '', value: formatCount(meta.samples), suffix: meta.format === 'folded' ? ' stack lines' : ' samples', kind: 'samples' });
  // Period-weighted profiles: "total period 1,250,000" (ns for cpu-clock, events for cycles). A
  // total that only repeats the sample count is left out.
  if (meta.unit === 'period') facts.push({ label: 'total period', value: formatCount(rootTotal), kind: 'total' });
  else if (!(meta.unit === 'samples' && rootTotal === meta.samples)) {
    facts.push({ label: 'total', value: formatCount(rootTotal), suffix: unitSuffix(meta.unit) || undefined, kind: 'total' });
  }
  return { title: meta.title, facts, recording: meta.facts, warnings: meta.warnings, droppedWarnings: meta.droppedWarnings };
}
