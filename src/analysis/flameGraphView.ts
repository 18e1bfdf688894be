/** Turns a parsed stack profile into what the flame graph panel shows: a call tree and its meta line. */
import type { StackProfile } from '../model/profile';
import type { FlameGraphMeta } from '../protocol';
import { buildCallTree } from './callTree';
import type { CallTree } from '../model/callTree';

export function flameGraphView(profile: StackProfile, title: string): { meta: FlameGraphMeta; tree: CallTree } {
  return {
    tree: buildCallTree(profile.stacks),
    meta: {
      title,
      format: profile.format,
      event: profile.event,
      events: profile.events,
      samples: profile.samples,
      unit: profile.weight,
      warnings: profile.warnings,
      droppedWarnings: profile.droppedWarnings,
    },
  };
}
