/**
 * perf's `--header` block (`# hostname : box`, `# os release : 6.1.0`, `# event : name = cycles, …`),
 * printed by perf script and perf report alike. Reads one `#` line into the facts it states.
 */
import type { HeaderFacts } from '../../model/report';

/** `# key : value` (older perf wrote `# captured on: …` without the space before the colon). */
const FACT = /^#\s*([a-z][a-z ]*?)\s*:\s?(.*)$/;
const EVENT_NAME = /^name = ([^,]+)/;

/** Adds what a header line states to `facts`; returns false when the line states nothing we keep. */
export function readHeaderFact(line: string, facts: HeaderFacts): boolean {
  if (line.length > 4096) return false;
  const m = FACT.exec(line);
  if (!m) return false;
  const value = m[2].trim();
  switch (m[1]) {
    case 'perf version':
      facts.perfVersion = value;
      return true;
    case 'hostname':
      facts.hostname = value;
      return true;
    case 'os release':
      facts.kernel = value;
      return true;
    case 'arch':
      facts.arch = value;
      return true;
    case 'cpudesc':
      facts.cpu = value;
      return true;
    case 'nrcpus online': {
      const n = Number(value);
      if (!Number.isInteger(n)) return false;
      facts.cpus = n;
      return true;
    }
    case 'cmdline':
      facts.cmdline = value;
      return true;
    case 'captured on':
      facts.date = value;
      return true;
    case 'event': {
      const name = EVENT_NAME.exec(value)?.[1].trim();
      if (!name) return false;
      (facts.events ??= []).push(name);
      return true;
    }
    default:
      return false;
  }
}
