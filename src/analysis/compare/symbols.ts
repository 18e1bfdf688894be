/**
 * Symbol names as a comparison matches them across runs: a rebuilt kernel or binary moves
 * addresses and renames compiler clones, which must not turn one function into two.
 */

export interface SymbolMatching {
  /** `0x45ef2173` -> `0x...` (FlameGraph's difffolded --strip-hex, inferno's strip_hex). */
  stripHex: boolean;
  /** Drop `+0x1a` offsets and compiler clone suffixes (`.isra.0`, `.constprop.3`, `.cold`, `.part.1`, `.lto_priv.0`, `.llvm.123`). */
  stripSuffixes: boolean;
}

export const DEFAULT_SYMBOL_MATCHING: SymbolMatching = { stripHex: true, stripSuffixes: true };

/** Replaces every hex number `0x…` with `0x...`, as inferno's diff-folded does. */
export function stripHexAddresses(text: string): string {
  return text.replace(/0x[0-9a-fA-F]+/g, '0x...');
}

const CLONE_SUFFIX = /(?:\.(?:isra|constprop|part|lto_priv|llvm|cold|localalias)(?:\.\d+)?)+$/;
const OFFSET = /\+0x[0-9a-fA-F]+(?:\/0x[0-9a-fA-F]+)?$/;

/** One frame name as matched across runs. Annotation suffixes (`_[k]`) are kept. */
export function matchName(name: string, m: SymbolMatching): string {
  let s = name;
  if (m.stripSuffixes) {
    const annotation = /_\[[kji]\]$/.exec(s)?.[0] ?? '';
    if (annotation) s = s.slice(0, -annotation.length);
    s = s.replace(OFFSET, '').replace(CLONE_SUFFIX, '') + annotation;
  }
  if (m.stripHex) s = stripHexAddresses(s);
  return s;
}
