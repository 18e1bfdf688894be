/**
 * The line shapes of `perf script` output, matched exactly as stackcollapse-perf.pl's regexes match
 * them, but in linear time. The perl's patterns (`^(\S.*?)\s+(\d+)\/*(\d+)*\s+`,
 * `^\s*(\w+)\s*(.+) \((\S*)\)`, `:\s*(\d+)*\s+(\S+):\s*$`) backtrack exponentially or
 * quadratically in JavaScript on long runs of digits or long lines: a garbage line could hang the
 * parser. Each function documents the regex it replaces; tests compare them on the corpora and on
 * random lines.
 */

export interface HeaderStart {
  comm: string;
  pid: string;
  /** Undefined when the header shows only one number (perf's default: the TID). */
  tid: string | undefined;
  /** Index just after the pid[/tid] word. */
  end: number;
}

export interface FrameParts {
  pc: string;
  /** Symbol as printed, offset included (`foo+0x1b`). */
  rawfunc: string;
  /** The DSO between the parentheses. */
  mod: string;
}

export interface TrailingEvent {
  /** The period printed before the event name, if any. */
  period: string | undefined;
  event: string;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** \w in a JavaScript regex without the u flag: [A-Za-z0-9_]. */
function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * `^(\S.*?)\s+(\d+)\/*(\d+)*\s+`: the comm is everything before the first white-space-delimited
 * word of the form `digits[/…][digits]` that is followed by more white space.
 */
export function matchHeaderStart(line: string): HeaderStart | undefined {
  const n = line.length;
  if (n === 0 || isSpace(line.charCodeAt(0))) return undefined;
  let i = 1;
  for (;;) {
    // Find the next white-space run at or after i.
    while (i < n && !isSpace(line.charCodeAt(i))) i++;
    if (i >= n) return undefined;
    const wsStart = i;
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    const wordStart = i;
    // digits, then slashes, then digits, then white space.
    let j = wordStart;
    while (j < n && isDigit(line.charCodeAt(j))) j++;
    const pidEnd = j;
    if (pidEnd > wordStart) {
      while (j < n && line.charCodeAt(j) === 47 /* / */) j++;
      const tidStart = j;
      while (j < n && isDigit(line.charCodeAt(j))) j++;
      if (j < n && isSpace(line.charCodeAt(j))) {
        return {
          comm: line.slice(0, wsStart),
          pid: line.slice(wordStart, pidEnd),
          tid: j > tidStart ? line.slice(tidStart, j) : undefined,
          end: j,
        };
      }
    }
    i = wordStart;
  }
}

/**
 * `^\s*(\w+)\s*(.+) \((\S*)\)`: an address, then the symbol up to the LAST ` (` whose
 * parenthesised run of non-space characters closes, then the DSO. Reproduces the regex's
 * backtracking corner cases (`pc  (dso)` gives the symbol " ").
 */
export function matchFrame(line: string): FrameParts | undefined {
  const n = line.length;
  let i = 0;
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  const pcStart = i;
  while (i < n && isWord(line.charCodeAt(i))) i++;
  const pcEnd = i;
  if (pcEnd === pcStart) return undefined;
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  const funcStart = i;
  // Scan from the right for ` (`, tracking the rightmost ')' of the non-space run to the right.
  let close = -1;
  for (let x = n - 1; x > pcStart; x--) {
    const c = line.charCodeAt(x);
    if (c === 40 /* ( */ && close > x && line.charCodeAt(x - 1) === 32) {
      const p = x - 1; // the space before '('
      const parts = split(p, close);
      if (parts) return parts;
    }
    if (isSpace(c)) close = -1;
    else if (c === 41 /* ) */ && close === -1) close = x;
  }
  return undefined;

  // (.+) must be non-empty and end at p: take it from funcStart, or give back white space or a
  // character of the address, as the regex engine does when it backtracks.
  function split(p: number, close: number): FrameParts | undefined {
    const mod = line.slice(p + 2, close);
    if (funcStart < p) return { pc: line.slice(pcStart, pcEnd), rawfunc: line.slice(funcStart, p), mod };
    if (p > pcEnd) return { pc: line.slice(pcStart, pcEnd), rawfunc: line.slice(p - 1, p), mod };
    if (p === pcEnd && pcEnd - pcStart >= 2) return { pc: line.slice(pcStart, pcEnd - 1), rawfunc: line.slice(pcEnd - 1, p), mod };
    return undefined;
  }
}

/**
 * `:\s*(\d+)*\s+(\S+):\s*$`: the line ends with `event:` (then maybe spaces), preceded by white
 * space, an optional period, and a ':' (the end of the time stamp).
 */
export function matchTrailingEvent(line: string): TrailingEvent | undefined {
  let end = line.length;
  while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
  if (end < 2 || line.charCodeAt(end - 1) !== 58 /* : */) return undefined;
  let start = end - 1;
  while (start > 0 && !isSpace(line.charCodeAt(start - 1))) start--;
  // The event is the token without its last ':'; it may hold ':' itself (cpu-clock:pppH).
  if (end - 1 - start < 1) return undefined;
  const event = line.slice(start, end - 1);
  let i = start;
  if (i === 0 || !isSpace(line.charCodeAt(i - 1))) return undefined;
  while (i > 0 && isSpace(line.charCodeAt(i - 1))) i--;
  let period: string | undefined;
  let d = i;
  while (d > 0 && isDigit(line.charCodeAt(d - 1))) d--;
  if (d < i) {
    // `:\s*digits\s+`: digits preceded by optional white space and ':'.
    let k = d;
    while (k > 0 && isSpace(line.charCodeAt(k - 1))) k--;
    return k > 0 && line.charCodeAt(k - 1) === 58 ? { period: line.slice(d, i), event } : undefined;
  }
  return i > 0 && line.charCodeAt(i - 1) === 58 ? { period, event } : undefined;
}
