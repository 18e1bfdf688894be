/**
 * Header facts of the runs compared: what differs between them in ways that make a comparison
 * doubtful (another kernel, CPU, perf version, host or command line), as plain warnings.
 */
import type { HeaderFacts } from '../../model/reportBase';

const CHECKED: Array<[keyof HeaderFacts, string]> = [
  ['kernel', 'kernel'],
  ['cpu', 'CPU'],
  ['cpus', 'CPU count'],
  ['arch', 'architecture'],
  ['hostname', 'host'],
  ['perfVersion', 'perf version'],
  ['cmdline', 'command line'],
];

/** One warning per fact that differs among the runs that state it, naming each run's value. */
export function compareFacts(runs: ReadonlyArray<{ label: string; facts: HeaderFacts }>): string[] {
  const out: string[] = [];
  for (const [key, what] of CHECKED) {
    const stated = runs.filter((r) => r.facts[key] !== undefined);
    const values = new Set(stated.map((r) => String(r.facts[key])));
    if (stated.length < 2 || values.size < 2) continue;
    // A different kernel is often the point (baseline vs patched): still worth saying, plainly.
    out.push(`The runs differ in ${what}: ${stated.map((r) => `${r.label}: ${String(r.facts[key])}`).join('; ')}`);
  }
  return out;
}
