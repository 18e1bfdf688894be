/** Messages between the extension host and the parse worker (a worker_threads Worker). */
import type { CallTree } from '../model/callTree';
import type { FormatId, ViewKind } from '../model/format';
import type { ParseWarning } from '../model/diagnostics';
import type { FlameGraphMeta } from '../analysis/flameGraphView';
import type { TablesView } from '../analysis/reportTables';
import type { StatChartView } from '../analysis/statChart';
import type { SyscallCostsView } from '../analysis/syscallCostsView';
import type { ChartsView } from '../analysis/chartsView';
import type { WeightUnit } from '../model/units';
import type { ComparedRun, CompareOptions, CompareView } from '../analysis/compare/compareView';

/** What the worker builds from the parsed model: a view's payload, or the editor's document summary. */
export type WorkerView = ViewKind | 'document';

export interface ParseRequest {
  /** A file path, or the text itself for unsaved editors. */
  path?: string;
  text?: string;
  /** For messages. */
  name: string;
  title: string;
  format?: FormatId;
  /** Options per format (perf script's collapse options under 'perf-script'). */
  parserOptions?: Partial<Record<FormatId, unknown>>;
  /**
   * What to build from the one parse: the document summary and/or view payloads. A view the
   * format does not feed is left out of the reply (the document summary is always possible).
   */
  views: WorkerView[];
}

/**
 * Stack profiles already parsed (the report cache's flame graph payloads) merged and compared:
 * the runs' trees, and the choice the panel made (baseline, compared run, shape, matching, test, trim).
 */
export interface CompareRequest {
  runs: ComparedRun[];
  title: string;
  options: Omit<CompareOptions, 'threshold'>;
}

/** The comparison as the panel shows it; each run's own tree is not sent back (the host has it). */
export type ComparedView = Omit<CompareView, 'runTrees'>;

/** What the host asks one worker to do: parse a report, or compare profiles it already has. */
export type WorkerRequest = { type: 'parse'; request: ParseRequest } | { type: 'compare'; request: CompareRequest };

/** What the editor features of a document need: its warnings and, for stack formats, function totals. */
export interface DocumentAnalysis {
  format: FormatId;
  warnings: ParseWarning[];
  droppedWarnings: number;
  /** Stack formats: [name, total, self] per function, largest total first. */
  functions?: Array<[string, number, number]>;
  total?: number;
  unit?: WeightUnit;
  event?: string;
  /** What the format's `editor.hoverIndex` built from the model, for its hovers. */
  hoverIndex?: unknown;
}

export type WorkerPayload =
  | { view: 'flameGraph'; meta: FlameGraphMeta; tree: CallTree }
  | ({ view: 'tables' } & TablesView)
  | ({ view: 'statChart' } & StatChartView)
  | ({ view: 'syscallCosts' } & SyscallCostsView)
  | ({ view: 'charts' } & ChartsView)
  | { view: 'document'; analysis: DocumentAnalysis };

export interface WorkerResult {
  format: FormatId;
  payloads: WorkerPayload[];
  /** Rough size of the payloads in memory, for the report cache's budget. */
  approxBytes: number;
  /** Where the worker's time went (ms): reading and parsing, then building the payloads. */
  timings?: { parseMs: number; payloadsMs: number; bytes: number };
}

export type WorkerReply =
  | { type: 'progress'; bytes: number }
  | ({ type: 'result' } & WorkerResult)
  /** A compare request's answer; `ms`: the worker's time merging and comparing. */
  | { type: 'compared'; view: ComparedView; ms: number }
  /** `line` and `expected` are set when the input itself is at fault (a ParseError). */
  | { type: 'error'; message: string; located: boolean; line?: number; expected?: string };
