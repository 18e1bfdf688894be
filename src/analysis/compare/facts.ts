/**
 * Header facts of the runs compared: what differs between them in ways that make a comparison
 * doubtful (another kernel, CPU, perf version, host or command line), as plain warnings.
 */
import type { HeaderFacts } from '../../model/reportBase';
import type { RunFacts } from '../../model/runLog';

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

/**
 * Runs inside one run log, by what their names say (runLog.ts RunFacts): a kernel version that
 * differs (the change may be the kernel's, not the variant's), and a variant compared at another
 * scale (cores or flows: the change cannot be put on either). Cores and flows scaled together
 * are one factor (seed 000 runs N flows on N cores); dates only differ.
 */
export function compareRunFacts(runs: ReadonlyArray<{ label: string; facts: RunFacts }>): string[] {
  const out: string[] = [];
  const differing = (key: keyof RunFacts): boolean => {
    const stated = runs.filter((r) => r.facts[key] !== undefined);
    return stated.length >= 2 && new Set(stated.map((r) => String(r.facts[key]))).size > 1;
  };
  const listed = (key: keyof RunFacts): string => runs.map((r) => `${r.label}: ${r.facts[key] ?? 'not in its name'}`).join('; ');
  if (differing('kernel')) out.push(`The runs ran different kernels (from their names): ${listed('kernel')}. A change may come from the kernel rather than from what the runs compare.`);
  const scale = (['cores', 'flows'] as const).filter((k) => differing(k));
  if (differing('variant') && scale.length > 0) {
    out.push(`The runs differ in variant and in ${scale.map((k) => (k === 'cores' ? 'core count' : 'flow count')).join(' and ')} at once (from their names): a change cannot be put on one of them. Variants: ${listed('variant')}.`);
  }
  return out;
}
