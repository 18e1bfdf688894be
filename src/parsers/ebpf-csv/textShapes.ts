/**
 * eBPF output printed as text rather than CSV, one line at a time: aligned tables (pandas prints,
 * bcc funccount/syscount), bcc/bpftrace histograms and bpftrace maps (`@name[key]: value`). Shared by
 * the eBPF parser's text mode; the run-log parser reads its tables with the same aligned reader.
 */
import type { WarningLog } from '../../model/diagnostics';
import type { EbpfHistogram, EbpfMapEntry, EbpfTable, HistogramBucket } from '../../model/ebpfTable';
import { parseNumber } from '../shared/columns';
import { finishHistogram, histogramBucket, histogramHeader, histogramUnit } from '../shared/histogram';
import { openEbpfTable, readAlignedTable } from '../shared/alignedEbpfTable';
import type { TableLineReader } from '../shared/pipeTable';
import { BpftraceJsonReader } from './bpftraceJson';

const MAP_ENTRY = /^(@[\w.]*)(?:\[(.*)\])?:\s+(-?\d+(?:\.\d+)?)\s*$/;
const BCC_SUMMARY = /^\s*avg\s*=\s*(\d+(?:\.\d+)?)\s*\w*,\s*total:\s*(\d+(?:\.\d+)?)\s*\w*,\s*count:\s*(\d+)\s*$/;

export interface TextShapesSink {
  table(t: EbpfTable): void;
  histogram(h: EbpfHistogram): void;
  map(m: EbpfMapEntry): void;
}

/** The state machine: which shape is open, if any. */
export class TextShapesReader {
  private tableReader: TableLineReader | undefined;
  private hist: { title: string; style: 'bcc' | 'bpftrace'; line: number; buckets: HistogramBucket[] } | undefined;
  private lastHistogram: EbpfHistogram | undefined;
  /** Events in the histograms since the last summary line (funclatency sums several functions in one). */
  private sinceSummary = 0;
  /** The last non-blank line that was not part of a shape: bcc prints a histogram's label there. */
  private label: string | undefined;
  private readonly json: BpftraceJsonReader;

  constructor(
    private readonly sink: TextShapesSink,
    private readonly warnings: WarningLog,
    private readonly title: string,
  ) {
    this.json = new BpftraceJsonReader(sink, warnings);
  }

  /** True when the line belonged to a shape (a record or part of one). */
  line(text: string, lineNo: number): boolean {
    if (this.json.open || (!this.tableReader && !this.hist && BpftraceJsonReader.starts(text))) {
      this.json.line(text, lineNo);
      return true;
    }
    if (this.tableReader) {
      if (this.tableReader.accept(text, lineNo)) return true;
      this.closeTable();
    }
    if (this.hist) {
      const b = histogramBucket(text, lineNo, this.hist.style);
      if (b) {
        this.hist.buckets.push(b);
        return true;
      }
      this.closeHistogram();
    }
    const summary = BCC_SUMMARY.exec(text);
    if (summary && this.lastHistogram) {
      this.lastHistogram.summary = { avg: Number(summary[1]), total: Number(summary[2]), count: Number(summary[3]) };
      if (Number(summary[3]) !== this.sinceSummary) {
        this.warnings.add(lineNo, `summary count ${summary[3]} differs from the ${this.sinceSummary} events in the histogram buckets above it: the summary and the buckets were read at different moments`);
      }
      this.sinceSummary = 0;
      return true;
    }
    const h = histogramHeader(text);
    if (h) {
      const bccLabel = h.style === 'bcc' && this.label ? `${this.label.trim()} (${h.title})` : h.title;
      this.hist = { title: bccLabel, style: h.style, line: lineNo, buckets: [] };
      this.label = undefined;
      return true;
    }
    const m = MAP_ENTRY.exec(text);
    if (m) {
      const value = parseNumber(m[3]);
      if (value !== undefined) {
        this.sink.map({ map: m[1], key: m[2] ?? '', value, line: lineNo });
        return true;
      }
    }
    const table = openEbpfTable(text, lineNo, this.warnings);
    if (table) {
      this.tableReader = table;
      return true;
    }
    // bcc prints a histogram's label above its header: `disk = 'sda'`, `Function = vfs_read`, `20:10:08`.
    if (/^\s*[\w ]+ = \S/.test(text) || /^\d\d:\d\d:\d\d\s*$/.test(text)) this.label = text;
    else if (text.trim().length > 0) this.label = undefined;
    return false;
  }

  end(): void {
    this.json.end();
    this.closeTable();
    this.closeHistogram();
  }

  private closeTable(): void {
    const r = this.tableReader;
    if (!r) return;
    this.tableReader = undefined;
    const t = readAlignedTable(r, this.title, this.warnings);
    if (t) this.sink.table(t);
  }

  private closeHistogram(): void {
    const h = this.hist;
    if (!h) return;
    this.hist = undefined;
    if (h.buckets.length === 0) {
      this.warnings.add(h.line, `histogram header '${h.title}' without bucket lines`);
      return;
    }
    this.lastHistogram = finishHistogram(h.title, histogramUnit(h.title.replace(/^.*\(([^()]*)\)$/, '$1')), h.line, h.buckets);
    this.sinceSummary += this.lastHistogram.total;
    this.sink.histogram(this.lastHistogram);
  }
}
