/**
 * How perf computes the derived metrics it prints after `#` (util/stat-shadow.c), so a hover can
 * say what a number is and recompute it from the counters printed beside it.
 */
import { formatNumber } from '../../model/units';

/** The other counters of the same block, interval and CPU/thread: event -> value (msec for clocks). */
export type Peers = ReadonlyMap<string, number>;

export interface MetricExplanation {
  /** In words: "instructions / cycles". */
  formula: string;
  /** The value recomputed from the printed counters, when they are all there. */
  computed?: number;
  /** The inputs as printed, for "= 1,040,406 / 1,130,432". */
  inputs?: string;
}

/** `% of all X`: the miss counter over its access counter, as perf pairs them. */
const MISS_BASES: Record<string, { base: string[]; unit: string }> = {
  'branch-misses': { base: ['branches', 'branch-instructions'], unit: 'of all branches' },
  'cache-misses': { base: ['cache-references'], unit: 'of all cache refs' },
  'L1-dcache-load-misses': { base: ['L1-dcache-loads'], unit: 'of all L1-dcache accesses' },
  'L1-icache-load-misses': { base: ['L1-icache-loads'], unit: 'of all L1-icache accesses' },
  'LLC-load-misses': { base: ['LLC-loads'], unit: 'of all LL-cache accesses' },
  'dTLB-load-misses': { base: ['dTLB-loads'], unit: 'of all dTLB cache accesses' },
  'iTLB-load-misses': { base: ['iTLB-loads'], unit: 'of all iTLB cache accesses' },
};

/** Event names as perf prints them may carry a PMU (`cpu_core/cycles/`) or modifiers (`cycles:u`). */
export function baseEvent(event: string): string {
  const pmu = /^[\w.-]+\/([\w.-]+)\/[a-zA-Z]*$/.exec(event);
  const name = pmu ? pmu[1] : event;
  const colon = name.indexOf(':');
  return colon > 0 ? name.slice(0, colon) : name;
}

function peer(peers: Peers, names: readonly string[]): { name: string; value: number } | undefined {
  for (const n of names) {
    const v = peers.get(n);
    if (v !== undefined) return { name: n, value: v };
  }
  return undefined;
}

const CLOCKS = ['task-clock', 'cpu-clock'];

/**
 * What a metric means and, when the counters it needs are printed beside it, its value
 * recomputed. `seconds`: the wall-clock time the block measured (elapsed, or the interval).
 */
export function explainMetric(event: string, value: number | null, metricUnit: string, peers: Peers, seconds?: number): MetricExplanation | undefined {
  const e = baseEvent(event);
  const unit = metricUnit.replace(/\s+/g, ' ').trim();
  if (unit === 'insn per cycle') {
    const cycles = peer(peers, ['cycles', 'cpu-cycles']);
    return ratio('instructions / cycles', value, cycles && { name: cycles.name, value: cycles.value }, 1);
  }
  if (unit === 'GHz') {
    const clock = peer(peers, CLOCKS);
    const out: MetricExplanation = { formula: `${e} / ${clock?.name ?? 'task-clock'} time (cycles per nanosecond)` };
    if (value !== null && clock && clock.value > 0) {
      out.computed = value / (clock.value * 1e6);
      out.inputs = `${formatNumber(value)} / ${formatNumber(clock.value)} msec`;
    }
    return out;
  }
  if (unit === 'CPUs utilized') {
    const out: MetricExplanation = { formula: `${e} time / wall-clock time (how many CPUs were busy on average)` };
    if (value !== null && seconds !== undefined && seconds > 0) {
      out.computed = value / 1000 / seconds;
      out.inputs = `${formatNumber(value)} msec / ${formatNumber(seconds * 1000)} msec`;
    }
    return out;
  }
  const rate = /^([KMG]?)\/sec$/.exec(unit);
  if (rate) {
    const clock = peer(peers, CLOCKS);
    const scale = { '': 1, K: 1e3, M: 1e6, G: 1e9 }[rate[1]]!;
    const out: MetricExplanation = { formula: `${e} per second of ${clock?.name ?? 'task-clock'} time${rate[1] ? ` (in ${rate[1]}/sec: ×10^${Math.log10(scale)})` : ''}` };
    if (value !== null && clock && clock.value > 0) {
      out.computed = value / (clock.value / 1000) / scale;
      out.inputs = `${formatNumber(value)} / ${formatNumber(clock.value / 1000)} s`;
    }
    return out;
  }
  const miss = MISS_BASES[e];
  if (miss && unit === `% ${miss.unit}`) return ratio(`${e} / ${miss.base[0]} × 100`, value, peer(peers, miss.base), 100);
  if (unit === '% frontend cycles idle' || unit === '% backend cycles idle') return ratio(`${e} / cycles × 100`, value, peer(peers, ['cycles', 'cpu-cycles']), 100);
  if (unit === 'stalled cycles per insn') {
    const front = peers.get('stalled-cycles-frontend');
    const back = peers.get('stalled-cycles-backend');
    const insns = peers.get('instructions');
    const out: MetricExplanation = { formula: 'max(stalled-cycles-frontend, stalled-cycles-backend) / instructions' };
    if (insns !== undefined && insns > 0 && (front !== undefined || back !== undefined)) out.computed = Math.max(front ?? 0, back ?? 0) / insns;
    return out;
  }
  if (/^%\s/.test(unit) && /^topdown-|^slots$/.test(e)) return { formula: `a TopDown level-1 share: the topdown-* slot counters over slots (${unit.slice(1).trim()})` };
  return undefined;
}

function ratio(formula: string, value: number | null, base: { name: string; value: number } | undefined, scale: number): MetricExplanation {
  const out: MetricExplanation = { formula };
  if (value !== null && base && base.value > 0) {
    out.computed = (value / base.value) * scale;
    out.inputs = `${formatNumber(value)} / ${formatNumber(base.value)} ${base.name}`;
  }
  return out;
}
