/** Messages between the extension host and the parse worker (a worker_threads Worker). */
import type { CallTree } from '../model/callTree';
import type { FormatId } from '../model/format';
import type { CollapseOptions } from '../parsers/perfScript';
import type { FlameGraphMeta } from '../protocol';

export interface ParseRequest {
  /** A file path, or the text itself for unsaved editors. */
  path?: string;
  text?: string;
  /** For messages. */
  name: string;
  title: string;
  format?: FormatId;
  collapse?: Partial<CollapseOptions>;
}

export type WorkerReply =
  | { type: 'progress'; bytes: number }
  | { type: 'done'; meta: FlameGraphMeta; tree: CallTree }
  | { type: 'error'; message: string; located: boolean };
