/**
 * The JSON form of a parsed model (`perflens parse`): plain objects, maps as sorted arrays.
 * `schemaVersion` changes whenever a field changes meaning or goes away, so scripts can check it.
 */
import { isStackProfile, type ReportModel } from '../model/report';
import { foldedStacks, sortedStackEntries } from './folded';
import { tableJson } from './tableJson';

export const MODEL_JSON_SCHEMA_VERSION = 1;

export function reportModelJson(model: ReportModel): object {
  if (isStackProfile(model)) {
    // The tree as folded stacks: compact, diffable and what other tools read.
    const { tree, ...rest } = model;
    return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...rest, stacks: sortedStackEntries(foldedStacks(tree)).map(([stack, count]) => ({ stack, count })) };
  }
  if (model.kind === 'perf-diff') {
    return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...model, sections: model.sections.map(({ table, ...s }) => ({ ...s, ...tableJson(table) })) };
  }
  return { schemaVersion: MODEL_JSON_SCHEMA_VERSION, ...(model as object) };
}
