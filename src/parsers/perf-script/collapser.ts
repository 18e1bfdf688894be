/**
 * `perf script` output -> folded stacks, with the exact semantics of FlameGraph's
 * stackcollapse-perf.pl (so results are byte-identical to it) and its options.
 *
 * A line state machine, fed chunk by chunk: event line -> frame lines (leaf first) -> blank line.
 * Memory is bounded by the number of distinct stacks and distinct frame lines, never by input size.
 */
import type { StackProfile } from '../../model/profile';
import type { HeaderFacts } from '../../model/report';
import { LineParser, parseWholeText } from '../shared/lineParser';
import { detach, StackTrie, type TrieExport } from '../shared/stackTrie';
import { readHeaderFact } from '../shared/headerFacts';
import { matchFrame, matchHeaderStart, matchTrailingEvent } from './lines';
import { DEFAULT_COLLAPSE_OPTIONS, type CollapseOptions } from './options';
import { collapsedFrameName } from './frames';

// Sample headers, frames and the trailing `event:` are matched by perfScriptLines.ts, in linear
// time. Comm: the perl's `\S.+?` would keep a space in one-letter comms (`t  9981` -> `t_`);
// like inferno we do not.
// Any header with a time: `time: [period] event: …` (tracepoints, samples without callchain).
const TIMED_EVENT = /\d\.\d+:\s+(?:(\d+)\s+)?(\S+):(?:\s|$)/;
// `… time: PERF_RECORD_MMAP2 …`: a side-band record, not a sample.
const SIDE_BAND = /^[^:]*:\s+PERF_RECORD_[A-Z_0-9]+/;
// After the pid of an old header without time: `[cpu] event:`.
const UNTIMED_EVENT = /^\s+(?:\[\d+\]\s+)?(\S+):\s*$/;
// The leaf frame of a sample without callchain, after its event: `ip sym+off (dso)`.
const SINGLE_LINE_FRAME = /^\s*[0-9a-f]+ /;
/** Longer lines are neither headers nor frames (real ones are a few hundred characters). */
const MAX_LINE_LENGTH = 1 << 16;
// A srcline continuation: exactly two spaces, then `file:line`, `:0` or `[dso][addr]`.
const SRCLINE = /^ {2}\S/;
/** Cap on the frame-line cache; real profiles have far fewer distinct frame lines. */
const FRAME_CACHE_LIMIT = 1 << 20;

export class PerfScriptCollapser extends LineParser<StackProfile> {
  private readonly trie = new StackTrie();
  readonly events: string[] = [];
  readonly facts: HeaderFacts = {};
  protected readonly longLineReason = 'longer than any perf script line';
  private readonly options: CollapseOptions;
  private eventFilter: string | undefined;
  private readonly eventDefaulted: boolean;
  private filterWarned = false;
  /** Root frame of the sample being read; undefined between samples or when filtered out. */
  private pname: string | undefined;
  private isJava = false;
  private pnameId = 0;
  /** Frame ids of the current sample, leaf first (perf's order). */
  private frames = new Int32Array(256);
  private depth = 0;
  /** Frame line -> frame id (-1: not a frame). Java samples tidy names differently. */
  private readonly frameCache = new Map<string, number>();
  private readonly javaFrameCache = new Map<string, number>();
  private sampleStartLine = 0;
  /** The frame printed on the header line itself (no-callchain sample), until we know no callchain follows. */
  private pendingLeaf = -1;
  /** Weight of the current sample: its period when the header shows one, else 1 (as the perl does). */
  private period = 1;
  private sawPeriod = false;
  /** Inside a sample of an event that is filtered out. */
  private filtered = false;

  constructor(options: Partial<CollapseOptions> = {}) {
    super();
    // With both --pid and --tid, --tid wins (see the root frame name in eventLine).
    this.options = { ...DEFAULT_COLLAPSE_OPTIONS, ...options };
    this.eventFilter = this.options.event ?? this.options.defaultEvent;
    this.eventDefaulted = this.options.event === undefined;
  }

  /** A sample cut off by the end of the input (no closing blank line) is reported. */
  protected override finish(): void {
    if (this.pname === undefined) return;
    if (this.depth === 0) {
      // A last header without frames: a no-callchain sample, complete as it is.
      if (this.options.dropTruncatedSample) this.pname = undefined;
      else this.finishSample();
    } else if (this.options.dropTruncatedSample) {
      this.warnings.add(this.sampleStartLine, 'input ends inside this sample (no blank line after it); the sample was not counted');
      this.pname = undefined;
      this.depth = 0;
    } else {
      this.warnings.add(this.sampleStartLine, 'input ends inside this sample (no blank line after it); counted it as it is');
      this.finishSample();
    }
  }

  line(line: string, lineNo: number): void {
    const c = line.charCodeAt(0);
    if (c === 35 /* # */) {
      // The `--header` block comes before the first sample.
      if (this.records === 0) readHeaderFact(line, this.facts);
      return;
    }
    if (line.length === 0) {
      if (this.pname !== undefined) this.finishSample();
      this.filtered = false;
      return;
    }
    // Neither a header nor a frame, wherever it is (also between samples, where frames are skipped).
    if (line.length > MAX_LINE_LENGTH) {
      this.unrecognized(line, lineNo);
      return;
    }
    // Frame lines start with white space. A header starts with the comm, which perf right-aligns
    // (leading spaces) when samples have no callchain, so between samples those are tried too.
    if (c !== 9 && (c !== 32 || this.depth === 0) && this.eventLine(line, lineNo)) return;
    if (this.pname === undefined) {
      // Frames of a filtered-out sample (or frames with no header) are skipped, as stackcollapse-perf.pl does.
      if (!this.filtered && !matchFrame(line)) this.unrecognized(line, lineNo);
      return;
    }
    const cache = this.isJava ? this.javaFrameCache : this.frameCache;
    let frame = cache.get(line);
    // Stryker disable next-line ConditionalExpression: a cache; computing the name again interns the same id.
    if (frame === undefined) {
      const name = this.frameName(line);
      frame = name === null ? -1 : this.trie.intern(name);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: when a cache is emptied changes no result.
      if (cache.size >= FRAME_CACHE_LIMIT) cache.clear();
      cache.set(detach(line), frame);
    }
    if (frame < 0) {
      // `perf script -F +srcline` puts `  file.c:42` under a frame: not a frame, not an error.
      if (!matchFrame(line) && !(this.depth > 0 && SRCLINE.test(line))) this.unrecognized(line, lineNo);
      return;
    }
    this.pushFrame(frame);
  }

  private pushFrame(frame: number): void {
    if (this.depth === this.frames.length) {
      const bigger = new Int32Array(this.frames.length * 2);
      bigger.set(this.frames);
      this.frames = bigger;
    }
    this.frames[this.depth++] = frame;
  }

  /** Handles a sample header; returns false when the line is not one. */
  private eventLine(line: string, lineNo: number): boolean {
    const header = line.charCodeAt(0) === 32 ? line.trimStart() : line;
    const m = matchHeaderStart(header);
    if (!m) return false;
    // A header that follows a sample without a blank line still closes it (no-callchain output).
    if (this.pname !== undefined) this.finishSample();
    // Side-band records (--show-task-events, --show-mmap-events …) share the header but are no samples.
    if (SIDE_BAND.test(header.slice(m.end))) {
      this.pname = undefined;
      this.depth = 0;
      return true;
    }
    this.pname = undefined;
    this.depth = 0;
    this.filtered = false;
    // stackcollapse-perf.pl only knows the callchain form (event name ends the line); other
    // headers with a time stamp name their event before the sample's own text.
    const trailing = matchTrailingEvent(line);
    const timed = trailing ? undefined : TIMED_EVENT.exec(line);
    // Old perf printed no time: `java  3244 cpu-clock:` (the perl sees no event there).
    // Stryker disable next-line ConditionalExpression,LogicalOperator: only saves a regex; `e` prefers trailing, then timed.
    const untimed = trailing || timed ? undefined : UNTIMED_EVENT.exec(header.slice(m.end));
    const e = trailing ?? (timed ? { period: timed[1], event: timed[2] } : untimed ? { period: undefined, event: untimed[1] } : undefined);
    this.period = 1;
    if (e) {
      if (e.period) {
        const period = Number(e.period);
        // 0, or too many digits for a double (Infinity), weighs 1 as a missing period does.
        this.period = period > 0 && period < Infinity ? period : 1;
      }
      const event = e.event;
      if (!this.events.includes(event)) this.events.push(event);
      if (this.eventFilter === undefined) {
        this.eventFilter = event;
      } else if (event !== this.eventFilter && !(this.eventDefaulted && sameDefaultEvent(event, this.eventFilter))) {
        if (this.eventDefaulted && !this.filterWarned) {
          this.filterWarned = true;
          this.warnings.add(lineNo, `several events in this file; showing only '${this.eventFilter}'`);
        }
        this.filtered = true;
        return true;
      }
      // Only kept samples say what the weights are: a filtered-out event's period does not.
      if (e.period) this.sawPeriod = true;
    }
    const comm = m.comm;
    let pid = m.pid;
    let tid = m.tid;
    if (!tid) {
      tid = pid;
      pid = '?';
    }
    let pname = this.options.tid ? `${comm}-${pid}/${tid}` : this.options.pid ? `${comm}-${pid}` : comm;
    // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; the replace finds nothing to change.
    if (pname.includes(' ')) pname = pname.replace(/ /g, '_');
    this.pname = pname;
    this.pnameId = this.trie.intern(pname);
    this.isJava = pname === 'java';
    this.sampleStartLine = lineNo;
    // Without callchains a sample is one line: the leaf frame follows the event name. It is held
    // back: with -F +addr the same shape is the data address's symbol, and a callchain follows.
    this.pendingLeaf = -1;
    const rest = timed ? line.slice(timed.index + timed[0].length).trim() : '';
    if (SINGLE_LINE_FRAME.test(rest) && rest.endsWith(')')) {
      const name = this.frameName('\t' + rest);
      if (name !== null) this.pendingLeaf = this.trie.intern(name);
    }
    return true;
  }

  private finishSample(): void {
    // When a callchain followed, the header's own `ip sym (dso)` was not the leaf (-F +addr).
    if (this.depth === 0 && this.pendingLeaf >= 0) this.pushFrame(this.pendingLeaf);
    this.pendingLeaf = -1;
    this.trie.add(this.pnameId, this.frames, this.depth, this.period);
    this.records++;
    this.pname = undefined;
    this.depth = 0;
  }

  private frameName(line: string): string | null {
    return collapsedFrameName(line, this.options, this.isJava);
  }

  /** The accumulated stacks as transferable arrays (parallel parsing merges them). */
  exportStacks(): TrieExport {
    return this.trie.export();
  }

  get weight(): StackProfile['weight'] {
    return this.sawPeriod ? 'period' : 'samples';
  }

  toModel(source: string): StackProfile {
    return {
      ...this.envelope('perf-script', source, this.facts),
      kind: 'stacks',
      events: this.events,
      event: this.eventFilter,
      tree: this.trie.toCallTree('all', source),
      samples: this.records,
      weight: this.weight,
    };
  }
}

/** Parses a whole perf script text (for small inputs and tests; large inputs stream via push()). */
export function parsePerfScript(text: string, options: Partial<CollapseOptions> = {}, source = '<text>'): StackProfile {
  return parseWholeText(new PerfScriptCollapser(options), text, source);
}

/**
 * The event without its modifier suffix (`cycles:u` -> `cycles`, `cpu-clock:pppH` -> `cpu-clock`).
 * Tracepoints keep their name (`sched:sched_switch`).
 */
export function baseEvent(event: string): string {
  return event.replace(/:[ukhIGHpPSDWe]+$/, '');
}

/**
 * Whether the default event filter keeps `event` next to `first`: the same counter once bare and
 * once with modifiers (`cycles:u` beside `cycles`, as inferno's single-line-stacks case has) is one
 * event; two modifier sets (`cpu-clock:u` and `cpu-clock:k`) are two. A named event matches exactly.
 */
export function sameDefaultEvent(event: string, first: string): boolean {
  if (event === first) return true;
  const base = baseEvent(event);
  return base === baseEvent(first) && (event === base || first === base);
}
