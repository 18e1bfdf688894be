/**
 * What a panel header and error box say, as plain data (pure: unit-tested in node). The DOM side
 * is header.ts and panelShell.ts; every string here reaches the page only as text.
 */
import type { ParseWarning } from '../../src/model/diagnostics';
import type { HeaderFacts } from '../../src/model/report';
import type { RunFacts } from '../../src/model/runLog';
import type { ErrorLocation } from '../../src/protocol';
import { formatCount } from './format';

/** One `label value suffix` item of a header line, e.g. `event cycles`, `1,315 samples`. */
export interface HeaderFact {
  /** Muted text before the value ('' for none). */
  label: string;
  /** The emphasised part. */
  value: string;
  /** Muted text after the value, e.g. ' samples'. */
  suffix?: string;
  /** Hover text (the full value when the page shortens it). */
  title?: string;
  /** Class for styling, e.g. 'cmdline'. */
  kind?: string;
}

/** Everything a panel header shows. */
export interface HeaderInfo {
  title: string;
  /** The panel's own facts, on the title line. */
  facts: HeaderFact[];
  /** What the file says about the recording; a second, quieter line. */
  recording?: HeaderFacts;
  warnings?: readonly ParseWarning[];
  /** Warnings the parser counted but did not keep. */
  droppedWarnings?: number;
}

/**
 * The recording facts of perf's `--header` block, in reading order, only those the file states:
 * host, kernel (with arch), perf version, CPU and CPU count, command line, capture date.
 */
export function recordingFacts(facts: HeaderFacts | undefined): HeaderFact[] {
  if (!facts) return [];
  const out: HeaderFact[] = [];
  const text = (v: string | undefined): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const host = text(facts.hostname);
  const kernel = text(facts.kernel);
  const arch = text(facts.arch);
  const perf = text(facts.perfVersion);
  const cpu = text(facts.cpu);
  const cpus = typeof facts.cpus === 'number' && Number.isFinite(facts.cpus) && facts.cpus > 0 ? facts.cpus : undefined;
  const cmdline = text(facts.cmdline);
  const date = text(facts.date);
  if (host) out.push({ label: 'host', value: host, kind: 'host' });
  if (kernel) out.push({ label: 'kernel', value: kernel, suffix: arch ? ` ${arch}` : undefined, kind: 'kernel' });
  else if (arch) out.push({ label: 'arch', value: arch, kind: 'kernel' });
  if (perf) out.push({ label: 'perf', value: perf, kind: 'perf' });
  const online = cpus === undefined ? undefined : `${formatCount(cpus)} ${cpus === 1 ? 'CPU' : 'CPUs'}`;
  if (cpu) out.push({ label: 'CPU', value: cpu, suffix: online && ` × ${formatCount(cpus!)}`, title: online ? `${cpu}, ${online} online` : cpu, kind: 'cpu' });
  else if (online) out.push({ label: '', value: formatCount(cpus!), suffix: cpus === 1 ? ' CPU' : ' CPUs', kind: 'cpu' });
  if (cmdline) out.push({ label: 'cmdline', value: cmdline, title: cmdline, kind: 'cmdline' });
  if (date) out.push({ label: 'recorded', value: date.replace(/\s+/g, ' '), kind: 'date' });
  return out;
}

/**
 * What a run-log run's name says (kernel, cores, flows, variant, date, a user pattern's other
 * groups), in that order, only what it states: shown per run when runs of one log are compared.
 */
export function runNameFacts(facts: RunFacts | undefined): HeaderFact[] {
  if (!facts) return [];
  const out: HeaderFact[] = [];
  if (facts.kernel) out.push({ label: 'kernel', value: facts.kernel, kind: 'kernel' });
  if (facts.cores !== undefined) out.push({ label: '', value: formatCount(facts.cores), suffix: facts.cores === 1 ? ' core' : ' cores' });
  if (facts.flows !== undefined) out.push({ label: '', value: formatCount(facts.flows), suffix: facts.flows === 1 ? ' flow' : ' flows' });
  if (facts.variant) out.push({ label: 'variant', value: facts.variant, title: facts.variant });
  for (const [k, v] of Object.entries(facts.extra ?? {})) out.push({ label: k, value: v });
  if (facts.date) out.push({ label: 'date', value: facts.date, kind: 'date' });
  return out;
}

/** What the error box shows: `file:line` apart from the message, which then does not repeat it. */
export interface ErrorParts {
  title: string;
  /** `file:line`, when the error is located. */
  location?: string;
  message: string;
}

export function errorParts(title: string, message: string, location?: ErrorLocation): ErrorParts {
  if (!location || typeof location.file !== 'string' || !(location.line > 0)) return { title, message };
  const where = `${location.file}:${location.line}`;
  // ParseError messages already start with FILE:LINE (the CLI's one-line form): say it once.
  let rest = message;
  for (const prefix of [`${where}: `, `${where}:`]) {
    if (rest.startsWith(prefix)) {
      rest = rest.slice(prefix.length);
      break;
    }
  }
  return { title, location: where, message: rest.trim() || message };
}
