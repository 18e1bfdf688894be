// Expected flame graph numbers, computed independently of PerfLens from a stored folded file
// (`frame;frame;...;leaf COUNT` lines, e.g. inferno's expected collapse-perf output).
import { readFileSync } from 'node:fs';

/**
 * Sums the folded counts per top-level frame (the root's children in a flame graph).
 * Returns { total, children: [{ name, count, percent }] } sorted by count, descending;
 * percent is the share of the whole profile formatted like the webview's data-percent (toFixed(2)).
 */
export function topLevelShares(foldedFile) {
  const sums = new Map();
  let total = 0;
  for (const raw of readFileSync(foldedFile, 'utf8').split('\n')) {
    const line = raw.trimEnd();
    if (!line) continue;
    const m = /^(.*)\s+(\d+(?:\.\d+)?)$/.exec(line);
    if (!m) throw new Error(`${foldedFile}: not a folded line: ${line.slice(0, 120)}`);
    const count = Number(m[2]);
    const first = m[1].split(';')[0];
    sums.set(first, (sums.get(first) ?? 0) + count);
    total += count;
  }
  if (total <= 0) throw new Error(`${foldedFile}: no samples`);
  const children = [...sums]
    .map(([name, count]) => ({ name, count, percent: ((100 * count) / total).toFixed(2) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { total, children };
}
