/**
 * Which table of a run compares with which table of the baseline: by title and group with numbers
 * masked (`tcpzc2 (10500)` meets `tcpzc2 (10712)`), else by position when both runs have as many
 * tables. One rule for the comparison itself and for hovers that look a table up in it.
 */
import type { ViewTable } from '../viewTable';

/** A table's group and title with every number masked. */
export function tableShape(t: Pick<ViewTable, 'group' | 'title'>): string {
  return `${t.group ?? ''}/${t.title}`.replace(/\d+/g, '#');
}

/** The table of `run` that compares with the baseline's table at `index`, or undefined. */
export function counterpartTable(run: readonly ViewTable[], baseline: readonly ViewTable[], index: number): ViewTable | undefined {
  const shape = tableShape(baseline[index]);
  return run.find((x) => tableShape(x) === shape) ?? (run.length === baseline.length ? run[index] : undefined);
}
