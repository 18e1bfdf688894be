/** Outline (tables, histograms) and hovers (a row's figures, a histogram's percentiles) for eBPF output. */
import type { EbpfReport } from '../../model/ebpfTable';
import { ebpfAllRowStats } from '../../model/ebpfRows';
import { formatValue } from '../../model/units';
import type { EditorFeatures, HoverText, LineReader, OutlineItem } from '../formatDefinition';
import { rowFigures } from '../shared/ebpfHover';
import { buildRowIndex, rowAt, type EbpfRowIndex } from '../shared/ebpfRowIndex';
import { EbpfParser } from './parser';

/** Documents longer than this get no outline (it re-reads the document). */
const OUTLINE_MAX_LINES = 50000;
/** Rows listed under a table in the outline. */
const OUTLINE_ROWS = 200;

export interface EbpfHoverIndex {
  /** Every table row's figures by line (typed arrays: cheap to send from the worker). */
  rows: EbpfRowIndex;
  /** 1-based header line of a histogram -> its percentiles text. */
  histograms: Map<number, string>;
}

function hoverIndex(model: EbpfReport): EbpfHoverIndex {
  const rows = buildRowIndex(model.tables);
  const histograms = new Map<number, string>();
  for (const h of model.histograms) {
    const p = h.percentiles;
    const v = (x: number) => formatValue(x, h.unit);
    histograms.set(h.line, `${h.total} events in ${h.buckets.length} ${h.scale} buckets` + (p ? `; estimated p50 ${v(p.p50)}, p90 ${v(p.p90)}, p99 ${v(p.p99)}` : ''));
  }
  return { rows, histograms };
}

function hover(doc: LineReader, line: number, _character: number, _totals: unknown, index?: EbpfHoverIndex): HoverText | undefined {
  if (!index) return undefined;
  const row = rowAt(index.rows, line + 1);
  if (row) return { title: row.stats.key, paragraphs: [rowFigures(row.stats, row.unitOfWork)] };
  const h = index.histograms.get(line + 1);
  if (h) return { title: doc.lineAt(line).trim(), paragraphs: [h] };
  return undefined;
}

function outline(doc: LineReader): OutlineItem[] {
  if (doc.lineCount > OUTLINE_MAX_LINES) return [];
  const p = new EbpfParser({ title: 'table' });
  for (let i = 0; i < doc.lineCount; i++) p.push(doc.lineAt(i) + '\n');
  p.end();
  const m = p.toModel('');
  const items: OutlineItem[] = [];
  m.tables.forEach((t, n) => {
    items.push({ name: `table ${n + 1}`, detail: `${t.table.rowCount} rows`, start: t.line - 1, end: t.endLine - 1, selection: t.line - 1 });
    const top = ebpfAllRowStats(t).sort((a, b) => (b.totalNs ?? 0) - (a.totalNs ?? 0)).slice(0, OUTLINE_ROWS);
    for (const s of top) items.push({ name: s.key, detail: s.share !== undefined ? `${(s.share * 100).toFixed(1)}%` : '', start: s.line - 1, end: s.line - 1, selection: s.line - 1 });
  });
  for (const h of m.histograms) items.push({ name: h.title, detail: `histogram, ${h.total} events`, start: h.line - 1, end: h.endLine - 1, selection: h.line - 1 });
  return items;
}

export const ebpfEditor: EditorFeatures<EbpfReport, EbpfHoverIndex> = { outline, hover, hoverIndex };
