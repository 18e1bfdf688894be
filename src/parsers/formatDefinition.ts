/**
 * What a format is, in one place: its ids, how to tell it from its first lines, its streaming
 * parser and options, whether large files can be parsed in parallel, and the views its model feeds.
 * Each format folder (src/parsers/<format>/) exports one of these; registry.ts lists them.
 */
import type { ParseWarning } from '../model/diagnostics';
import type { FormatId, ViewKind } from '../model/format';
import type { ReportModel } from '../model/report';
import type { FunctionTotals } from '../model/profile';

/** The start of an input, as every applicability check sees it. */
export interface FormatHead {
  /** Up to 64 KiB of text, byte order mark removed. */
  text: string;
  /** Its first (at most 400) complete lines, without line terminators. */
  lines: string[];
}

/**
 * A format's answer to "is this input mine?", as inferno's `is_applicable`: `yes` when the head
 * has the format's signature (a header line no other format prints), `maybe` when the lines fit
 * but could be another format's (the strongest maybe wins), `no` otherwise. `reason` is shown to
 * users ("perf report header", "3 folded stack lines").
 */
export interface Applicability {
  verdict: 'yes' | 'maybe' | 'no';
  reason: string;
  /** For `maybe`: how many lines fit, so detection can rank maybes. */
  score?: number;
}

/** Where a parser gave up understanding the input, for the error when nothing parsed. */
export interface LineText {
  line: number;
  text: string;
}

/** A parser fed text chunk by chunk; memory bounded by what it keeps, never by input size. */
export interface StreamParser<M extends ReportModel = ReportModel> {
  push(chunk: string): void;
  end(): void;
  readonly lineCount: number;
  /** First line that did not fit the format, for the error when nothing parsed. */
  readonly firstUnrecognized: LineText | undefined;
  /** Records parsed (samples, rows …); 0 with lines read means the input was not this format. */
  readonly records: number;
  /** First line holding text that was not valid UTF-8 (0: none). */
  readonly invalidUtf8Line: number;
  /** Warnings so far (the first ones) and how many more were dropped. */
  readonly warnings: { readonly items: ParseWarning[]; readonly dropped: number };
  /** The model; `source` names the input for messages. */
  toModel(source: string): M;
}

/** What one range of a file split for parallel parsing sends back to the thread that merges. */
export interface RangeResult {
  /** Format-specific partial result (must survive structured clone). */
  data: unknown;
  lines: number;
  records: number;
  warnings: ParseWarning[];
  droppedWarnings: number;
  firstUnrecognized: LineText | undefined;
  invalidUtf8Line: number;
}

/**
 * Formats whose large files can be cut at record boundaries and parsed on every core. Ranges
 * start just after `boundary`; every range but the last ends just after one.
 */
export interface ParallelParsing<O, M extends ReportModel> {
  boundary: string;
  /**
   * Options for the range parsers, decided once from the whole file (perf script: the default
   * event, which is the first one in the file). Returns undefined when the file cannot be split.
   */
  prepare(path: string, options: O): O | undefined;
  /** Options of one range; `last`: the range that ends the file. */
  rangeOptions(options: O, last: boolean): O;
  /** A range parser's partial result and the ArrayBuffers to transfer instead of copying. */
  exportRange(parser: StreamParser<M>): { data: unknown; transfer: ArrayBuffer[] };
  /** Merges the ranges, in file order; their warnings and lines are already in file numbering. */
  merge(ranges: RangeResult[], envelope: MergedEnvelope, options: O): M;
}

export interface MergedEnvelope {
  source: string;
  lines: number;
  records: number;
  warnings: ParseWarning[];
  droppedWarnings: number;
}

/** A document as editor features read it (VS Code's TextDocument, or lines in a test). 0-based. */
export interface LineReader {
  readonly lineCount: number;
  lineAt(line: number): string;
}

export interface FoldRange {
  start: number;
  end: number;
  /** `comment`: a header block. */
  kind?: 'comment';
}

export interface OutlineItem {
  name: string;
  detail: string;
  /** 0-based lines the item spans, and the line to select. */
  start: number;
  end: number;
  selection: number;
  /** Items inside this one (breadcrumbs and the outline nest them): a block's counters, an event's top entries. */
  children?: OutlineItem[];
}

/** A hover as plain text: a bold title, then paragraphs (rendered as text, never as markup). */
export interface HoverText {
  title: string;
  paragraphs: string[];
  /** The characters the hover is about, on the hovered line. */
  span?: { start: number; end: number };
  /**
   * A link to open the document's flame graph searching for `search` (the hovered function); the
   * VS Code glue makes it a command link on this document.
   */
  flameGraphSearch?: string;
}

/**
 * Editor features, as pure functions over the document's lines (the VS Code glue turns them into
 * providers for the format's language). `totals` are the parsed document's per-function weights
 * (stack formats); `index` is what the format's own `hoverIndex` built from the parsed model.
 */
export interface EditorFeatures<M extends ReportModel = ReportModel, I = unknown> {
  folding?(doc: LineReader): FoldRange[];
  outline?(doc: LineReader): OutlineItem[];
  /**
   * What hovers need from the parsed model (rows by line, ranks, totals …), built in the parse
   * worker once per document version and sent to the extension host: plain data that survives
   * structured clone (no functions or class instances; Maps are fine). Keep it small.
   */
  hoverIndex?(model: M): I;
  hover?(doc: LineReader, line: number, character: number, totals: FunctionTotals | undefined, index?: I): HoverText | undefined;
}

export interface FormatDefinition<O = unknown, M extends ReportModel = ReportModel, I = unknown> {
  id: FormatId;
  /** Shown to users: "perf script output". */
  displayName: string;
  /** The VS Code language id of documents in this format. */
  languageId: string;
  /**
   * Languages besides plain text whose documents are switched to `languageId` when detection says
   * `yes` (run logs are often Markdown notes: `.md` files open as markdown).
   */
  hostLanguages?: readonly string[];
  /** What a record of this format looks like, for "expected …" messages. */
  expected: string;
  applies(head: FormatHead): Applicability;
  /** The streaming parser; absent for formats PerfLens recognises but does not read yet. */
  parser?: {
    defaults: O;
    create(options: Partial<O>): StreamParser<M>;
  };
  parallel?: ParallelParsing<Partial<O>, M>;
  /** The views its model feeds (empty: editor features only). */
  views: readonly ViewKind[];
  editor?: EditorFeatures<M, I>;
}

export const NO: Applicability = { verdict: 'no', reason: '' };

/** The head of an input as every applicability check receives it. */
export function formatHead(text: string): FormatHead {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const cut = text.length > 65536;
  text = text.slice(0, 65536);
  const lines = text.split('\n', 401);
  // A line cut by the 64 KiB limit is not a line of the input (`a 111…1x` cut looks like `a 111`).
  if (cut || lines.length > 400) lines.pop();
  for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
  return { text, lines };
}
