/**
 * Folded stacks (`frame;frame;leaf COUNT`, one per line), as written by stackcollapse-* and inferno.
 * Counts may be fractional. A differential line (`stack BEFORE AFTER`) keeps the AFTER count.
 * Streaming: feed chunks with push(); memory is bounded by the number of distinct stacks.
 */
import type { StackProfile } from '../../model/profile';
import { LineParser } from '../shared/lineParser';

const COUNT = /^[0-9]+(?:\.[0-9]*)?$|^\.[0-9]+$/;

export class FoldedParser extends LineParser<StackProfile> {
  readonly stacks = new Map<string, number>();
  private differentialWarned = false;
  protected readonly longLineReason = 'too long for a folded stack';

  line(raw: string, lineNo: number): void {
    // White space after the count is noise; one space or TAB separates it from the stack (whose
    // frames may end in spaces: flamegraph.pl's `^(.*)\s+?(\d+(?:\.\d*)?)$`).
    const line = raw.trimEnd();
    if (line.length === 0) return;
    const sp = lastSpace(line);
    const last = sp > 0 ? line.slice(sp + 1) : '';
    if (!COUNT.test(last)) return this.bad(line, lineNo);
    let stack = line.slice(0, sp);
    let count = Number(last);
    // A count too large for a double (hundreds of digits) is not a weight (inferno's integer parse rejects it too).
    if (count === Infinity) return this.bad(line, lineNo);
    // `stack BEFORE AFTER` (difffolded output): the count we keep is AFTER.
    const sp2 = lastSpace(stack);
    if (sp2 > 0 && COUNT.test(stack.slice(sp2 + 1))) {
      if (!this.differentialWarned) {
        this.differentialWarned = true;
        this.warnings.add(lineNo, 'differential folded input (two counts): showing the second count');
      }
      stack = stack.slice(0, sp2);
    }
    if (stack.length === 0) return this.bad(line, lineNo);
    if (!(count >= 0)) count = 0;
    this.stacks.set(stack, (this.stacks.get(stack) ?? 0) + count);
    this.records++;
  }

  private bad(line: string, lineNo: number): void {
    this.unrecognized(line, lineNo, "expected 'frame;frame;… COUNT', got: ");
  }

  toModel(source: string): StackProfile {
    return {
      ...this.envelope('folded', source),
      kind: 'stacks',
      events: [],
      stacks: this.stacks,
      samples: this.records,
      weight: 'count',
    };
  }
}

function lastSpace(s: string): number {
  return Math.max(s.lastIndexOf(' '), s.lastIndexOf('\t'));
}

export function parseFolded(text: string, source = '<text>'): StackProfile {
  const p = new FoldedParser();
  p.push(text);
  p.end();
  return p.toModel(source);
}
