/**
 * `perflens diff A B [C…]`: runs compared as text (a cover-letter table), Markdown, CSV or JSON,
 * or as FlameGraph's three-column diff-folded input (`--folded`). The baseline is the first file
 * unless `--baseline FILE` names another. One run log compares its runs (`--runs` picks some).
 */
import { basename } from 'node:path';
import { diffFolded } from '../analysis/compare/foldedDiff';
import { diffProfiles, profileDiffTable } from '../analysis/compare/profileDiff';
import { DEFAULT_SYMBOL_MATCHING } from '../analysis/compare/symbols';
import { configurationName, groupRuns, repeatedRunsTable } from '../analysis/compare/repeats';
import { repeatedMetricsTable } from '../analysis/compare/metricRepeats';
import { foldedStacks, formatCount } from '../analysis/folded';
import { renderTable, type TableTextFormat } from '../analysis/tableText';
import { isStackProfile } from '../model/report';
import type { ParsedFile } from '../io/parseFile';
import { formatById } from '../parsers/formats';
import { reportTables } from '../analysis/reportTables';
import { compareTableRuns, runsWithinOneLog, type TableRun } from '../analysis/compare/compareTables';
import { logRunChoices, selectLogRuns } from '../analysis/compare/logRuns';
import { partialStacksTable } from '../analysis/compare/partialStacks';

export interface DiffArgs {
  files: string[];
  parsed: ParsedFile[];
  baseline?: string;
  output: TableTextFormat;
  /** FlameGraph difffolded output (`stack count1 count2`) instead of a table. */
  folded: boolean;
  normalize: boolean;
  stripHex: boolean;
  /** Match symbols across runs (addresses, offsets, clone suffixes); on unless --exact-symbols. */
  matchSymbols: boolean;
  limit: number;
  /** Repeated runs: group files by configuration name and give statistics per function. */
  repeats?: { trim: boolean; test: 'mann-whitney' | 'welch'; share: 'total' | 'self' };
  /** perf diff's `-c wdiff:W_BASE,W_NEW`: a weighted-difference column per run (new x W_NEW - base x W_BASE of the self weights). */
  weights?: [number, number];
  /** Stack profiles: the stacks present in only some runs instead of the functions. */
  stacks?: boolean;
  /** One run log: the runs compared (banner names, labels or 1-based positions), all when absent. */
  runs?: string[];
}

export class DiffUsageError extends Error {}

const OUTPUTS: readonly TableTextFormat[] = ['text', 'markdown', 'csv', 'json'];

/** `--wdiff W_BASE,W_NEW` as perf diff's weights. */
export function wdiffWeights(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((x) => x.trim());
  const w = parts.map(Number);
  if (parts.length !== 2 || parts.some((x) => x === '') || !w.every(Number.isFinite)) throw new DiffUsageError(`--wdiff is two weights W_BASE,W_NEW as perf diff -c wdiff takes them (got '${value}')`);
  return [w[0], w[1]];
}

export function outputFormat(value: string | undefined): TableTextFormat {
  if (value === undefined) return 'text';
  if (!(OUTPUTS as readonly string[]).includes(value)) throw new DiffUsageError(`diff --format is one of ${OUTPUTS.join(', ')} (got '${value}')`);
  return value as TableTextFormat;
}

/** The diff's text, or throws a DiffUsageError saying why these files cannot be compared. */
export function diffText(a: DiffArgs): string {
  if (a.runs && (a.parsed.length !== 1 || a.parsed[0].model.kind !== 'run-log')) throw new DiffUsageError('--runs picks runs inside one run-metric log: give one run log');
  if (a.parsed.length > 0 && a.parsed.every((p) => !isStackProfile(p.model))) return tableReportsDiff(a);
  if (a.files.length < 2) throw new DiffUsageError('diff needs at least two files');
  const base = a.baseline === undefined ? 0 : a.files.findIndex((f) => f === a.baseline || basename(f) === a.baseline);
  if (base < 0 && !a.repeats) throw new DiffUsageError(`--baseline ${a.baseline} is not one of the files compared`);
  const profiles = a.parsed.map((p, i) => {
    if (!isStackProfile(p.model)) {
      const what = formatById(p.format)?.displayName ?? p.format;
      throw new DiffUsageError(`${a.files[i]}: ${what} cannot be compared with stack profiles (perflens diff compares perf script and folded stacks)`);
    }
    return p.model;
  });
  const labels = a.files.map((f) => basename(f));
  if (a.repeats) {
    const groups = groupRuns(profiles.map((p, i) => ({ label: labels[i], tree: p.tree })));
    if (groups.length < 2 || groups.every((g) => g.runs.length < 2)) {
      throw new DiffUsageError(`--repeats needs repeated runs of at least two configurations, named like NAME-RUN-1 (found ${groups.map((g) => `${g.name} x${g.runs.length}`).join(', ')})`);
    }
    const baseGroup = a.baseline === undefined ? 0 : groups.findIndex((g) => g.name === a.baseline || g.runs.some((r) => r.label === basename(a.baseline!)));
    if (baseGroup < 0) throw new DiffUsageError(`--baseline ${a.baseline} is not one of the configurations (${groups.map((g) => g.name).join(', ')})`);
    const table = repeatedRunsTable(groups, { baseline: baseGroup, ...a.repeats });
    return (a.output === 'text' ? `${table.title}\n` : '') + renderTable(table, a.output, a.limit);
  }
  if (a.folded) {
    if (profiles.length !== 2) throw new DiffUsageError('--folded compares exactly two files (before and after)');
    const other = base === 0 ? 1 : 0;
    const d = diffFolded(foldedStacks(profiles[base].tree), foldedStacks(profiles[other].tree), { normalize: a.normalize, stripHex: a.stripHex });
    return d.stacks.map(([s, x, y]) => `${s} ${formatCount(x)} ${formatCount(y)}\n`).join('');
  }
  const matching = a.matchSymbols ? { ...DEFAULT_SYMBOL_MATCHING, stripHex: a.stripHex || DEFAULT_SYMBOL_MATCHING.stripHex } : { stripHex: a.stripHex, stripSuffixes: false };
  const diff = diffProfiles(
    profiles.map((p, i) => ({ label: labels[i], tree: p.tree })),
    { baseline: base, matching },
  );
  const table = a.stacks ? partialStacksTable(diff.tree, base) : profileDiffTable(diff, a.weights);
  const head = a.output === 'text' ? `${table.title}: ${labels.map((l, i) => `${l} ${formatCount(diff.totals[i])} ${profiles[i].weight}`).join(', ')}\n` : '';
  return head + renderTable(table, a.output, a.limit);
}

/**
 * Table reports of one kind (run logs, eBPF tables, perf stat, perf diff, perf report rows; syscall
 * summaries have their own text): table by table, every column per run with its change. One run log
 * compares its runs.
 */
function tableReportsDiff(a: DiffArgs): string {
  const formats = new Set(a.parsed.map((p) => p.format));
  if (formats.size > 1) throw new DiffUsageError(`these files are different kinds of report (${[...formats].join(', ')}): compare reports of one kind`);
  const labels = a.files.map((f) => basename(f));
  let runs: TableRun[] = a.parsed.map((p, i) => ({ label: labels[i], tables: reportTables(p.model), facts: p.model.facts }));
  if (runs.length === 1) runs = logRuns(runs[0], a.runs);
  const names = runs.map((r) => r.label);
  // With --repeats the baseline may name a configuration (base for base-RUN-1 …).
  const base = a.baseline === undefined ? 0 : names.findIndex((n) => n === a.baseline || n === basename(a.baseline!) || (!!a.repeats && configurationName(n) === a.baseline));
  if (base < 0) throw new DiffUsageError(`--baseline ${a.baseline} is not one of ${names.join(', ')}`);
  if (a.repeats) return metricStatisticsText(runs, base, a);
  const c = compareTableRuns(runs, base);
  // Tables whose rows meet in no two runs (a run matrix across files: its rows are the runs) say nothing.
  const meets = c.tables.filter((t) => t.rows.some((r) => r.cells[r.cells.length - 1] === 'all runs'));
  const tables = meets.length > 0 ? meets : c.tables;
  if (tables.length === 0) throw new DiffUsageError(`no table of ${names[base]} has a counterpart in every run`);
  const notes = [...c.factWarnings, ...(c.unmatched.length ? [`only in the baseline: ${c.unmatched.join(', ')}`] : [])];
  switch (a.output) {
    case 'json':
      return JSON.stringify({ baseline: names[base], runs: names, notes, tables: tables.map((t) => JSON.parse(renderTable(t, 'json'))) }, null, 2) + '\n';
    case 'csv':
      // One CSV holds one table: the first (the one whose rows meet in every run).
      return renderTable(tables[0], 'csv');
    default: {
      const head = a.output === 'markdown' ? (t: { title: string }) => `### ${t.title}\n\n` : (t: { title: string }) => `${t.title}\n`;
      return notes.map((n) => `note: ${n}\n`).join('') + tables.map((t) => head(t) + renderTable(t, a.output, a.limit)).join('\n');
    }
  }
}

/** The runs inside one run log to compare: all, or those `--runs` names (two or more). */
function logRuns(log: TableRun, wanted: string[] | undefined): TableRun[] {
  const runs = runsWithinOneLog(log.tables, log.facts);
  if (runs.length === 0) throw new DiffUsageError('diff needs at least two files (or one run-metric log of two or more runs)');
  if (!wanted) return runs;
  const choices = logRunChoices(log.tables, log.facts);
  const chosen = selectLogRuns(runs, choices, wanted);
  const list = (): string => choices.map((c) => `  ${c.index + 1}: ${c.name} (${c.label})`).join('\n');
  if (chosen.unknown.length > 0) throw new DiffUsageError(`--runs: no run ${chosen.unknown.map((u) => `'${u}'`).join(', ')} in ${log.label}; its runs (name or number):\n${list()}`);
  if (chosen.runs.length < 2) throw new DiffUsageError(`--runs names two or more runs of ${log.label} (name or number):\n${list()}`);
  return chosen.runs;
}

/** `--repeats` over run logs: per metric statistics of each configuration (runs named NAME-RUN-N). */
function metricStatisticsText(runs: TableRun[], base: number, a: DiffArgs): string {
  const table = repeatedMetricsTable(runs, base, { test: a.repeats!.test, trim: a.repeats!.trim });
  if (!table) {
    const groups = groupRuns(runs.map((r) => ({ label: r.name ?? r.label })));
    throw new DiffUsageError(`--repeats needs runs with metrics repeated in at least two configurations, named like NAME-RUN-1 (found ${groups.map((g) => `${g.name} x${g.runs.length}`).join(', ')})`);
  }
  return (a.output === 'text' ? `${table.title}\n` : '') + renderTable(table, a.output, a.limit);
}
