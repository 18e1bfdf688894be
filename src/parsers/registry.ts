/**
 * Which parser reads which format. Every format plugs in here with a streaming parser that takes
 * text chunks and produces its typed model; the CLI, the worker and the extension only talk to this
 * registry. Formats listed in FORMAT_IDS without an entry are recognised but not parsed yet.
 */
import type { FormatId } from '../model/format';
import type { StackProfile } from '../model/profile';
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
  toProfile(): M;
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

export const STACK_PARSERS = {
  'perf-script': {
    format: 'perf-script',
    expected: 'a perf script sample header (`comm pid [cpu] time: [period] event:`) or a callchain frame line',
    create: (o: ParserOptions) => new PerfScriptCollapser(o.collapse),
  },
  folded: {
    format: 'folded',
    expected: "a folded stack line 'frame;frame;… COUNT'",
    create: () => new FoldedParser(),
  },
} satisfies Record<string, ParserEntry<StackProfile>>;

export type ParsableFormat = keyof typeof STACK_PARSERS;

export function parserFor(format: FormatId): ParserEntry<StackProfile> | undefined {
  return (STACK_PARSERS as Partial<Record<FormatId, ParserEntry<StackProfile>>>)[format];
}
