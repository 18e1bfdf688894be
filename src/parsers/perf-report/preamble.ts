/** perf report's `#` lines other than column headers (builtin-report.c, util/sort.c). */

export interface SamplesLine {
  samples: number;
  samplesText: string;
  name: string;
  members?: string[];
}

// Quotes may be typographic in text pasted through a word processor (‘cycles’).
const SAMPLES = /^#\s*Samples: (\d+)([KMG]?) +of (events?) ['‘’](.*)['‘’](?: \(time slices: .*\))?(?:, show reference callgraph)?$/;
const UNIT: Record<string, number> = { '': 1, K: 1e3, M: 1e6, G: 1e9 };

/** `# Samples: 5K of event 'cpu-clock:pppH'`; `382  of` (two spaces) when there is no unit. */
export function parseSamplesLine(text: string): SamplesLine | undefined {
  const m = SAMPLES.exec(text);
  if (!m) return undefined;
  const name = m[4];
  const out: SamplesLine = { samples: Number(m[1]) * UNIT[m[2]], samplesText: m[1] + m[2], name };
  if (m[3] === 'events') {
    // `anon group { cpu-clock, task-clock }`, or `cpu-clock, task-clock` for a forced group.
    const braces = /\{\s*(.*?)\s*\}\s*$/.exec(name);
    const list = (braces ? braces[1] : name).split(',').map((s) => s.trim());
    if (list.length > 1 && list.every((s) => s.length > 0)) out.members = list;
  }
  return out;
}

/** The highest count a rounded `# Samples:` value stands for (`5K`: up to 5999). */
export function samplesCeiling(s: SamplesLine): number {
  const unit = s.samplesText.endsWith('K') ? 1e3 : s.samplesText.endsWith('M') ? 1e6 : s.samplesText.endsWith('G') ? 1e9 : 1;
  return s.samples + unit - 1;
}

export const EVENT_COUNT = /^#\s*Event count \(approx\.\): (\d+)$/;
export const LOST = /^#\s*Total Lost Samples: (\d+)$/;
export const TOTAL_WEIGHT = /^#\s*Total weight\s*: (\d+)$/;
export const SORT_ORDER = /^#\s*Sort order\s*: (.*)$/;
export const TIP = /^# \((.*)\)$/;
/** `# dso: t`: a sort column left out because a filter kept one value. */
export const ELIDED = /^# (comm|dso|symbol|sym_from|sym_to|dso_from|dso_to|addr_from|addr_to): (.*)$/;
export const HEADER_RULE = /^# =+$/;
