/**
 * Folded stacks (`frame;frame;leaf COUNT`, one per line), as written by stackcollapse-* and inferno.
 * Counts may be fractional. A differential line (`stack BEFORE AFTER`) keeps the AFTER count.
 * Streaming: feed chunks with push(); memory is bounded by the number of distinct frames and stacks.
 */
import type { StackProfile } from '../../model/profile';
import { LineParser, parseWholeText } from '../shared/lineParser';
import { StackTrie } from '../shared/stackTrie';

const COUNT = /^[0-9]+(?:\.[0-9]*)?$|^\.[0-9]+$/;

export class FoldedParser extends LineParser<StackProfile> {
  private readonly trie = new StackTrie();
  /** Frame ids of the line being read, leaf first (the trie's order). */
  private frames = new Int32Array(256);
  private differentialWarned = false;
  protected readonly longLineReason = 'too long for a folded stack';

  line(raw: string, lineNo: number): void {
    // White space after the count is noise; one space or TAB separates it from the stack (whose
    // frames may end in spaces: flamegraph.pl's `^(.*)\s+?(\d+(?:\.\d*)?)$`).
    const line = raw.trimEnd();
    if (line.length === 0) return;
    const sp = lastSpace(line);
    // Stryker disable next-line StringLiteral: no text in place of '' passes COUNT, so the line is bad either way
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
    this.addStack(stack, count);
    this.records++;
  }

  private addStack(stack: string, count: number): void {
    const parts = stack.split(';');
    if (parts.length - 1 > this.frames.length) this.frames = new Int32Array(parts.length * 2);
    const n = parts.length - 1;
    for (let i = 1; i < parts.length; i++) this.frames[n - i] = this.trie.intern(parts[i]);
    this.trie.add(this.trie.intern(parts[0]), this.frames, n, count);
  }

  private bad(line: string, lineNo: number): void {
    this.unrecognized(line, lineNo, "expected 'frame;frame;… COUNT', got: ");
  }

  toModel(source: string): StackProfile {
    return {
      ...this.envelope('folded', source),
      kind: 'stacks',
      events: [],
      tree: this.trie.toCallTree('all', source),
      samples: this.records,
      weight: 'count',
    };
  }
}

function lastSpace(s: string): number {
  return Math.max(s.lastIndexOf(' '), s.lastIndexOf('\t'));
}

export function parseFolded(text: string, source = '<text>'): StackProfile {
  return parseWholeText(new FoldedParser(), text, source);
}
