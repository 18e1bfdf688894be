/**
 * Folded-stack text output, sorted the way stackcollapse-perf.pl sorts (plain string order), so our
 * output can be compared byte for byte with FlameGraph's and inferno's.
 */
export function sortedStackEntries(stacks: Map<string, number>): Array<[string, number]> {
  return [...stacks.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
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
