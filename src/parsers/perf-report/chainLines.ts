/**
 * The lines of perf report's call graphs (`-g graph|fractal|flat|folded`, perf 3.x to 6.x), and of
 * text copied from the TUI, told apart by their shape (ui/stdio/hist.c):
 *   graph/fractal  `            ---leaf_a`, `               |--38.82%--top`, `                --19.64%--mid`,
 *                  continuation frames `                          worker`, separators of `|` and spaces;
 *   flat           `           38.82%` then frames indented by 16;
 *   folded         `38.82% leaf_a;top;worker` at column 0;
 *   TUI            `   - 34.86% Writer::run`, `        0.70% JavaThread::…` (one space after the value).
 */

export type ChainLine =
  | { kind: 'separator' }
  /** `---frame`: the collapsed root; `column` is where its frames and children continue. */
  | { kind: 'root'; frame: string; column: number }
  /** `--VALUE--frame`: a branch whose connector is at `connector`. */
  | { kind: 'branch'; value: string; frame: string; connector: number }
  /** A frame continuing the chain above it, starting at `column`. */
  | { kind: 'frame'; frame: string; column: number }
  | { kind: 'flatValue'; value: string }
  | { kind: 'folded'; value: string; stack: string }
  | { kind: 'tui' };

/** A chain value: `38.82%`, `1984` (count), `496000000` (period). */
export const CHAIN_VALUE = /^\d+(?:\.\d+)?%?$/;
const FOLDED = /^(\d+(?:\.\d+)?%?) (\S.*)$/;
const TUI = /^[+-]?\s*\d+\.\d+% \S/;
const NOT_MARGIN = /[^ |]/;

/** The chain line `text` (trimmed at the end, not empty, not a `#` line) is; undefined: not a chain line. */
export function classifyChainLine(text: string): ChainLine | undefined {
  const c0 = text.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    const m = FOLDED.exec(text);
    return m ? { kind: 'folded', value: m[1], stack: m[2] } : undefined;
  }
  // The margin: spaces and the `|` of open branches (deep trees indent by hundreds of columns: a
  // native regex search finds its end faster than a loop).
  const p = text.search(NOT_MARGIN);
  if (p < 0) return { kind: 'separator' };
  const pipe = text.indexOf('|');
  const spaces = pipe < 0 || pipe >= p ? p : -1;
  if (p === 0) return undefined;
  if (text.startsWith('---', p)) {
    // perf before 4.6 wrote `--- frame` (its frames then continue one column further right, which
    // continuation lines tolerate); children connect 3 columns right of the `---` either way.
    const at = text.charCodeAt(p + 3) === 32 ? p + 4 : p + 3;
    return { kind: 'root', frame: text.slice(at), column: p + 3 };
  }
  if (text.startsWith('--', p)) {
    const close = text.indexOf('--', p + 2);
    if (close > p + 2) {
      const value = text.slice(p + 2, close);
      if (CHAIN_VALUE.test(value)) {
        let at = close + 2;
        if (text.charCodeAt(at) === 32) at++;
        return { kind: 'branch', value, frame: text.slice(at), connector: p - 1 };
      }
    }
  }
  const rest = p === spaces ? text.slice(p) : '';
  if (rest) {
    if (rest.charCodeAt(0) === 43 || rest.charCodeAt(0) === 45 || TUI.test(rest)) {
      if (TUI.test(rest)) return { kind: 'tui' };
    }
    // `           38.82%`: flat chains' values sit at column 11, left of every graph line (12+).
    if (p < 12 && CHAIN_VALUE.test(rest)) return { kind: 'flatValue', value: rest };
  }
  return { kind: 'frame', frame: text.slice(p), column: p };
}
