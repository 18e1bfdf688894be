/**
 * How one perf script frame line becomes a folded frame name: stackcollapse-perf.pl's tidying
 * (offset dropped, arguments cut, `[unknown]` replaced by the DSO, Java `L` prefix dropped in `java`
 * processes, `_[k]`/`_[j]`/`_[i]` annotations) plus inferno's Rust and C++ template fixes.
 */
import { DEFAULT_COLLAPSE_OPTIONS, type CollapseOptions } from './options';
import { matchFrame } from './lines';

const SYMBOL_OFFSET = /\+0x[\da-f]+$/;
const QUOTES = /["']/g;
const RUST_HASH = /::h[0-9a-f]{16}$/;
const RUST_ESCAPES: Record<string, string> = {
  SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',',
};
// Kernel DSOs: [kernel.kallsyms], [module], vmlinux (also versioned `vmlinux-5.4.14-…`) and .ko modules.
const KERNEL_DSO = /^\[|(^|\/)vmlinux(-[^/]*)?$|\.ko$/;
// JIT code: perf-PID.map symbol maps and jitdump's /tmp/jitted-PID-N.so.
const JIT_DSO = /\/tmp\/perf-\d+\.map|\/jitted-\d+-\d+\.so$/;

/**
 * The folded name(s) of one frame line as stackcollapse-perf.pl writes them (offset dropped,
 * arguments cut, `[unknown]` replaced by the DSO, Java `L` prefix dropped in `java` processes,
 * annotations), root-most first and joined by ';'; null when the line is not a frame.
 */
export function collapsedFrameName(line: string, options: Partial<CollapseOptions>, isJava: boolean): string | null {
  const m = matchFrame(line);
  if (!m) return null;
  const { pc, mod } = m;
  const rawfunc = m.rawfunc.replace(SYMBOL_OFFSET, '');
  if (rawfunc.charCodeAt(0) === 40 /* ( */) return null;
  const { addrs, kernel, jit, tidyRust, inline } = { ...DEFAULT_COLLAPSE_OPTIONS, ...options };
  // perf --inline joins inlined functions with '->'; the later ones are the inlined callees.
  const parts = rawfunc.split('->');
  const out: string[] = [];
  for (let func of parts) {
    if (func === '[unknown]') {
      let name = 'unknown';
      if (mod !== '[unknown]') name = mod.replace(/.*\//, '');
      func = addrs ? `[${name} <${pc}>]` : `[${name}]`;
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; the replace finds nothing to change.
    if (func.includes(';')) func = func.replace(/;/g, ':');
    func = stripArguments(func);
    func = func.replace(QUOTES, '');
    if (tidyRust && RUST_HASH.test(func)) func = tidyRustSymbol(func);
    if (isJava && func.includes('/')) func = func.replace(/^L/, '');
    if (out.length > 0 || (inline && mod === 'inlined')) {
      if (!func.includes('_[i]')) func += '_[i]';
    } else if (kernel && KERNEL_DSO.test(mod) && !mod.includes('unknown')) {
      func += '_[k]';
    } else if (jit && JIT_DSO.test(mod)) {
      if (!func.includes('_[j]')) func += '_[j]';
    }
    out.push(func);
  }
  // Frames are reversed one by one at the end, so a multi-part frame stays root-most first.
  return out.length === 1 ? out[0] : out.join(';');
}

/**
 * Drops a C/C++/Java argument list: everything from the first '(' that is outside template brackets,
 * unless it is part of a Go method name (`net/http.(*Client).Do`) or `(anonymous namespace)`.
 * Template arguments may hold parentheses (`std::function<int (int, int)>::operator()`).
 */
export function stripArguments(func: string): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; without '(' the scan below returns func too.
  if (!func.includes('(')) return func;
  // The perl's Go test /\.\(.*\)\./, without its quadratic backtracking.
  const goOpen = func.indexOf('.(');
  if (goOpen >= 0 && func.lastIndexOf(').') >= goOpen + 2) return func;
  let depth = 0;
  for (let i = 0; i < func.length; i++) {
    const c = func.charCodeAt(i);
    // `operator<`, `operator<<`, `operator->` …: those angle brackets open no template.
    if (c === 111 /* o */ && func.startsWith('operator', i) && !isIdentifierChar(func.charCodeAt(i - 1))) {
      let j = i + 8;
      while (func.charCodeAt(j) === 32) j++;
      const op = ANGLE_OPERATORS.find((o) => func.startsWith(o, j));
      if (op) {
        i = j + op.length - 1;
        continue;
      }
    }
    if (c === 60 /* < */) depth++;
    else if (c === 62 /* > */ && depth > 0) depth--;
    else if (c === 40 /* ( */ && depth === 0) {
      if (func.startsWith('(anonymous namespace)', i)) continue;
      return func.slice(0, i);
    }
  }
  return func;
}

const ANGLE_OPERATORS = ['<=>', '<<=', '>>=', '->*', '<<', '>>', '<=', '>=', '->', '<', '>'];

function isIdentifierChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `a::b::h0123…` -> `a::b`, with `$LT$`/`$u7b$`-style escapes and `..` decoded. */
export function tidyRustSymbol(func: string): string {
  return func
    .replace(RUST_HASH, '')
    // A symbol that starts with an escape has a '_' in front (`_$LT$T$u20$as$u20$Tr$GT$::f`).
    .replace(/^_\$LT\$/, '$$LT$$')
    .replace(/\$([A-Z]{1,2}|u[0-9a-f]{2,6})\$/g, (whole, code: string) => {
      if (code.charCodeAt(0) === 117 /* u */) {
        const cp = parseInt(code.slice(1), 16);
        // Only a real character: not past U+10FFFF, not half of a surrogate pair.
        return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : whole;
      }
      return RUST_ESCAPES[code] ?? whole;
    })
    .replace(/\.\./g, '::');
}
