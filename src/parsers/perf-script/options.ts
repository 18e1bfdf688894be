/** The switches of a perf script collapse: stackcollapse-perf.pl's options and where we follow inferno. */
export interface CollapseOptions {
  /** Root frame `comm-PID` (stackcollapse-perf.pl --pid). */
  pid: boolean;
  /** Root frame `comm-PID/TID` (--tid). */
  tid: boolean;
  /** Suffix kernel frames with `_[k]` (--kernel). */
  kernel: boolean;
  /** Suffix JIT frames (perf-PID.map) with `_[j]` (--jit). */
  jit: boolean;
  /** Keep raw addresses of unresolved frames: `[unknown <addr>]` (--addrs). */
  addrs: boolean;
  /**
   * Suffix frames that perf itself reports as inlined (`sym (inlined)`, from DWARF) with `_[i]`.
   * (stackcollapse-perf.pl's --inline runs addr2line instead; perf already did that work.)
   */
  inline?: boolean;
  /** Keep only samples of this event; by default the first event seen is kept. */
  event?: string;
  /**
   * Drop a last sample that the input cuts off (no blank line after it), as stackcollapse-perf.pl
   * does. By default it is counted (as inferno does), with a warning either way.
   */
  dropTruncatedSample?: boolean;
  /**
   * Finish Rust legacy symbols that perf left half-demangled (`foo::h0123456789abcdef`,
   * `_$u7b$$u7b$closure$u7d$$u7d$`), as inferno does. stackcollapse-perf.pl keeps them raw.
   */
  tidyRust?: boolean;
  /**
   * The event to keep when the user chose none: what the first event of the whole file is, for a
   * parser that reads only a later part of it (parallel parsing). Filtering warns as by default.
   */
  defaultEvent?: string;
}

/** stackcollapse-perf.pl's own behaviour where inferno (our default) differs from it. */
export const PERL_COMPAT: Partial<CollapseOptions> = { dropTruncatedSample: true, tidyRust: false };

export const DEFAULT_COLLAPSE_OPTIONS: CollapseOptions = {
  pid: false,
  tid: false,
  kernel: false,
  jit: false,
  addrs: false,
  tidyRust: true,
};
