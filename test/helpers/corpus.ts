import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The shared corpora of real tool output live beside the repo (../shared), never copied or edited.
 * PERFLENS_CORPORA points elsewhere (as for the e2e; the mutation run's sandbox is deeper down).
 */
export const CORPORA = resolve(process.env.PERFLENS_CORPORA || resolve(__dirname, '../../../shared/corpora'));

export function corpusFile(rel: string): string {
  const p = resolve(CORPORA, rel);
  if (!existsSync(p)) throw new Error(`missing corpus file ${p}: the tests need ../shared beside the repo`);
  return p;
}

export function readCorpus(rel: string): string {
  const p = corpusFile(rel);
  const buf = readFileSync(p);
  return (p.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** Lines of a folded output, sorted, without empty lines: the comparison the upstream suites make. */
export function sortedLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.length > 0)
    .sort();
}
