/** Whether an input is folded stacks: `frame;frame;leaf COUNT` lines. */
import type { Applicability, FormatHead } from '../formatDefinition';

const COUNT = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/** `frame;frame;leaf 12` (or a single frame with a count; space or tab before it). */
export function isFoldedLine(line: string): boolean {
  const t = line.trimEnd();
  const sp = Math.max(t.lastIndexOf(' '), t.lastIndexOf('\t'));
  const c = t.charCodeAt(0);
  return sp > 0 && c !== 32 && c !== 9 && COUNT.test(t.slice(sp + 1));
}

/**
 * When folded-shaped lines are at least half of the non-comment lines: `yes` if most of them hold
 * a `;`-joined stack, `maybe` otherwise (`name 12` lists are folded-shaped too).
 */
export function foldedApplies(head: FormatHead): Applicability {
  let folded = 0;
  let stacked = 0;
  let other = 0;
  for (const line of head.lines) {
    if (line.length === 0 || line.charCodeAt(0) === 35) continue;
    if (isFoldedLine(line)) {
      folded++;
      if (line.includes(';')) stacked++;
    } else other++;
  }
  if (folded === 0 || folded < other) return { verdict: 'no', reason: 'no folded stack lines' };
  const verdict = stacked * 2 >= folded + other ? 'yes' : 'maybe';
  return { verdict, reason: verdict === 'yes' ? 'folded stack lines' : 'lines ending in a count (folded-shaped, but few stacks)', score: folded };
}
