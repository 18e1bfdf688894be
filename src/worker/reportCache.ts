/**
 * One parse per document: every consumer (diagnostics, hovers, the flame graph panel, the custom
 * editor) asks this cache, keyed by (uri, version or mtime+size, format, parser options). A parse
 * runs once in the worker and builds every payload the format supports, so an editor and its
 * flame graph share it. Memory-bounded (least recently used entries go first when the payloads
 * pass the budget), invalidated when a newer version of the document is asked for, and cancelled
 * when the last consumer waiting for it gives up. No VS Code here: the glue computes keys.
 */
import type { FormatId } from '../model/format';
import type { ParseOutcome } from './parseInWorker';
import type { ParseRequest, WorkerView } from './messages';
import { VIEW_KINDS } from '../model/format';

export interface ReportKey {
  /** The document or file, as a URI string. */
  uri: string;
  /** `v<version>` for editor text, `<mtime>:<size>` for a file read from disk. */
  stamp: string;
  format?: FormatId;
  parserOptions?: Partial<Record<FormatId, unknown>>;
}

/** Where the text comes from (a path for the worker to stream, or the editor's text) and its names. */
export interface ReportSource {
  path?: string;
  text?: string;
  name: string;
  title: string;
}

export type RunParse = (req: ParseRequest, onProgress: (bytes: number) => void, signal: AbortSignal) => Promise<ParseOutcome>;

export interface CacheRequest {
  onProgress?(bytes: number): void;
  signal?: AbortSignal;
}

/** Everything one parse builds: the editor's document summary and every view the format feeds. */
export const ALL_VIEWS: WorkerView[] = ['document', ...VIEW_KINDS];

interface Entry {
  id: string;
  uri: string;
  stamp: string;
  outcome: Promise<ParseOutcome>;
  settled: boolean;
  bytes: number;
  waiters: number;
  controller: AbortController;
  progress: Set<(bytes: number) => void>;
  lastUsed: number;
}

export class ReportCache {
  private readonly entries = new Map<string, Entry>();
  private clock = 0;
  /** Parses started (for tests and the status line). */
  parses = 0;

  constructor(
    private readonly run: RunParse,
    private readonly maxBytes = 512 << 20,
  ) {}

  /** The outcome for `key`: from the cache, from a parse in flight, or from a new parse. */
  get(key: ReportKey, source: ReportSource, request: CacheRequest = {}): Promise<ParseOutcome> {
    const id = JSON.stringify([key.uri, key.stamp, key.format ?? null, key.parserOptions ?? null]);
    this.dropStale(key.uri, key.stamp);
    let entry = this.entries.get(id);
    if (!entry) entry = this.start(id, key, source);
    entry.lastUsed = ++this.clock;
    return this.wait(entry, request);
  }

  /** Forgets every entry of `uri` (document closed, file deleted); parses nobody waits for stop. */
  invalidate(uri: string): void {
    for (const e of [...this.entries.values()]) if (e.uri === uri) this.remove(e);
  }

  /** Bytes held by finished entries. */
  get size(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.bytes;
    return n;
  }

  get count(): number {
    return this.entries.size;
  }

  private start(id: string, key: ReportKey, source: ReportSource): Entry {
    const controller = new AbortController();
    const progress = new Set<(bytes: number) => void>();
    const req: ParseRequest = { ...source, format: key.format, parserOptions: key.parserOptions, views: ALL_VIEWS };
    this.parses++;
    const entry: Entry = { id, uri: key.uri, stamp: key.stamp, outcome: undefined!, settled: false, bytes: 0, waiters: 0, controller, progress, lastUsed: 0 };
    entry.outcome = this.run(req, (b) => progress.forEach((f) => f(b)), controller.signal).then((o) => {
      entry.settled = true;
      // A failed or cancelled parse is not kept: the next request tries again.
      if (o.type === 'error') {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      } else {
        entry.bytes = o.approxBytes;
        this.evict();
      }
      return o;
    });
    this.entries.set(id, entry);
    return entry;
  }

  private wait(entry: Entry, request: CacheRequest): Promise<ParseOutcome> {
    const { signal, onProgress } = request;
    entry.waiters++;
    if (onProgress) entry.progress.add(onProgress);
    return new Promise<ParseOutcome>((resolve) => {
      const done = (o: ParseOutcome): void => {
        signal?.removeEventListener('abort', onAbort);
        if (onProgress) entry.progress.delete(onProgress);
        entry.waiters--;
        resolve(o);
      };
      const onAbort = (): void => {
        done({ type: 'error', message: 'parsing cancelled', located: false });
        // Nobody else waits for this parse: stop it.
        if (entry.waiters === 0 && !entry.settled) this.remove(entry);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort);
      void entry.outcome.then((o) => {
        if (!signal?.aborted) done(o);
      });
    });
  }

  /** A newer version of a document makes its older entries useless. */
  private dropStale(uri: string, stamp: string): void {
    for (const e of [...this.entries.values()]) if (e.uri === uri && e.stamp !== stamp) this.remove(e);
  }

  private remove(e: Entry): void {
    if (this.entries.get(e.id) === e) this.entries.delete(e.id);
    // Consumers still waiting get the outcome when it comes; nobody waiting: stop the worker.
    if (!e.settled && e.waiters === 0) e.controller.abort();
  }

  /** Least recently used finished entries go until the payloads fit the budget (the newest stays). */
  private evict(): void {
    let total = this.size;
    if (total <= this.maxBytes) return;
    const done = [...this.entries.values()].filter((e) => e.settled).sort((a, b) => a.lastUsed - b.lastUsed);
    for (const e of done.slice(0, -1)) {
      if (total <= this.maxBytes) break;
      this.entries.delete(e.id);
      total -= e.bytes;
    }
  }
}
