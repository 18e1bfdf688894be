/**
 * Some of the runs inside one run-metric log, chosen by the user (the quick pick of "Compare
 * Runs…", `perflens diff LOG --runs …`): what each run is called for the choice, and the runs
 * chosen. Read from the log's view tables (the per-run metrics tables and the run matrix), so the
 * choice is made on the parsed model the comparison uses.
 */
import type { HeaderFacts } from '../../model/reportBase';
import type { ViewTable } from '../reportTables';
import { runsWithinOneLog, type TableRun } from './compareTables';

/** A run of the log as the user picks it. */
export interface LogRunChoice {
  /** Position among the log's runs with metrics (what a selection stores). */
  index: number;
  /** The run's banner name (`2025-10-06-19-38-52-…_8cores`). */
  name: string;
  /** What tells it apart: cores, flows, heading or variant, date (the run matrix's label); the name when the log has no matrix. */
  label: string;
}

const RUN_MATRIX_GROUP = 'run matrix';

/** First line a table's rows come from (the run's first metric), or undefined. */
function firstLine(t: ViewTable): number | undefined {
  const lines = t.rows.map((r) => r.line).filter((l): l is number => typeof l === 'number');
  return lines.length > 0 ? Math.min(...lines) : undefined;
}

/**
 * The log's runs that compare (those with metrics), in file order, each labelled by its run-matrix
 * row: the row whose banner line is the last one before the run's first metric.
 */
export function logRunChoices(tables: readonly ViewTable[], facts: HeaderFacts): LogRunChoice[] {
  const runs = runsWithinOneLog(tables, facts);
  const matrix = tables.find((t) => t.group === RUN_MATRIX_GROUP);
  const banners = (matrix?.rows ?? [])
    .filter((r) => typeof r.line === 'number' && typeof r.cells[0] === 'string')
    .map((r) => ({ line: r.line as number, label: r.cells[0] as string }))
    .sort((a, b) => a.line - b.line);
  const labels = runs.map((run) => {
    const line = firstLine(run.tables[0]);
    return (line === undefined ? undefined : banners.filter((b) => b.line <= line).at(-1)?.label) ?? run.label;
  });
  // Two runs alike in every fact (a repeat under one heading) keep their position in the label.
  return runs.map((run, index) => ({ index, name: run.label, label: labels.filter((l) => l === labels[index]).length > 1 ? `${labels[index]} (#${index + 1})` : labels[index] }));
}

export interface LogRunSelection {
  runs: TableRun[];
  /** Positions of the runs chosen among all the log's runs, in the order given. */
  indices: number[];
  /** What named no run. */
  unknown: string[];
}

/**
 * The runs named in `wanted`, each a run's banner name, its label, or its 1-based position
 * (`2`); a run named twice counts once.
 */
export function selectLogRuns(runs: readonly TableRun[], choices: readonly LogRunChoice[], wanted: readonly string[]): LogRunSelection {
  const indices: number[] = [];
  const unknown: string[] = [];
  for (const w of wanted.map((x) => x.trim()).filter((x) => x)) {
    const byPosition = /^\d+$/.test(w) ? Number(w) - 1 : -1;
    const i = byPosition >= 0 && byPosition < runs.length ? byPosition : choices.findIndex((c) => c.name === w || c.label === w);
    if (i < 0) unknown.push(w);
    else if (!indices.includes(i)) indices.push(i);
  }
  return { runs: indices.map((i) => runs[i]), indices, unknown };
}

/** The runs at `indices` (a saved selection); undefined when one is out of range (the log changed). */
export function runsAt(runs: readonly TableRun[], indices: readonly number[]): TableRun[] | undefined {
  if (indices.some((i) => !Number.isInteger(i) || i < 0 || i >= runs.length)) return undefined;
  return indices.map((i) => runs[i]);
}
