/**
 * perf diff's column headers (builtin-diff.c `columns[]`, `init_header`) to typed table columns,
 * and each column's cell reader. A title may end in `/N` (more than two files): the file it is about.
 */
import type { PerfDiffColumnInfo, PerfDiffColumnRole } from '../../model/perfDiff';
import type { TableCell, TableColumn } from '../../model/table';
import type { Unit } from '../../model/units';
import { parseNumber, splitSymbolMarker } from '../shared/columns';

/** One printed column: how its cell text becomes one or more table cells (undefined: not valid). */
export interface DiffCellReader {
  title: string;
  /** The table columns this printed column gives (the cycles column and Symbol give two). */
  columns: TableColumn[];
  info: PerfDiffColumnInfo[];
  read(cell: string): TableCell[] | undefined;
}

interface NumericKind {
  role: PerfDiffColumnRole;
  unit: Unit;
  /** The file the column is about when the title has no `/N` (two-file diffs). */
  file: number;
  /** `N/A` is printed for entries only in the newer file (ratio, weighted diff). */
  na?: boolean;
}

const NUMERIC: Record<string, NumericKind> = {
  Baseline: { role: 'baseline', unit: 'percent', file: 0 },
  Delta: { role: 'delta', unit: 'percent', file: 1 },
  'Delta Abs': { role: 'deltaAbs', unit: 'percent', file: 1 },
  Ratio: { role: 'ratio', unit: 'ratio', file: 1, na: true },
  'Weighted diff': { role: 'wdiff', unit: 'period', file: 1, na: true },
  'Base period': { role: 'basePeriod', unit: 'period', file: 0 },
  Period: { role: 'period', unit: 'period', file: 1 },
};

/** Text columns of the compute methods (not sort keys). */
const TEXT_ROLES: Record<string, { role: PerfDiffColumnRole; file: number }> = {
  Formula: { role: 'formula', file: 1 },
  'stddev/Hist': { role: 'stddevHist', file: 1 },
};

const CYCLES_TITLE = '[Program Block Range] Cycles Diff';

/** Sort-key headers (util/sort.c `se_header`) with the ids rows are matched by. */
const KEY_IDS: Record<string, string> = {
  'Shared Object': 'dso',
  Symbol: 'symbol',
  Command: 'comm',
  'Pid:Command': 'pid',
  CPU: 'cpu',
  'Source:Line': 'srcline',
  'Data Symbol': 'symbol_daddr',
  'Data Object': 'dso_daddr',
};

function keyId(title: string): string {
  return KEY_IDS[title] ?? (title.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'column');
}

/** `Shared Object Symbol` (two key titles over one dotted run) -> `Shared Object`. */
function mergedKeyAndSymbol(title: string): string | undefined {
  if (!title.endsWith(' Symbol')) return undefined;
  const first = title.slice(0, -' Symbol'.length).trim();
  return first in KEY_IDS && first !== 'Symbol' ? first : undefined;
}

/** `Delta Abs/2` -> name `Delta Abs`, file 2. */
function splitFile(title: string): { name: string; file: number | undefined } {
  const m = /^(.*?)\/(\d{1,9})$/.exec(title);
  return m && m[1] !== 'stddev' ? { name: m[1], file: Number(m[2]) } : { name: title, file: undefined };
}

/** `-t` prints Baseline without `%`; every percent cell reads with or without it. */
function numberOrBlank(cell: string, na: boolean): TableCell[] | undefined {
  if (cell === '') return [null];
  if (na && cell === 'N/A') return [null];
  const n = parseNumber(cell);
  return n === undefined ? undefined : [n];
}

/** The readers of a table's printed columns, from its titles (as cut by the dotted rule or `-t`). */
export function diffCellReaders(titles: readonly string[]): DiffCellReader[] {
  const used = new Set<string>();
  const unique = (id: string): string => {
    let u = id;
    for (let i = 2; used.has(u); i++) u = `${id}_${i}`;
    used.add(u);
    return u;
  };
  return titles.map((raw) => {
    const title = raw.trim();
    const { name, file } = splitFile(title);
    const suffix = file === undefined ? '' : `/${file}`;
    const numeric = NUMERIC[name];
    if (numeric) {
      const f = file ?? numeric.file;
      return {
        title,
        columns: [{ kind: 'number', id: unique(numeric.role + suffix), label: title, unit: numeric.unit }],
        info: [{ role: numeric.role, file: f }],
        read: (cell) => numberOrBlank(cell, numeric.na === true),
      };
    }
    const text = TEXT_ROLES[name];
    if (text) {
      return {
        title,
        columns: [{ kind: 'text', id: unique(text.role + suffix), label: title }],
        info: [{ role: text.role, file: file ?? text.file }],
        read: (cell) => [cell === '' ? null : cell],
      };
    }
    if (name === CYCLES_TITLE) {
      const f = file ?? 1;
      return {
        title,
        columns: [
          { kind: 'text', id: unique('blockRange' + suffix), label: '[Program Block Range]' + suffix },
          { kind: 'number', id: unique('cyclesDiff' + suffix), label: 'Cycles Diff' + suffix, unit: 'count' },
        ],
        info: [
          { role: 'blockRange', file: f },
          { role: 'cyclesDiff', file: f },
        ],
        read: readCycles,
      };
    }
    const merged = mergedKeyAndSymbol(title);
    if (merged) {
      // A dotted rule with one run for two titles (`Shared Object Symbol`, seen in mailed copies):
      // the first word of the cell is the key (DSOs and comms have no spaces), the rest the symbol.
      return {
        title,
        columns: [
          { kind: 'text', id: unique(keyId(merged)), label: merged },
          { kind: 'text', id: unique('symbolLevel'), label: 'Level' },
          { kind: 'text', id: unique('symbol'), label: 'Symbol' },
        ],
        info: [
          { role: 'key', file: undefined },
          { role: 'symbolLevel', file: undefined },
          { role: 'key', file: undefined },
        ],
        read: (cell) => {
          const sp = cell.search(/\s/);
          if (sp < 0) return undefined;
          const { level, name: sym } = splitSymbolMarker(cell.slice(sp).trim());
          return [cell.slice(0, sp), level ?? null, sym];
        },
      };
    }
    if (title === 'Symbol') {
      return {
        title,
        columns: [
          { kind: 'text', id: unique('symbolLevel'), label: 'Level' },
          { kind: 'text', id: unique('symbol'), label: 'Symbol' },
        ],
        info: [
          { role: 'symbolLevel', file: undefined },
          { role: 'key', file: undefined },
        ],
        read: (cell) => {
          if (cell === '') return [null, null];
          const { level, name: sym } = splitSymbolMarker(cell);
          return [level ?? null, sym];
        },
      };
    }
    return {
      title,
      columns: [{ kind: 'text', id: unique(keyId(title)), label: title }],
      info: [{ role: 'key', file: undefined }],
      read: (cell) => [cell === '' ? null : cell],
    };
  });
}

/** `[div.c:42 -> div.c:45]  147`: the block range and its cycles difference; blank: no pair. */
function readCycles(cell: string): TableCell[] | undefined {
  if (cell === '') return [null, null];
  const close = cell.lastIndexOf(']');
  if (!cell.startsWith('[') || close < 0) return undefined;
  const cycles = parseNumber(cell.slice(close + 1));
  if (cycles === undefined) return undefined;
  return [cell.slice(1, close), cycles];
}

/** Whether a title is one perf diff prints for a compute or baseline column (for detection). */
export function isDiffNumericTitle(title: string): boolean {
  const { name } = splitFile(title.trim());
  return name in NUMERIC || name === CYCLES_TITLE;
}
