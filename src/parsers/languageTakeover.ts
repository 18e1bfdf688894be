/**
 * Which open documents a format's detection may switch to its language: plain text always, other
 * languages only when the format names them as hosts (run logs inside Markdown notes). Pure, so
 * the rule is tested without VS Code.
 */
import type { FormatDefinition } from './formatDefinition';
import { FORMATS } from './registry';

/** Whether documents of `languageId` are ever switched (plain text, or some format's host language). */
export function switchableLanguage(languageId: string): boolean {
  return languageId === 'plaintext' || FORMATS.some((f) => f.hostLanguages?.includes(languageId));
}

/** Whether a `yes` verdict for `def` switches a document currently in `languageId`. */
export function takesOver(def: FormatDefinition, languageId: string): boolean {
  return languageId === 'plaintext' || (def.hostLanguages?.includes(languageId) ?? false);
}
