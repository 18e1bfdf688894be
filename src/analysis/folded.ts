/**
 * Folded-stack text output, sorted the way stackcollapse-perf.pl sorts (plain string order), so our
 * output can be compared byte for byte with FlameGraph's and inferno's.
 */
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
