/** Outline and hovers for folded-stack documents, as pure functions over lines. */
import type { FunctionTotals } from '../../model/profile';
import type { EditorFeatures, HoverText, LineReader, OutlineItem } from '../formatDefinition';
import { percent, shareOfTotals } from '../shared/share';

/** The roots of the folded stacks (process names) with their share of the total. */
function outline(doc: LineReader): OutlineItem[] {
  const roots = new Map<string, { total: number; first: number }>();
  let total = 0;
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i);
    const sp = text.lastIndexOf(' ');
    const count = Number(text.slice(sp + 1));
    if (sp <= 0 || !Number.isFinite(count)) continue;
    const semi = text.indexOf(';');
    const root = text.slice(0, semi < 0 ? sp : Math.min(sp, semi));
    const e = roots.get(root) ?? { total: 0, first: i };
    e.total += count;
    roots.set(root, e);
    total += count;
  }
  return [...roots.entries()]
    .sort((a, b) => b[1].total - a[1].total)
    .map(([root, e]) => ({ name: root, detail: percent(e.total, total), start: e.first, end: e.first, selection: e.first }));
}

/** The frame under the cursor and its share of the profile. */
function hover(doc: LineReader, line: number, character: number, totals: FunctionTotals | undefined): HoverText | undefined {
  const text = doc.lineAt(line);
  const sp = text.lastIndexOf(' ');
  if (sp <= 0 || character >= sp) return undefined;
  const start = text.lastIndexOf(';', character - 1) + 1;
  const end = text.indexOf(';', character);
  const name = text.slice(start, end < 0 || end > sp ? sp : end);
  const share = shareOfTotals(totals, name);
  return { title: name, paragraphs: share ? [share] : [], span: { start, end: start + name.length } };
}

export const foldedEditor: EditorFeatures = { outline, hover };
