/** Is this `perf diff` output? Its header (`# Event '…'`, `# Baseline …`) or, for `-q`, rows with a signed delta. */
import type { Applicability, FormatHead } from '../formatDefinition';

/** `-q` rows: `    59.11%     +0.50%  dso  [.] sym` or `   +0.02%  dso  [k] sym` (a signed percentage then a DSO and a symbol). */
const QUIET_ROW = /^\s+(?:\d+\.\d+%\s+)?[+-]\d+\.\d+%\s+\S+\s+\[[.kguHsX]\] /;
const MAX_CLASSIFIED = 2048;

export function perfDiffApplies({ text, lines }: FormatHead): Applicability {
  // Also quoted in a mail (`> # Baseline`) or indented in a commit message.
  if (/^[ \t>]*# Baseline/m.test(text)) return { verdict: 'yes', reason: 'perf diff header' };
  if (/^[ \t>]*# Event '.+'$/m.test(text)) return { verdict: 'yes', reason: "perf diff event header (# Event '…')" };
  const rows = lines.filter((l) => l.length <= MAX_CLASSIFIED && QUIET_ROW.test(l)).length;
  const content = lines.filter((l) => l.trim() && !l.startsWith('#')).length;
  if (rows >= 3 && rows * 2 >= content) return { verdict: 'yes', reason: 'perf diff rows (signed deltas, no header)' };
  return { verdict: 'no', reason: 'no perf diff header' };
}
