/** Lookups over the registry, for the CLI, the worker and the extension. */
import type { FormatId, ViewKind } from '../model/format';
import type { FormatDefinition } from './formatDefinition';
import { FORMATS } from './registry';

export function formatById(id: string): FormatDefinition | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function formatByLanguage(languageId: string): FormatDefinition | undefined {
  return FORMATS.find((f) => f.languageId === languageId);
}

export function isFormatId(s: string): s is FormatId {
  return formatById(s) !== undefined;
}

export function formatIds(): FormatId[] {
  return FORMATS.map((f) => f.id);
}

/** Formats PerfLens can parse today. */
export function readableFormats(): FormatDefinition[] {
  return FORMATS.filter((f) => f.parser !== undefined);
}

/** Formats whose model feeds `view`. */
export function formatsWithView(view: ViewKind): FormatDefinition[] {
  return FORMATS.filter((f) => f.parser !== undefined && f.views.includes(view));
}

/** "perf script output or folded stacks": what a view (or PerfLens as a whole) can read, for messages. */
export function describeFormats(formats: readonly FormatDefinition[]): string {
  const names = formats.map((f) => f.displayName);
  return names.length <= 1 ? (names[0] ?? 'nothing') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
