/**
 * Guesses the format of a report from its first lines (a few KiB is enough) by asking every format
 * in the registry whether the input is its own: the first `yes` wins, else the strongest `maybe`.
 * Pure, so the CLI, the worker and the language features share it. Formats without a parser yet are
 * still recognised, so users get "this is a perf report" instead of a confusing parse error.
 */
import type { FormatId } from '../model/format';
import { formatHead, type Applicability } from './formatDefinition';
import { FORMATS } from './registry';

export interface Detection {
  format: FormatId | undefined;
  /** Why, for messages. */
  reason: string;
  /** How sure: `yes` (a signature) or `maybe` (the lines fit). */
  verdict?: Applicability['verdict'];
}

const PERF_DATA_MAGIC = 'PERFILE2';

/** Why `head` is not text at all, or undefined when it is text. */
export function binaryReason(head: string): string | undefined {
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  if (head.startsWith(PERF_DATA_MAGIC)) return 'this is a binary perf.data file; convert it first with `perf script -i FILE > out.txt`';
  if (head.slice(0, 8192).includes('\0')) return 'binary data (NUL bytes), not a text report';
  return undefined;
}

export function detectFormat(text: string): Detection {
  const binary = binaryReason(text);
  if (binary) return { format: undefined, reason: binary };
  const head = formatHead(text);
  let best: { id: FormatId; answer: Applicability } | undefined;
  for (const f of FORMATS) {
    const answer = f.applies(head);
    if (answer.verdict === 'yes') return { format: f.id, reason: answer.reason, verdict: 'yes' };
    if (answer.verdict === 'maybe' && (!best || (answer.score ?? 0) > (best.answer.score ?? 0))) best = { id: f.id, answer };
  }
  if (best) return { format: best.id, reason: best.answer.reason, verdict: 'maybe' };
  return { format: undefined, reason: 'no known report format recognised in the first lines' };
}
