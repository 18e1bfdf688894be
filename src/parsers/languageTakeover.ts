/**
 * Which open documents a format's detection may switch to its language: plain text and VS Code's
 * "Log" language (what `.log` files open as: run logs, strace -c or perf stat saved by a script)
 * always, other languages only when the format names them as hosts (run logs inside Markdown notes).
 * Pure, so the rule is tested without VS Code.
 */
import type { FormatDefinition } from './formatDefinition';
import { FORMATS } from './registry';

/** Languages with no meaning of their own that any format's `yes` verdict may switch. */
const PLAIN = new Set(['plaintext', 'log']);

/** Whether documents of `languageId` are ever switched (plain text, or some format's host language). */
export function switchableLanguage(languageId: string): boolean {
  return PLAIN.has(languageId) || FORMATS.some((f) => f.hostLanguages?.includes(languageId));
}

/** Whether a `yes` verdict for `def` switches a document currently in `languageId`. */
export function takesOver(def: FormatDefinition, languageId: string): boolean {
  return PLAIN.has(languageId) || (def.hostLanguages?.includes(languageId) ?? false);
}
