/**
 * Where the samples of a perf script document are, for folding and the outline: a cheap line scan
 * (no symbol parsing) that the editor can afford on every change.
 */
export interface SampleBlock {
  /** 0-based line of the sample header. */
  header: number;
  /** 0-based last line of the sample (its last frame, or the header itself). */
  last: number;
  comm: string;
}

import { matchHeaderStart } from './lines';

export function sampleBlocks(lineCount: number, lineAt: (i: number) => string): SampleBlock[] {
  const blocks: SampleBlock[] = [];
  let current: SampleBlock | undefined;
  for (let i = 0; i < lineCount; i++) {
    const line = lineAt(i);
    if (line.length === 0 || line.trim().length === 0) {
      current = undefined;
      continue;
    }
    const c = line.charCodeAt(0);
    if (c === 35 /* # */) continue;
    // Frames are indented with a TAB; a header is any other line right after a blank line or another header.
    if (c !== 9 && (!current || current.last === current.header)) {
      const m = line.length <= 4096 ? matchHeaderStart(line.trimStart()) : undefined;
      if (m) {
        current = { header: i, last: i, comm: m.comm };
        blocks.push(current);
        continue;
      }
    }
    if (current) current.last = i;
  }
  return blocks;
}

/** The leading `# …` header block (perf script --header), as 0-based [first, last], if any. */
export function headerBlock(lineCount: number, lineAt: (i: number) => string): [number, number] | undefined {
  let last = -1;
  for (let i = 0; i < lineCount && lineAt(i).startsWith('#'); i++) last = i;
  return last > 0 ? [0, last] : undefined;
}
