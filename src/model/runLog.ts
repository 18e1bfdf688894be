/**
 * Run-metric logs: a file of several runs, each printed as a `------- <run name> Run Metrics -------`
 * block with `Name: value` metrics, nested sections (`Per page stats:`), the eBPF table the run
 * printed and the CSV path it read it from; plain or inside Markdown notes whose headings group runs.
 */
import type { EbpfTable } from './ebpfTable';
import type { ReportBase } from './reportBase';

/** What a run's name encodes (`2025-10-06-19-38-52-6.12.9-…-flow08-…_8cores`). Only what it says. */
export interface RunFacts {
  /** `2025-10-06 19:38:52` */
  date?: string;
  /** `6.12.9` */
  kernel?: string;
  /** The name without date, kernel, flow and core tokens: runs with the same variant differ only in those. */
  variant?: string;
  flows?: number;
  cores?: number;
  /** Other named groups of a user-defined name pattern. */
  extra?: Record<string, string>;
}

export interface RunMetric {
  /** `Throughput`, or `Per page stats/IOTLB Miss` for a nested one. */
  id: string;
  name: string;
  /** The section it is nested in (`Per page stats`). */
  section?: string;
  value: number;
  /** As printed after the number (`Gbps`, `%`), when printed. */
  unit?: string;
  line: number;
}

export interface Run {
  name: string;
  /** The Markdown heading above the run, when there is one. */
  group?: string;
  facts: RunFacts;
  metrics: RunMetric[];
  /** The paths of `Reading eBPF stats from <path>` lines, in file order. */
  csvPaths: string[];
  /** The eBPF tables the run printed, each titled by the CSV path named before it (else the run name). */
  tables: EbpfTable[];
  /** 1-based lines of the banner and of the block's last line. */
  line: number;
  endLine: number;
}

export interface RunLog extends ReportBase<'run-log'> {
  kind: 'run-log';
  runs: Run[];
  /** Markdown headings, in file order, with their lines. */
  groups: { name: string; line: number }[];
  /** Metrics the user asked to derive from each run's metrics (settings), evaluated by the views. */
  derivedMetrics?: DerivedMetricDefinition[];
}

/** A user-defined metric: `{ name: 'ROI', expression: 'Throughput^2 / CPU' }`. */
export interface DerivedMetricDefinition {
  name: string;
  expression: string;
}

/** A table's kind across runs: the file name of its CSV path (`ebpf_guest_stats.csv`), or its title. */
export function tableKind(table: EbpfTable): string {
  return table.title.replace(/^.*[\\/]/, '');
}

/** `8 cores, 8 flows · Skip writel inside qi_submit_sync · 2025-10-06 19:38:52`: what tells the runs apart. */
export function runLabel(run: Run): string {
  const f = run.facts;
  const parts: string[] = [];
  const shape = [f.cores !== undefined ? `${f.cores} cores` : '', f.flows !== undefined ? `${f.flows} flows` : ''].filter((x) => x).join(', ');
  if (shape) parts.push(shape);
  if (run.group) parts.push(run.group);
  else if (f.variant) parts.push(f.variant);
  if (f.date) parts.push(f.date);
  return parts.length > 0 ? parts.join(' · ') : run.name;
}

/** A run's table as views name it: the run's label, and the table's kind when the run printed several. */
export function runTableLabel(run: Run, table: EbpfTable): string {
  return run.tables.length > 1 ? `${runLabel(run)} — ${tableKind(table)}` : runLabel(run);
}
