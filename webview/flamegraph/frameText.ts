/**
 * The words and numbers shown for frames: names, the `data-percent` of a drawn frame, tooltip lines,
 * the unit suffix and the export file name. Pure code, plain text only (the page assigns it with
 * textContent): unit-tested in node.
 */
import type { FlameGraphMeta } from '../../src/protocol';
import { formatCount, percentOf } from '../shared/format';
import type { FrameDatum } from './frameDatum';
import type { TreeIndex } from './treeIndex';

export { formatCount, percentOf } from '../shared/format';

export function frameName(index: TreeIndex, idx: number): string {
  return index.tree.names[index.tree.nodeName[idx]] ?? '';
}

/** Label of a merged node: the callees too small to draw at this zoom. */
export function otherName(count: number): string {
  return count === 1 ? '1 smaller frame' : `${count} smaller frames`;
}

/** `data-percent` of a drawn frame: share of the whole profile. */
export function framePercent(index: TreeIndex, datum: FrameDatum): string {
  return percentOf(datum.role === 'other' ? datum.value : index.total[datum.idx], index.rootTotal).toFixed(2);
}

/** Tooltip lines (plain text, rendered with textContent). */
export function describeFrame(
  index: TreeIndex,
  datum: FrameDatum,
  zoomIdx: number,
  unit: FlameGraphMeta['unit'],
): { title: string; lines: string[] } {
  const u = unitSuffix(unit);
  const zoomName = frameName(index, zoomIdx);
  if (datum.role === 'other') {
    return {
      title: datum.name,
      lines: [
        `Total: ${formatCount(datum.value)}${u}`,
        `${percentOf(datum.value, index.rootTotal).toFixed(2)}% of profile`,
        `${percentOf(datum.value, index.total[zoomIdx]).toFixed(2)}% of ${zoomIdx === 0 ? 'zoom' : `"${zoomName}"`}`,
        `Callees of "${frameName(index, datum.idx)}" too small to draw here; click to zoom into it.`,
      ],
    };
  }
  const t = index.total[datum.idx];
  const lines = [
    `Total: ${formatCount(t)}${u} · Self: ${formatCount(index.self[datum.idx])}${u}`,
    `${percentOf(t, index.rootTotal).toFixed(2)}% of profile`,
  ];
  if (datum.role === 'ancestor') lines.push(`Caller of the zoomed frame "${zoomName}"; click to zoom out to it.`);
  else if (zoomIdx !== 0) lines.push(`${percentOf(t, index.total[zoomIdx]).toFixed(2)}% of zoomed "${zoomName}"`);
  return { title: datum.name, lines };
}

/** A file name from a report title: no path separators or characters editors choke on. */
export function svgFileName(title: string): string {
  const base = title.replace(/^.*[\\/]/, '').replace(/[^\w.@+-]+/g, '_').replace(/^[._]+/, '').slice(0, 80);
  return `${base || 'flamegraph'}.flamegraph.svg`;
}

/** ' samples' / ' period' (summed sample periods: ns for cpu-clock, events for cycles) / ''. */
export function unitSuffix(unit: FlameGraphMeta['unit']): string {
  return unit === 'samples' ? ' samples' : unit === 'period' ? ' period' : '';
}
