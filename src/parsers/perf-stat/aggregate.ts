/**
 * perf stat's aggregation ids (print_aggr_id_std/_csv): `CPU3` (-A), `S0` (--per-socket),
 * `S0-D0` (--per-die), `S0-D0-CLS0` (--per-cluster), `S0-D0-L2-ID0` (--per-cache), `S0-D0-C1`
 * (--per-core), `N0` (--per-node); all but CPU ids are followed by how many CPUs they aggregate.
 * One reader for the human, -x and --metric-only lines.
 */
import type { StatAggregate } from '../../model/perfStat';

const CPU = /^CPU\d+$/;
const GROUP = /^(?:S\d+(?:-D\d+)?(?:-C\d+|-CLS\d+|-L\d+-ID\d+)?|N\d+)$/;

function kindOf(id: string): StatAggregate['kind'] {
  if (id.startsWith('N')) return 'node';
  if (id.includes('-CLS')) return 'cluster';
  if (id.includes('-L')) return 'cache';
  if (id.includes('-C')) return 'core';
  if (id.includes('-D')) return 'die';
  return 'socket';
}

/**
 * The aggregation at `fields[i]` (and the CPU count after a group id), and how many fields it
 * takes; undefined when the field is no aggregation id. `countRequired`: -x lines always print the count.
 */
export function aggregateAt(fields: readonly string[], i: number, countRequired = false): { aggregate: StatAggregate; used: number } | undefined {
  const id = fields[i];
  if (id === undefined) return undefined;
  if (CPU.test(id)) return { aggregate: { kind: 'cpu', id }, used: 1 };
  if (!GROUP.test(id)) return undefined;
  const count = fields[i + 1];
  const cpus = count !== undefined && /^\d{1,9}$/.test(count) ? Number(count) : undefined;
  if (cpus === undefined && countRequired) return undefined;
  return { aggregate: { kind: kindOf(id), id, ...(cpus !== undefined ? { cpus } : {}) }, used: cpus === undefined ? 1 : 2 };
}
