/** Per-function totals of a stack profile: how much weight has the function on its stack, and as leaf. */
export interface FunctionStat {
  name: string;
  /** Weight of stacks that contain the function (counted once per stack, recursion or not). */
  total: number;
  /** Weight of stacks whose leaf is the function. */
  self: number;
}

export function functionStats(stacks: Map<string, number>): { functions: FunctionStat[]; total: number } {
  const byName = new Map<string, FunctionStat>();
  let total = 0;
  const seen = new Set<string>();
  for (const [stack, weight] of stacks) {
    total += weight;
    seen.clear();
    const frames = stack.split(';');
    // The first frame is the process name; it is a frame of the flame graph too.
    for (const f of frames) {
      if (seen.has(f)) continue;
      seen.add(f);
      let s = byName.get(f);
      if (!s) byName.set(f, (s = { name: f, total: 0, self: 0 }));
      s.total += weight;
    }
    byName.get(frames[frames.length - 1])!.self += weight;
  }
  return { functions: [...byName.values()].sort((a, b) => b.total - a.total), total };
}
