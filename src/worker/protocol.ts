/** Messages between the extension host and the parse worker (a worker_threads Worker). */
import type { CallTree } from '../model/callTree';
import type { FormatId } from '../model/format';
import type { CollapseOptions } from '../parsers/perfScript';
import type { FlameGraphMeta } from '../protocol';
import type { ParseWarning } from '../model/diagnostics';

export interface ParseRequest {
  /** A file path, or the text itself for unsaved editors. */
  path?: string;
  text?: string;
  /** For messages. */
  name: string;
  title: string;
  format?: FormatId;
  collapse?: Partial<CollapseOptions>;
  /** flameGraph: a call tree for the panel; document: warnings and function totals for the editor. */
  purpose?: 'flameGraph' | 'document';
}

export interface DocumentAnalysis {
  format: FormatId;
  warnings: ParseWarning[];
  /** [name, total, self] per function, largest total first. */
  functions: Array<[string, number, number]>;
  total: number;
  samples: number;
  event?: string;
}

export type WorkerReply =
  | { type: 'progress'; bytes: number }
  | { type: 'done'; meta: FlameGraphMeta; tree: CallTree }
  | { type: 'document'; analysis: DocumentAnalysis }
  /** `line` and `expected` are set when the input itself is at fault (a ParseError). */
  | { type: 'error'; message: string; located: boolean; line?: number; expected?: string };
