/**
 * Folding, outline and hovers for perf stat documents. The outline and folding come from parsing
 * the document's lines (perf stat files are small); a hover reads its own line and the counter
 * lines around it (same block, interval and CPU), plus what the model knows about the block.
 */
import type { PerfStatModel, StatBlock } from '../../model/perfStat';
import { formatNumber } from '../../model/units';
import type { EditorFeatures, FoldRange, HoverText, LineReader, OutlineItem } from '../formatDefinition';
import { stripAnsi } from '../shared/columns';
import { detectCsvSeparator, matchCsv } from './csv';
import { matchJson } from './json';
import { matchCounter, parseMetric } from './lines';
import { explainMetric } from './metrics';
import { PerfStatParser } from './parser';
import { parseDocument } from '../shared/parseDocument';

/** What hovers need from the model: each block's extent and facts (small: no counters). */
export interface PerfStatHoverIndex {
  blocks: { start: number; end: number; runs: number; target?: string; elapsed?: number; intervals: number }[];
}

function parseDoc(doc: LineReader): PerfStatModel {
  return parseDocument(new PerfStatParser(), doc);
}

function blockName(b: StatBlock, i: number, n: number): string {
  const what = b.command ?? b.target ?? (b.intervals.length > 0 ? 'intervals (-I)' : b.style === 'csv' ? `-x '${b.separator ?? ','}' counters` : b.style === 'json' ? '-j counters' : 'counters');
  return n > 1 ? `${i + 1}. ${what}` : what;
}

function blockDetail(b: StatBlock): string {
  const parts: string[] = [];
  if (b.runs > 1) parts.push(`${b.runs} runs`);
  if (b.intervals.length > 0) parts.push(`${b.intervals.length} intervals`);
  parts.push(`${b.counters.length} counters`);
  if (b.elapsed) parts.push(`${formatNumber(b.elapsed.seconds)} s elapsed`);
  return parts.join(', ');
}

/** Blocks, then their counters (the first interval's only, with -I: the rest repeat them). */
function outline(doc: LineReader): OutlineItem[] {
  const m = parseDoc(doc);
  return m.blocks.map((b, i) => {
    const first = b.intervals[0];
    // (metric groups' first time too: a -I --metric-only block has no counters)
    const counters = b.counters.filter((c) => c.time === first).slice(0, 500);
    return {
      name: blockName(b, i, m.blocks.length),
      detail: blockDetail(b),
      start: b.line - 1,
      end: b.endLine - 1,
      selection: b.line - 1,
      children: [
        ...counters.map((c) => ({
          name: c.aggregate ? `${c.event} (${c.aggregate.id})` : c.event,
          detail: c.value === null ? `<${c.status}>` : `${formatNumber(c.value)}${c.unit ? ' ' + c.unit : ''}${c.metrics[0] ? `  # ${c.metrics[0].text}` : ''}`,
          start: c.line - 1,
          end: c.line - 1,
          selection: c.line - 1,
        })),
        // Metric groups (TopdownL1, --metric-only rows) of the first interval.
        ...b.metricGroups
          .filter((g) => g.time === first)
          .slice(0, 500)
          .map((g) => ({ name: g.name, detail: g.metrics.map((m) => m.text).join(', '), start: g.line - 1, end: (g.metrics.at(-1)?.line ?? g.line) - 1, selection: g.line - 1 })),
      ],
    };
  });
}

/** Each block, and the `# started on` line with the blank lines before its header. */
function folding(doc: LineReader): FoldRange[] {
  return parseDoc(doc)
    .blocks.filter((b) => b.endLine > b.line)
    .map((b) => ({ start: b.line - 1, end: b.endLine - 1 }));
}

function hoverIndex(model: PerfStatModel): PerfStatHoverIndex {
  return {
    blocks: model.blocks.map((b) => ({ start: b.line - 1, end: b.endLine - 1, runs: b.runs, target: b.target, elapsed: b.elapsed?.seconds, intervals: b.intervals.length })),
  };
}

interface LineCounter {
  time?: number;
  aggregate?: string;
  event: string;
  value: number | null;
  status: string;
  unit: string;
  noisePct?: number;
  runningPct?: number;
  metric?: { value: number | null; unit: string };
  /** The metric as the line prints it (`1.197 GHz`), and the decimals of its number. */
  metricShown?: string;
  metricDecimals?: number;
}

function decimalsOf(number: string): number {
  const m = /[.,](\d+)/.exec(number);
  return m ? m[1].length : 0;
}

/** A counter line, human or `-x SEP`. */
function lineCounter(text: string): LineCounter | undefined {
  // A mail quote (`> `) is no part of the line perf printed.
  const line = stripAnsi(text).trimEnd().replace(/^(?:> ?)+/, '');
  const h = matchCounter(line);
  if (h) {
    const shown = h.metricText.replace(/\s+/g, ' ');
    const metric = parseMetric(h.metricText);
    return { time: h.time, aggregate: h.aggregate?.id, event: h.event, value: h.value, status: h.status, unit: h.unit, noisePct: h.noisePct, runningPct: h.runningPct, metric, metricShown: shown, metricDecimals: decimalsOf(shown.split(' ')[0]) };
  }
  const json = matchJson(line);
  if (json?.kind === 'counter') {
    const k = json.counter;
    const shown = k.metric ? `${k.metric.value ?? ''} ${k.metric.unit}`.trim() : undefined;
    return { time: k.time, aggregate: k.aggregate?.id, event: k.event, value: k.value, status: k.status, unit: k.unit, noisePct: k.noisePct, runningPct: k.runningPct, metric: k.metric, metricShown: shown, metricDecimals: 3 };
  }
  const sep = detectCsvSeparator(line);
  if (sep === undefined) return undefined;
  const c = matchCsv(line, sep);
  if (c?.kind !== 'counter') return undefined;
  const k = c.counter;
  const fields = line.split(sep);
  const shown = k.metric ? `${fields[fields.length - 2]} ${fields[fields.length - 1]}`.trim() : undefined;
  return { time: k.time, aggregate: k.aggregate?.id, event: k.event, value: k.value, status: k.status, unit: k.unit, noisePct: k.noisePct, runningPct: k.runningPct, metric: k.metric, metricShown: shown, metricDecimals: decimalsOf(fields[fields.length - 2] ?? '') };
}

/** The counters printed beside line `at` (contiguous lines, same interval and CPU/thread), by event. */
function peersOf(doc: LineReader, at: number, self: LineCounter): Map<string, number> {
  const peers = new Map<string, number>();
  for (const dir of [-1, 1]) {
    for (let i = at + dir, n = 0; i >= 0 && i < doc.lineCount && n < 3000; i += dir, n++) {
      const text = doc.lineAt(i);
      if (text.trim() === '') break;
      const c = lineCounter(text);
      if (!c) continue;
      if (c.time !== self.time || c.aggregate !== self.aggregate) {
        if (self.time !== undefined && c.time !== self.time) break;
        continue;
      }
      if (c.value !== null && !peers.has(c.event)) peers.set(c.event, c.value);
    }
  }
  return peers;
}

const STATUS_TEXT: Record<string, string> = {
  'not supported': 'perf could not open this event here (no such PMU event on this CPU or in this VM, or not permitted).',
  'not counted': 'the event was set up but never ran: no time enabled (a thread that did not run, or multiplexing left it no slot).',
};

function hover(doc: LineReader, line: number, _character: number, _totals: unknown, index?: PerfStatHoverIndex): HoverText | undefined {
  const c = lineCounter(doc.lineAt(line));
  if (!c) return undefined;
  const paragraphs: string[] = [];
  const where = [c.aggregate ? `on ${c.aggregate}` : '', c.time !== undefined ? `in the interval ending at ${c.time} s` : ''].filter(Boolean).join(', ');
  if (c.value === null) paragraphs.push(`<${c.status}>: ${STATUS_TEXT[c.status]}`);
  else paragraphs.push(`${formatNumber(c.value)}${c.unit ? ' ' + c.unit : ' events'}${where ? ' ' + where : ''}.`);
  const block = index?.blocks.find((b) => b.start <= line && line <= b.end);
  if (c.noisePct !== undefined && c.value !== null) paragraphs.push(`± ${c.noisePct}% noise: the relative standard deviation of the count over ${block && block.runs > 1 ? `the ${block.runs} runs` : 'the runs'} (perf stat -r).`);
  if (c.runningPct !== undefined && c.runningPct < 100) {
    paragraphs.push(`Counted ${c.runningPct}% of the time: the event was multiplexed with others, and perf scaled the count up to the full time (an estimate).`);
  }
  if (c.metric) {
    const shown = c.metricShown ?? c.metric.unit;
    const seconds = c.time === undefined && block?.elapsed !== undefined ? block.elapsed : undefined;
    const ex = explainMetric(c.event, c.value, c.metric.unit, peersOf(doc, line, c), seconds);
    if (!ex) paragraphs.push(`perf shows: ${shown}.`);
    else {
      let text = `perf shows: ${shown} = ${ex.formula}.`;
      if (ex.computed !== undefined) text += ` From the counters printed here: ${ex.inputs ? ex.inputs + ' → ' : ''}${ex.computed.toFixed(c.metricDecimals ?? 3)}.`;
      paragraphs.push(text);
    }
  }
  if (block?.target) paragraphs.push(`Measured: ${block.target}${block.runs > 1 ? `, mean of ${block.runs} runs` : ''}${block.elapsed !== undefined ? `, ${formatNumber(block.elapsed)} s elapsed` : ''}.`);
  // The hover is about the event name where the line prints it.
  const text = doc.lineAt(line);
  const at = text.indexOf(c.event);
  return { title: c.event, paragraphs, span: at >= 0 ? { start: at, end: at + c.event.length } : undefined };
}

export const perfStatEditor: EditorFeatures<PerfStatModel, PerfStatHoverIndex> = { folding, outline, hoverIndex, hover };
