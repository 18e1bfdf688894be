/**
 * The JSON form of a parsed model (`perflens parse`): plain objects, maps as sorted arrays.
 * `schemaVersion` changes whenever a field changes meaning or goes away, so scripts can check it.
 */
import { isStackProfile, type ReportModel } from '../model/report';
import { foldedStacks, sortedStackEntries } from './folded';

export const MODEL_JSON_SCHEMA_VERSION = 1;

export function reportModelJson(model: ReportModel): object {
  if (isStackProfile(model)) {
    // The tree as folded stacks: compact, diffable and what other tools read.
    const { tree, ...rest } = model;
    return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...rest, stacks: sortedStackEntries(foldedStacks(tree)).map(([stack, count]) => ({ stack, count })) };
  }
  if (model.kind === 'ebpf') {
    // JSON has no Infinity: open-ended histogram buckets (`(..., 0)`, `[100, ...)`) print a null bound.
    const histograms = model.histograms.map((h) => ({ ...h, buckets: h.buckets.map((b) => ({ ...b, low: finiteOrNull(b.low), high: finiteOrNull(b.high) })) }));
    return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...model, histograms };
  }
  return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...(model as object) };
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
