/**
 * Which parser reads which format. Every format plugs in here with a streaming parser that takes
 * text chunks and produces its typed model; the CLI, the worker and the extension only talk to this
 * registry. Formats listed in FORMAT_IDS without an entry are recognised but not parsed yet.
 */
import type { FormatId } from '../model/format';
import type { ReportModel } from '../model/report';
import { FoldedParser } from './folded';
import { PerfScriptCollapser, type CollapseOptions } from './perfScript';

/** A parser fed chunk by chunk. */
export interface StreamParser<M> {
  push(chunk: string): void;
  end(): void;
  readonly lineCount: number;
  /** First line that did not fit the format, for the error when nothing parsed. */
  readonly firstUnrecognized: { line: number; text: string } | undefined;
  /** How many records were parsed (samples, rows…); 0 with lines read means the input was not this format. */
  readonly samples: number;
  toModel(): M;
}

export interface ParserOptions {
  collapse?: Partial<CollapseOptions>;
}

export interface ParserEntry<M> {
  format: FormatId;
  /** What a line of this format looks like, for "expected …" messages. */
  expected: string;
  create(options: ParserOptions): StreamParser<M>;
}

/** The parsers there are; a format without an entry is recognised by detect.ts but not read yet. */
export const PARSERS: Partial<Record<FormatId, ParserEntry<ReportModel>>> = {
  'perf-script': {
    format: 'perf-script',
    expected: 'a perf script sample header (`comm pid [cpu] time: [period] event:`) or a callchain frame line',
    create: (o) => new PerfScriptCollapser(o.collapse),
  },
  folded: {
    format: 'folded',
    expected: "a folded stack line 'frame;frame;… COUNT'",
    create: () => new FoldedParser(),
  },
};

export function parserFor(format: FormatId): ParserEntry<ReportModel> | undefined {
  return PARSERS[format];
}
