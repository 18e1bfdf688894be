/**
 * The comparison shown last, for hovers: one at a time, of two kinds. A profile comparison adds
 * to a function's hover in any stack report its share in the baseline and the change; a table
 * comparison (syscalls, eBPF, perf stat, run logs …) adds to a row's hover in any report of its
 * format the row's baseline values and their change. Set by the comparison panel when it shows a
 * comparison (replacing the one before), cleared when that panel closes (the comparison of the
 * panel shown before it, if still open, is the active one again).
 */
import type { FormatId } from '../model/format';
import type { FunctionTotals } from '../model/profile';
import type { ProfileDiff } from '../analysis/compare/profileDiff';
import type { SymbolMatching } from '../analysis/compare/symbols';
import type { TableRun } from '../analysis/compare/compareTables';
import type { ViewTable } from '../analysis/viewTable';
import { profileComparisonNote, profileHoverComparison, type ProfileHoverComparison } from '../analysis/compare/profileHover';
import { hoveredRun, tableComparisonNote, tableRowAt, type TableHoverComparison } from '../analysis/compare/tableHover';

/** The tables of the report at a URI (parsed once, from the report cache); undefined when it has none. */
export type TablesOf = (uri: string, signal?: AbortSignal) => Promise<readonly ViewTable[] | undefined>;

interface Shown {
  /** The panel showing it: only it clears it. */
  owner: object;
  /** The document (URI) each run was read from; the runs inside one log share theirs. */
  sources: string[];
}

type ActiveComparison =
  | (Shown & { kind: 'profile'; profile: ProfileHoverComparison })
  | (Shown & { kind: 'tables'; format: FormatId; tables: TableHoverComparison; tablesOf: TablesOf });

/** One comparison per open panel, the one shown last at the end: it is the active one. */
const shown: ActiveComparison[] = [];

function show(c: ActiveComparison): void {
  clearActiveComparison(c.owner);
  shown.push(c);
}

export function setActiveProfileComparison(owner: object, sources: string[], diff: ProfileDiff, matching: SymbolMatching): void {
  show({ kind: 'profile', owner, sources, profile: profileHoverComparison(diff, matching) });
}

/** `runs` as compared against `baseline`, read from `sources` (one per run), all of format `format`. */
export function setActiveTableComparison(owner: object, sources: string[], format: FormatId, runs: readonly TableRun[], baseline: number, tablesOf: TablesOf): void {
  show({ kind: 'tables', owner, sources, format, tables: { runs, baseline }, tablesOf });
}

export function clearActiveComparison(owner: object): void {
  const at = shown.findIndex((c) => c.owner === owner);
  if (at >= 0) shown.splice(at, 1);
}

/** What a hover is over: the document, its parsed format, the 0-based line, the names its hover is about. */
export interface HoverPlace {
  uri: string;
  format: FormatId | undefined;
  line: number;
  /** The hover's subject (a function, or a stack's frames outermost first). */
  names: readonly string[];
  /** Stack formats: the document's per-function weights. */
  totals: FunctionTotals | undefined;
}

/** The open comparison's note for a hover, or undefined when none is open or it has nothing to say there. */
export async function comparisonNote(place: HoverPlace, signal?: AbortSignal): Promise<string | undefined> {
  const c = shown.at(-1);
  if (!c) return undefined;
  if (c.kind === 'profile') return profileComparisonNote(c.profile, c.sources.indexOf(place.uri), place.names, place.totals);
  if (place.format !== c.format) return undefined;
  const tables = await c.tablesOf(place.uri, signal);
  const hovered = tables && tableRowAt(tables, place.line + 1);
  if (!hovered) return undefined;
  const candidates = c.sources.flatMap((s, r) => (s === place.uri ? [r] : []));
  return tableComparisonNote(c.tables, hovered, hoveredRun(c.tables, candidates, hovered));
}
