/** Outline of perf trace -s documents: one entry per thread (or total / cgroup) block. */
import type { LineReader, OutlineItem } from '../formatDefinition';
import { stripQuote } from '../shared/columns';
import { groupLine } from './lines';

export function perfTraceOutline(doc: LineReader): OutlineItem[] {
  const items: OutlineItem[] = [];
  let lastText = -1;
  for (let i = 0; i < doc.lineCount; i++) {
    const text = stripQuote(doc.lineAt(i)).trimEnd();
    const g = groupLine(text);
    if (g) {
      const prev = items.at(-1);
      if (prev) prev.end = Math.max(prev.start, lastText);
      const h = g.header;
      const detail = [h.events !== undefined ? `${h.events} events` : '', h.eventsPercent !== undefined ? `${h.eventsPercent}%` : ''].filter(Boolean).join(', ');
      items.push({ name: g.title, detail, start: i, end: i, selection: i });
    }
    if (text.trim().length > 0) lastText = i;
  }
  const last = items.at(-1);
  if (last) last.end = Math.max(last.start, lastText);
  return items;
}
