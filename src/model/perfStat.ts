/**
 * `perf stat` output: blocks (one per `Performance counter stats for …` header, or per run pasted
 * after another), each with its counters (value, unit, noise, multiplexing share, the derived
 * metrics perf prints after `#`), interval timestamps (`-I`) and the elapsed/user/sys footer.
 */
import type { ReportBase } from './reportBase';
import type { Table, TableCell, TableColumn } from './table';

/** A derived metric as perf prints it after `#`: `1.23  insn per cycle`, `10.50 % of all branches`. */
export interface StatMetric {
  /** The number perf printed; null for a comment without one (`# UOPS_EXECUTED.CORE`). */
  value: number | null;
  /** What follows the number, as printed: `insn per cycle`, `% of all branches`, `K/sec`, `GHz`. */
  unit: string;
  /** The metric as perf printed it (`1.000 CPUs utilized`, `0,75 insn per cycle`), blanks collapsed. */
  text: string;
  /** 1-based line (continuation metrics have their own line). */
  line: number;
}

/** The aggregation a counter line belongs to (`-A`, `--per-socket`, `--per-core`, `--per-thread` …). */
export interface StatAggregate {
  kind: 'cpu' | 'socket' | 'die' | 'cluster' | 'cache' | 'core' | 'node' | 'thread';
  /** As printed: `CPU0`, `S0`, `S0-D0-C1`, `N0`, `bash-3603`. */
  id: string;
  /** How many CPUs were aggregated (`S0        2`), when printed. */
  cpus?: number;
}

export type StatValueStatus = 'counted' | 'not counted' | 'not supported';

export interface StatCounter {
  /** 1-based line of the counter. */
  line: number;
  event: string;
  /** null when `<not counted>` / `<not supported>`. */
  value: number | null;
  status: StatValueStatus;
  /** `msec`, `Joules` …; '' for plain counts. */
  unit: string;
  /** Relative standard deviation over `-r N` runs (`( +-  1.60% )`), in percent. */
  noisePct?: number;
  /** Share of the time the counter ran when multiplexed (`(50.05%)`), in percent. */
  runningPct?: number;
  /** Run time in ns (`-x` output's run field). */
  runTimeNs?: number;
  metrics: StatMetric[];
  /** `-I` interval end, in seconds since the start. */
  time?: number;
  aggregate?: StatAggregate;
  cgroup?: string;
}

/** A metric-group line with no counter (`TopdownL1 (cpu_core)  #  21.9 %  tma_backend_bound`). */
export interface StatMetricGroup {
  line: number;
  name: string;
  metrics: StatMetric[];
  time?: number;
}

export interface StatSeconds {
  seconds: number;
  /** `-r N`: `1.267 +- 0.380 seconds time elapsed`. */
  stddev?: number;
  /** `-r N`: `( +- 29.98% )`. */
  noisePct?: number;
  line: number;
}

export interface StatBlock {
  /** 1-based first line of the block (its header, or its first counter). */
  line: number;
  /** Last line that belongs to it. */
  endLine: number;
  /** What was measured, as the header prints it: `'./t'`, `'system wide'`, `process id '1'`. */
  target?: string;
  /** The command when the target is a quoted command line (`./t arg`). */
  command?: string;
  /** `-r N`: runs averaged; 1 otherwise. */
  runs: number;
  /** `# started on …` (`perf stat -o`). */
  startedOn?: string;
  /** How the block was printed: perf's human format, `-x SEP` separated values, or `-j` JSON lines. */
  style: 'human' | 'csv' | 'json';
  /** The `-x` separator. */
  separator?: string;
  counters: StatCounter[];
  metricGroups: StatMetricGroup[];
  /** Distinct `-I` timestamps, in order (empty without `-I`). */
  intervals: number[];
  elapsed?: StatSeconds;
  user?: StatSeconds;
  sys?: StatSeconds;
}

export interface PerfStatModel extends ReportBase<'perf-stat'> {
  kind: 'perf-stat';
  blocks: StatBlock[];
}

/** A block's counters as a Table (one row per counter line; the first metric in its own columns). */
export function statBlockTable(block: StatBlock, title: string): Table {
  const hasTime = block.intervals.length > 0;
  const hasAggr = block.counters.some((c) => c.aggregate);
  const hasNoise = block.counters.some((c) => c.noisePct !== undefined);
  const hasRunning = block.counters.some((c) => c.runningPct !== undefined);
  const hasMore = block.counters.some((c) => c.metrics.length > 1);
  const columns: TableColumn[] = [];
  if (hasTime) columns.push({ kind: 'number', id: 'time', label: 'time', unit: 's' });
  if (hasAggr) columns.push({ kind: 'text', id: 'aggregate', label: 'aggregate' });
  columns.push(
    { kind: 'text', id: 'event', label: 'event' },
    { kind: 'number', id: 'value', label: 'counts', unit: 'none' },
    { kind: 'text', id: 'unit', label: 'unit' },
  );
  if (hasNoise) columns.push({ kind: 'number', id: 'noise', label: '+- %', unit: 'percent' });
  if (hasRunning) columns.push({ kind: 'number', id: 'running', label: 'running %', unit: 'percent' });
  columns.push({ kind: 'number', id: 'metric', label: 'metric', unit: 'none' }, { kind: 'text', id: 'metricUnit', label: 'metric unit' });
  // Continuation lines (`stalled cycles per insn` under instructions): as perf printed them.
  if (hasMore) columns.push({ kind: 'text', id: 'moreMetrics', label: 'more metrics' });
  const rows = block.counters.map((c) => {
    const cells: TableCell[] = [];
    if (hasTime) cells.push(c.time ?? null);
    if (hasAggr) cells.push(c.aggregate?.id ?? null);
    cells.push(c.event, c.value, c.status === 'counted' ? c.unit : `<${c.status}>${c.unit ? ' ' + c.unit : ''}`);
    if (hasNoise) cells.push(c.noisePct ?? null);
    if (hasRunning) cells.push(c.runningPct ?? null);
    const m = c.metrics[0];
    cells.push(m?.value ?? null, m ? m.unit : null);
    if (hasMore) cells.push(c.metrics.length > 1 ? c.metrics.slice(1).map((x) => x.text).join('; ') : null);
    return { line: c.line, cells };
  });
  const keys = [...(hasTime ? ['time'] : []), ...(hasAggr ? ['aggregate'] : []), 'event'];
  return { title, columns, keys, rows };
}

/** A block's metric groups (TopdownL1 …, `--metric-only` rows) as a Table: one row per metric. */
export function statMetricGroupTable(block: StatBlock, title: string): Table {
  const hasTime = block.metricGroups.some((g) => g.time !== undefined);
  const columns: TableColumn[] = [
    ...(hasTime ? [{ kind: 'number', id: 'time', label: 'time', unit: 's' } as const] : []),
    { kind: 'text', id: 'group', label: 'group' },
    { kind: 'text', id: 'metricUnit', label: 'metric' },
    { kind: 'number', id: 'metric', label: 'value', unit: 'none' },
  ];
  const rows = block.metricGroups.flatMap((g) =>
    g.metrics.map((m) => ({ line: m.line, cells: [...(hasTime ? [g.time ?? null] : []), g.name, m.unit, m.value] as TableCell[] })),
  );
  return { title, columns, keys: [...(hasTime ? ['time'] : []), 'group', 'metricUnit'], rows };
}
