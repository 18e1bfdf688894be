/** Outline of strace -c documents: one entry per table (the run, then each extra personality). */
import type { LineReader, OutlineItem } from '../formatDefinition';
import { stripQuote } from '../shared/columns';
import { isStraceHeader, isStraceRule, personalityOf } from './lines';

export function straceOutline(doc: LineReader): OutlineItem[] {
  const items: OutlineItem[] = [];
  let heading: { name: string; line: number } | undefined;
  for (let i = 0; i + 1 < doc.lineCount; i++) {
    const text = stripQuote(doc.lineAt(i)).trimEnd();
    const personality = personalityOf(text);
    if (personality !== undefined) heading = { name: `${personality} mode`, line: i };
    if (!isStraceHeader(text) || !isStraceRule(stripQuote(doc.lineAt(i + 1)))) continue;
    // Rows run to the total row after the second rule.
    let end = i + 1;
    let rows = 0;
    let rules = 1;
    for (let j = i + 2; j < doc.lineCount && rules < 3; j++) {
      const row = stripQuote(doc.lineAt(j)).trimEnd();
      if (row.length === 0 || isStraceHeader(row) || personalityOf(row) !== undefined) break;
      end = j;
      if (isStraceRule(row)) rules++;
      else if (rules === 2) break;
      else rows++;
      if (rules === 2 && j + 1 < doc.lineCount && /\btotal\s*$|\stotal\s/.test(stripQuote(doc.lineAt(j + 1)))) {
        end = j + 1;
        break;
      }
    }
    const start = heading?.line ?? i;
    const name = heading?.name ?? (items.length === 0 ? 'all processes' : `summary ${items.length + 1}`);
    items.push({ name, detail: `${rows} syscalls`, start, end, selection: start });
    heading = undefined;
    i = end;
  }
  return items;
}
