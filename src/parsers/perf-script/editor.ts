/** Folding, outline and hovers for perf script documents, as pure functions over lines. */
import type { FunctionTotals } from '../../model/profile';
import type { EditorFeatures, FoldRange, HoverText, LineReader, OutlineItem } from '../formatDefinition';
import { shareOfTotals, percent } from '../shared/share';
import { collapsedFrameName } from './frames';
import { headerBlock, sampleBlocks } from './layout';
import { matchFrame, matchHeaderStart } from './lines';

const reader = (doc: LineReader) => (i: number) => doc.lineAt(i);

function folding(doc: LineReader): FoldRange[] {
  const ranges: FoldRange[] = sampleBlocks(doc.lineCount, reader(doc))
    .filter((b) => b.last > b.header)
    .map((b) => ({ start: b.header, end: b.last }));
  const header = headerBlock(doc.lineCount, reader(doc));
  if (header) ranges.unshift({ start: header[0], end: header[1], kind: 'comment' });
  return ranges;
}

/**
 * One entry per process (comm) with its sample count, pointing at its first sample: a perf script
 * file has far too many samples to list them one by one.
 */
function outline(doc: LineReader): OutlineItem[] {
  const byComm = new Map<string, { count: number; first: number; last: number }>();
  for (const b of sampleBlocks(doc.lineCount, reader(doc))) {
    const e = byComm.get(b.comm);
    if (e) {
      e.count++;
      e.last = b.last;
    } else byComm.set(b.comm, { count: 1, first: b.header, last: b.last });
  }
  let total = 0;
  for (const e of byComm.values()) total += e.count;
  return [...byComm.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([comm, e]) => ({ name: comm, detail: `${e.count} samples (${percent(e.count, total)})`, start: e.first, end: e.last, selection: e.first }));
}

/** A frame line: the function as the flame graph names it, its share, its address and DSO. */
function hover(doc: LineReader, line: number, _character: number, totals: FunctionTotals | undefined): HoverText | undefined {
  const text = doc.lineAt(line);
  if (!/^\s/.test(text)) return undefined;
  const frame = matchFrame(text);
  if (!frame) return undefined;
  const offset = /\+0x([0-9a-f]+)$/.exec(frame.rawfunc);
  // The name the flame graph and the totals use: tidied like stackcollapse-perf.pl, which depends
  // on the sample's process (Java names are tidied only in `java`).
  const comm = sampleComm(doc, line);
  const names = (collapsedFrameName(text, {}, comm === 'java') ?? frame.rawfunc).split(';');
  const paragraphs: string[] = [];
  const share = shareOfTotals(totals, names.find((n) => totals?.byName.has(n)) ?? names[0]);
  if (share) paragraphs.push(share);
  paragraphs.push(`address ${frame.pc}${offset ? ` (+0x${offset[1]} into the symbol)` : ''} in ${frame.mod}${comm !== undefined ? `, process ${comm}` : ''}`);
  return { title: names.join(' → '), paragraphs };
}

/** The comm of the sample a frame line belongs to: its header is the nearest unindented line above. */
function sampleComm(doc: LineReader, line: number): string | undefined {
  for (let i = line - 1; i >= 0 && i >= line - 5000; i--) {
    const text = doc.lineAt(i);
    if (text.length === 0) return undefined;
    if (!/^\s/.test(text)) return matchHeaderStart(text)?.comm.replace(/ /g, '_');
  }
  return undefined;
}

export const perfScriptEditor: EditorFeatures = { folding, outline, hover };
