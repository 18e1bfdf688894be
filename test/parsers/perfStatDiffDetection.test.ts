/**
 * Detection of perf stat and perf diff over every corpus file: each is recognised exactly where
 * its provenance (MANIFEST.tsv's format column, or the perf 6.1 capture's name) says it is one,
 * so no other format's file is taken for them and none of theirs is missed.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat } from '../../src/parsers/detect';
import { CORPORA } from '../helpers/corpus';

function expectedOf(rel: string, tag: string | undefined): string | undefined {
  if (rel.startsWith('perf-6.1-captures/')) {
    const name = rel.slice('perf-6.1-captures/'.length);
    return name.startsWith('stat') ? 'perf-stat' : name.startsWith('diff') ? 'perf-diff' : undefined;
  }
  return tag === 'perf-stat' || tag === 'perf-diff' ? tag : undefined;
}

describe('perf stat / perf diff detection over the corpora', () => {
  it('claims exactly the perf stat and perf diff files', () => {
    const files = new Map<string, string>();
    for (const line of readFileSync(join(CORPORA, 'MANIFEST.tsv'), 'utf8').split('\n')) {
      const cols = line.split('\t');
      if (cols.length > 5 && !cols[0].endsWith('.gz')) files.set(cols[0], cols[5]);
    }
    for (const name of readdirSync(join(CORPORA, 'perf-6.1-captures'))) files.set(`perf-6.1-captures/${name}`, '');
    const wrong: string[] = [];
    let claimed = 0;
    for (const [rel, tag] of files) {
      let text: string;
      try {
        text = readFileSync(join(CORPORA, rel)).subarray(0, 65536).toString('utf8');
      } catch {
        continue;
      }
      const got = detectFormat(text).format;
      const mine = got === 'perf-stat' || got === 'perf-diff' ? got : undefined;
      if (mine) claimed++;
      if (mine !== expectedOf(rel, tag)) wrong.push(`${rel}: expected ${expectedOf(rel, tag) ?? 'another format'}, detected ${got}`);
    }
    assert.deepEqual(wrong, []);
    assert.ok(claimed >= 30, `only ${claimed} files claimed`);
  });
});
