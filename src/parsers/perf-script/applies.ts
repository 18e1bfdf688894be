/** Whether an input is `perf script` output: sample header lines, indented callchain frames. */
import type { Applicability, FormatHead } from '../formatDefinition';
import { isFoldedLine } from '../folded/applies';
import { matchFrame } from './lines';

// comm pid[/tid] [cpu] [time:] [period] event:  (old perf printed no time)
const SCRIPT_HEADER = /^\s*\S.*?\s+-?\d+(?:\/-?\d+)?\s+(?:\[-?\d+\]\s+)?(?:\d+\.\d+:\s+)?(?:\d+\s+)?\S+:(?:\s|$)/;
/** Longer lines are not classified: SCRIPT_HEADER is not linear-time. */
const MAX_CLASSIFIED = 2048;

/** `  ffffffff8103ce3b native_safe_halt ([kernel.kallsyms])`: indented, hex address, `(dso)`. */
export function isScriptFrame(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c === 9 || c === 32) && /^\s+[0-9a-f]+\s/.test(line) && line.trimEnd().endsWith(')') && matchFrame(line) !== undefined;
}

export function isScriptHeader(line: string): boolean {
  return line.length <= MAX_CLASSIFIED && line.length > 0 && line.charCodeAt(0) !== 35 && !isScriptFrame(line) && SCRIPT_HEADER.test(line);
}

/**
 * `yes` when there is at least one sample header and header and frame lines at least match the
 * lines that read as folded stacks (a folded line can look like a header).
 */
export function perfScriptApplies(head: FormatHead): Applicability {
  let headers = 0;
  let frames = 0;
  let folded = 0;
  for (const line of head.lines) {
    if (line.length === 0 || line.charCodeAt(0) === 35) continue;
    if (isScriptFrame(line)) frames++;
    else if (isScriptHeader(line)) headers++;
    else if (isFoldedLine(line)) folded++;
  }
  if (headers === 0) return { verdict: 'no', reason: 'no perf script sample header' };
  if (headers + frames < folded) return { verdict: 'no', reason: 'more folded stack lines than perf script lines' };
  return { verdict: 'yes', reason: 'perf script sample lines', score: headers + frames };
}
