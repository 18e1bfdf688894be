/**
 * bpftrace's JSON output (`-f json`): one object per printed map, on one line (NDJSON) or pretty
 * printed over several. `hist` objects become histograms (buckets `{min, max, count}`, max
 * inclusive, a missing bound open-ended; keyed histograms one per key), `map` and `stats` objects
 * map entries. Objects are gathered line by line until their braces balance, bounded in size.
 */
import type { WarningLog } from '../../model/diagnostics';
import type { EbpfHistogram, EbpfMapEntry, HistogramBucket } from '../../model/ebpfTable';
import { finishHistogram, histogramUnit } from '../shared/histogram';

/** An object still open after this many characters is not one we can read. */
const MAX_OBJECT_CHARS = 8 << 20;

/** Message types bpftrace prints that carry no map data. */
const NO_DATA = new Set(['attached_probes', 'printf', 'time', 'lost_events', 'join', 'syscall', 'helper_error', 'cat', 'value']);

export interface JsonSink {
  histogram(h: EbpfHistogram): void;
  map(m: EbpfMapEntry): void;
}

export class BpftraceJsonReader {
  private text = '';
  private start = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;

  constructor(
    private readonly sink: JsonSink,
    private readonly warnings: WarningLog,
  ) {}

  /** Whether a line starts a JSON object. */
  static starts(line: string): boolean {
    return /^\s*\{/.test(line);
  }

  get open(): boolean {
    return this.depth > 0;
  }

  /** Feeds a line of an object; returns when the object closed (and was read). */
  line(line: string, lineNo: number): void {
    if (this.depth === 0) {
      this.start = lineNo;
      this.text = '';
    }
    this.text += line + '\n';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
      } else if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth++;
      else if (c === '}' || c === ']') this.depth--;
    }
    if (this.depth <= 0) {
      this.depth = 0;
      this.inString = false;
      this.read();
    } else if (this.text.length > MAX_OBJECT_CHARS) {
      this.warnings.add(this.start, `a JSON object starting here is still open after ${MAX_OBJECT_CHARS} characters; skipped`);
      this.depth = 0;
      this.text = '';
    }
  }

  /** The input ended inside an object. */
  end(): void {
    if (this.depth > 0) this.warnings.add(this.start, 'the input ends inside this JSON object (cut output?)');
    this.depth = 0;
  }

  private read(): void {
    let obj: unknown;
    try {
      obj = JSON.parse(this.text);
    } catch (e) {
      this.warnings.add(this.start, `invalid JSON (${(e as Error).message.slice(0, 120)}); object skipped`);
      return;
    }
    this.text = '';
    const o = obj as { type?: unknown; data?: unknown };
    if (typeof o !== 'object' || o === null || typeof o.type !== 'string') {
      this.warnings.add(this.start, 'expected a bpftrace JSON object {"type": …, "data": …}; skipped');
      return;
    }
    if (NO_DATA.has(o.type)) return;
    const data = o.data;
    if (typeof data !== 'object' || data === null) return this.bad(`'${o.type}' without a data object`);
    for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
      if (o.type === 'hist') this.hist(name, value);
      else if (o.type === 'map' || o.type === 'stats') this.mapEntries(name, value);
      else this.warnings.add(this.start, `bpftrace '${o.type}' output (${name}) is not read (histograms, maps and stats are); skipped`);
    }
  }

  private bad(what: string): void {
    this.warnings.add(this.start, `bpftrace JSON: ${what}; skipped`);
  }

  private hist(name: string, value: unknown): void {
    if (Array.isArray(value)) return this.histogram(name, value);
    if (typeof value === 'object' && value !== null) {
      for (const [key, buckets] of Object.entries(value)) {
        if (Array.isArray(buckets)) this.histogram(`${name}[${key}]`, buckets);
        else this.bad(`histogram ${name}[${key}] is not a list of buckets`);
      }
      return;
    }
    this.bad(`histogram ${name} is not a list of buckets`);
  }

  private histogram(title: string, list: unknown[]): void {
    const buckets: HistogramBucket[] = [];
    for (const b of list) {
      const { min, max, count } = (b ?? {}) as { min?: unknown; max?: unknown; count?: unknown };
      if (typeof count !== 'number' || (min !== undefined && typeof min !== 'number') || (max !== undefined && typeof max !== 'number')) {
        this.bad(`a bucket of ${title} is not {min, max, count} numbers`);
        continue;
      }
      buckets.push({ low: typeof min === 'number' ? min : -Infinity, high: typeof max === 'number' ? max + 1 : Infinity, count, line: this.start });
    }
    if (buckets.length > 0) this.sink.histogram(finishHistogram(title, histogramUnit(title), this.start, buckets));
  }

  private mapEntries(name: string, value: unknown): void {
    if (typeof value === 'number') return this.sink.map({ map: name, key: '', value, line: this.start });
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'number') this.sink.map({ map: name, key, value: v, line: this.start });
        else this.bad(`${name}[${key}] is not a number`);
      }
      return;
    }
    this.bad(`map ${name} holds neither a number nor key/number pairs`);
  }
}
