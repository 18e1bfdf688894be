/** The JSON form of a parsed model (`perflens parse`): plain objects, maps as sorted arrays. */
import type { ReportModel } from '../model/report';
import { sortedStackEntries } from './folded';

export function reportModelJson(model: ReportModel): object {
  const { stacks, ...rest } = model;
  return { ...rest, stacks: sortedStackEntries(stacks).map(([stack, count]) => ({ stack, count })) };
}
