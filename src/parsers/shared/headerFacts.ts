/**
 * perf's `--header` block (`# hostname : box`, `# os release : 6.1.0`, `# event : name = cycles, …`),
 * printed by perf script and perf report alike. Reads one `#` line into the facts it states.
 */
import type { HeaderFacts } from '../../model/report';

/** `# key : value` (older perf wrote `# captured on: …` without the space before the colon). */
const FACT = /^#\s*([a-z][a-z ]*?)\s*:\s?(.*)$/;
const EVENT_NAME = /^name = ([^,]+)/;

type TextFact = 'perfVersion' | 'hostname' | 'kernel' | 'arch' | 'cpu' | 'cmdline' | 'date';

/** The header keys whose value is kept as printed. */
const TEXT_FACTS = new Map<string, TextFact>([
  ['perf version', 'perfVersion'],
  ['hostname', 'hostname'],
  ['os release', 'kernel'],
  ['arch', 'arch'],
  ['cpudesc', 'cpu'],
  ['cmdline', 'cmdline'],
  ['captured on', 'date'],
]);

/** Adds what a header line states to `facts`; returns false when the line states nothing we keep. */
export function readHeaderFact(line: string, facts: HeaderFacts): boolean {
  if (line.length > 4096) return false;
  const m = FACT.exec(line);
  if (!m) return false;
  const key = m[1];
  const value = m[2].trim();
  const text = TEXT_FACTS.get(key);
  if (text) {
    facts[text] = value;
    return true;
  }
  if (key === 'nrcpus online') {
    const n = Number(value);
    if (!Number.isInteger(n)) return false;
    facts.cpus = n;
    return true;
  }
  if (key === 'event') {
    const name = EVENT_NAME.exec(value)?.[1].trim();
    if (!name) return false;
    (facts.events ??= []).push(name);
    return true;
  }
  return false;
}
