/**
 * eBPF output: a header-first CSV (RFC 4180, through csv-parse) with column roles told by name and
 * unit suffix, or text with the same tables printed by pandas or bcc, bcc/bpftrace histograms and
 * bpftrace maps. The first non-blank line decides: a comma-separated header means CSV.
 */
import type { EbpfHistogram, EbpfMapEntry, EbpfReport, EbpfTable } from '../../model/ebpfTable';
import { LineParser, parseWholeText } from '../shared/lineParser';
import { EbpfTableBuilder } from '../shared/ebpfTableBuilder';
import { CsvRecordReader, csvHeaderDelimiter, type CsvRecord, type Delimiter } from './csvRecords';
import { TextShapesReader } from './textShapes';

export interface EbpfOptions {
  /** The tables' title; empty: the source's file name. */
  title: string;
}

export const EBPF_DEFAULTS: EbpfOptions = { title: '' };


export class EbpfParser extends LineParser<EbpfReport> {
  protected readonly longLineReason = 'too long for an eBPF table row';
  private mode: 'csv' | 'text' | undefined;
  private readonly tables: EbpfTable[] = [];
  private readonly histograms: EbpfHistogram[] = [];
  private readonly maps: EbpfMapEntry[] = [];
  private csv: CsvRecordReader | undefined;
  private builder: EbpfTableBuilder | undefined;
  private header: string[] | undefined;
  /** The header line as written, when it had no quotes (a repeated header is then this text again). */
  private headerText: string | undefined;
  private delimiter: Delimiter = ',';
  private text: TextShapesReader | undefined;

  constructor(private readonly options: EbpfOptions = EBPF_DEFAULTS) {
    super();
  }

  line(line: string, lineNo: number): void {
    if (this.mode === undefined) {
      if (line.trim().length === 0 || line.startsWith('#')) return;
      const delimiter = csvHeaderDelimiter(line);
      this.mode = delimiter ? 'csv' : 'text';
      if (delimiter) {
        this.delimiter = delimiter;
        this.csv = new CsvRecordReader(
          (r) => this.record(r),
          (text, n) => this.plainLine(text, n),
          this.warnings,
          delimiter,
        );
      }
      else
        this.text = new TextShapesReader(
          {
            table: (t) => this.add(t),
            histogram: (h) => {
              this.histograms.push(h);
              this.records += h.buckets.length;
            },
            map: (m) => {
              this.maps.push(m);
              this.records++;
            },
          },
          this.warnings,
          this.options.title,
        );
    }
    if (this.csv) this.csv.line(line, lineNo);
    else if (this.text && !this.text.line(line, lineNo) && line.trim().length > 0) {
      this.unrecognized(line, lineNo, 'expected an eBPF table row, histogram bucket or map entry, got: ');
    }
  }

  /** A line without quotes: read in place by the builder (the fast path of big tables). */
  private plainLine(text: string, lineNo: number): void {
    if (!this.header) {
      this.headerText = text;
      this.record({ line: lineNo, fields: text.split(this.delimiter) });
    } else if (text === this.headerText) this.repeatedHeader(this.header, lineNo);
    else {
      this.builder!.addDelimited(text, this.delimiter, lineNo);
      this.records++;
    }
  }

  private record(r: CsvRecord): void {
    if (!this.header) {
      this.header = r.fields;
      this.builder = this.newBuilder(r.fields, r.line);
      return;
    }
    if (r.fields.length === this.header.length && r.fields.every((f, i) => f === this.header![i])) {
      this.repeatedHeader(r.fields, r.line);
      return;
    }
    this.builder!.addRow(r.fields, r.line);
    this.records++;
  }

  /** The header again: files concatenated with `cat`; a new table starts. */
  private repeatedHeader(fields: string[], lineNo: number): void {
    this.closeCsvTable();
    this.builder = this.newBuilder(fields, lineNo);
    this.warnings.add(lineNo, 'the CSV header is repeated here: a second table starts (files concatenated?)');
  }

  /** A `;`-separated CSV may write numbers with a decimal comma. */
  private newBuilder(labels: string[], lineNo: number): EbpfTableBuilder {
    return new EbpfTableBuilder(this.options.title, labels, lineNo, this.warnings, { decimalComma: this.delimiter === ';' });
  }

  private closeCsvTable(): void {
    if (this.builder && this.builder.rowCount > 0) this.add(this.builder.finish());
    else if (this.header) this.warnings.add(this.lineCount, 'CSV header without data rows');
    this.builder = undefined;
  }

  private add(t: EbpfTable): void {
    this.tables.push(t);
    if (this.mode === 'text') this.records += t.table.rowCount;
  }

  protected override finish(): void {
    if (this.csv) {
      this.csv.end();
      this.closeCsvTable();
    }
    this.text?.end();
  }

  toModel(source: string): EbpfReport {
    if (!this.options.title) {
      const name = source.replace(/^.*[\\/]/, '');
      for (const t of this.tables) if (!t.title) t.title = t.table.title = name;
    }
    return { ...this.envelope('ebpf-csv', source), format: 'ebpf-csv', kind: 'ebpf', tables: this.tables, histograms: this.histograms, maps: this.maps };
  }
}

export function parseEbpf(text: string, source = '<text>', options: Partial<EbpfOptions> = {}): EbpfReport {
  return parseWholeText(new EbpfParser({ ...EBPF_DEFAULTS, ...options }), text, source);
}
