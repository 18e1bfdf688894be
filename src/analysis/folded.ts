/**
 * Folded-stack text: an exporter of the call tree (the model), sorted the way stackcollapse-perf.pl
 * sorts (plain string order), so our output can be compared byte for byte with FlameGraph's and
 * inferno's.
 */
import type { CallTree } from '../model/callTree';

/**
 * Every stack with samples of its own (`a;b;c` -> weight), from column `column` of the tree. Stack
 * text is built once per node, from its parent's (nodes are in pre-order).
 */
export function foldedStacks(tree: CallTree, column = 0): Map<string, number> {
  const { names, nodeName, parent } = tree;
  const self = tree.columns[column].self;
  const out = new Map<string, number>();
  // Stryker disable next-line ArrayDeclaration: a capacity hint; the array grows the same without it
  const text: string[] = new Array(nodeName.length);
  for (let n = 1; n < nodeName.length; n++) {
    const p = parent[n];
    text[n] = p === 0 ? names[nodeName[n]] : text[p] + ';' + names[nodeName[n]];
    if (self[n] !== 0) out.set(text[n], self[n]);
  }
  return out;
}

export function sortedStackKeys(stacks: Map<string, number>): string[] {
  // The default sort compares UTF-16 code units, like `<`, but runs natively: a comparator
  // callback costs seconds on tens of thousands of long stacks.
  return [...stacks.keys()].sort();
}

export function sortedStackEntries(stacks: Map<string, number>): Array<[string, number]> {
  return sortedStackKeys(stacks).map((k) => [k, stacks.get(k)!]);
}

export function formatFoldedLine(stack: string, count: number): string {
  return `${stack} ${formatCount(count)}`;
}

/** Integers print as integers; fractional counts keep their digits without float noise. */
export function formatCount(count: number): string {
  return Number.isInteger(count) ? String(count) : String(Number(count.toPrecision(15)));
}

export function toFoldedText(stacks: Map<string, number>): string {
  let out = '';
  for (const [stack, count] of sortedStackEntries(stacks)) out += formatFoldedLine(stack, count) + '\n';
  return out;
}
