/**
 * Where the overhead percentages of perf report rows are, for the editor's heat colouring: the
 * first percentage of each row line (Children with --children, else Overhead) and its value.
 */
import type { LineReader } from '../formatDefinition';

export interface HeatSpan {
  /** 0-based line and character range of the percentage (`58.46%`). */
  line: number;
  start: number;
  end: number;
  percent: number;
}

const ROW_START = /^\s*(?:[+-]\s+)?(\d+\.\d+)%(?= {2}|\t| *,)/;

/** The heat spans of rows in lines [from, to). */
export function overheadSpans(doc: LineReader, from = 0, to = doc.lineCount): HeatSpan[] {
  const out: HeatSpan[] = [];
  for (let line = Math.max(0, from); line < Math.min(to, doc.lineCount); line++) {
    const text = doc.lineAt(line);
    const c = text.charCodeAt(0);
    if (c === 35 || text.length > 4096) continue;
    const m = ROW_START.exec(text);
    if (!m) continue;
    const end = m[0].length;
    out.push({ line, start: end - m[1].length - 1, end, percent: Number(m[1]) });
  }
  return out;
}

/** Heat level 0..levels-1 of a percentage: the square root spreads the small shares most rows have. */
export function heatLevel(percent: number, levels: number): number {
  const p = Math.min(100, Math.max(0, percent));
  return Math.min(levels - 1, Math.floor(Math.sqrt(p / 100) * levels));
}
