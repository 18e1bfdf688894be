/**
 * The facts a run's name encodes: `2025-10-06-19-38-52-6.12.9-iommufd-no-writel-flow08-…_8cores` is
 * a date, a kernel version, a flow count, a core count, and what is left: the variant. A user
 * pattern (a regular expression with named groups date, kernel, variant, flows, cores, and any
 * others) replaces the built-in token rules.
 */
import type { RunFacts } from '../../model/runLog';

const DATE = /^(\d{4}-\d{2}-\d{2})[-_T ](\d{2})[-:](\d{2})[-:](\d{2})(?=[-_]|$)/;
const KERNEL = /(?:^|[-_])(\d+\.\d+(?:\.\d+)?(?:-rc\d+)?)(?=[-_]|$)/;
const FLOWS = /(?:^|[-_])flows?[-_]?(\d+)(?=[-_]|$)/i;
const CORES = /(?:^|[-_])(\d+)[-_]?cores?(?=[-_]|$)|(?:^|[-_])cores?[-_]?(\d+)(?=[-_]|$)/i;

/** Facts from a run name by the built-in token rules. */
export function runNameFacts(name: string): RunFacts {
  const facts: RunFacts = {};
  let rest = name;
  const d = DATE.exec(rest);
  if (d) {
    facts.date = `${d[1]} ${d[2]}:${d[3]}:${d[4]}`;
    rest = rest.slice(d[0].length);
  }
  const k = KERNEL.exec(rest);
  if (k) {
    facts.kernel = k[1];
    rest = cut(rest, k.index, k[0].length);
  }
  const f = FLOWS.exec(rest);
  if (f) {
    facts.flows = Number(f[1]);
    rest = cut(rest, f.index, f[0].length);
  }
  const c = CORES.exec(rest);
  if (c) {
    facts.cores = Number(c[1] ?? c[2]);
    rest = cut(rest, c.index, c[0].length);
  }
  const variant = rest.replace(/^[-_]+|[-_]+$/g, '');
  if (variant.length > 0) facts.variant = variant;
  return facts;
}

/** Removes a matched token, keeping one separator where it joined two words. */
function cut(s: string, at: number, length: number): string {
  const before = s.slice(0, at);
  const after = s.slice(at + length);
  return before.length > 0 && after.length > 0 && !/^[-_]/.test(after) ? `${before}-${after}` : before + after;
}

/** Facts from a run name by a user pattern; undefined when it does not match. */
export function patternFacts(name: string, pattern: RegExp): RunFacts | undefined {
  const m = pattern.exec(name);
  if (!m) return undefined;
  const facts: RunFacts = {};
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.groups ?? {})) {
    if (v === undefined) continue;
    if (k === 'date' || k === 'kernel' || k === 'variant') facts[k] = v;
    else if ((k === 'flows' || k === 'cores') && /^\d+$/.test(v)) facts[k] = Number(v);
    else extra[k] = v;
  }
  if (Object.keys(extra).length > 0) facts.extra = extra;
  return facts;
}
