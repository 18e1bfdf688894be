/**
 * Real corpus files grouped by the format detection assigns them, so every format with a parser
 * gets its own seeds for the property tests without a hand-kept list. Read-only: the corpora are
 * never written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FormatId } from '../../src/model/format';
import { detectFormat } from '../../src/parsers/detect';
import { CORPORA, corpusFile } from '../helpers/corpus';
import { FIXTURES } from '../helpers/golden';

export interface CorpusSample {
  /** Path under shared/corpora. */
  rel: string;
  bytes: Buffer;
}

/** Where the seeds come from: [folder under corpora, recursive, only for these formats]. */
const ROOTS: [string, boolean, FormatId[]?][] = [
  ['flamegraph/test', false],
  ['inferno/tests/data', true],
  ['perf-6.1-captures', false],
  ['perf-report', true],
  // perf diff / perf stat as found in commit messages, mails and blog posts (prompts and all).
  ['perf-diff', true],
  ['perf-stat', true],
  ['easyperf-blog', false],
  ['strace-c', true],
  ['strace', true],
  ['perf-trace-s', true],
  // bcc/bpftrace examples: tables, histograms and maps of the eBPF format (their prose and stacks are not other formats' seeds).
  ['bcc/csv-extracts', false, ['ebpf-csv']],
  ['bcc/tools', true, ['ebpf-csv']],
  ['bpftrace/tools', false, ['ebpf-csv']],
  ['bpftrace/tests/runtime/outputs', false, ['ebpf-csv']],
];

/** Our own fixtures for formats no public corpus has (run-metric logs: the seed note). */
const FIXTURE_SAMPLES: [string, FormatId][] = [
  ['run-log/iommu-runs.md', 'run-log'],
  ['ebpf-csv/ebpf_guest_stats.csv', 'ebpf-csv'],
];

let byFormat: Map<FormatId, CorpusSample[]> | undefined;

function walk(dir: string, recursive: boolean, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (recursive) walk(p, true, out);
    } else out.push(p);
  }
}

/** Corpus files that detectFormat assigns to `format`, smallest first. */
export function corpusSamples(format: FormatId): CorpusSample[] {
  if (!byFormat) {
    byFormat = new Map();
    const add = (id: FormatId, sample: CorpusSample) => {
      const list = byFormat!.get(id) ?? [];
      list.push(sample);
      byFormat!.set(id, list);
    };
    for (const [root, recursive, only] of ROOTS) {
      const paths: string[] = [];
      walk(corpusFile(root), recursive, paths);
      for (const p of paths) {
        let bytes = readFileSync(p);
        if (p.endsWith('.gz')) bytes = gunzipSync(bytes);
        const id = detectFormat(bytes.subarray(0, 65536).toString('utf8')).format;
        if (id && (!only || only.includes(id))) add(id, { rel: relative(CORPORA, p), bytes });
      }
    }
    for (const [rel, id] of FIXTURE_SAMPLES) add(id, { rel: `../fixtures/${rel}`, bytes: readFileSync(join(FIXTURES, rel)) });
    for (const list of byFormat.values()) list.sort((a, b) => a.bytes.length - b.bytes.length || (a.rel < b.rel ? -1 : 1));
  }
  return byFormat.get(format) ?? [];
}

/** Distinct lines of the samples (at most `limit`), as a vocabulary for random inputs. */
export function sampleLines(samples: readonly CorpusSample[], limit = 4000): string[] {
  const seen = new Set<string>();
  for (const s of samples) {
    for (const line of s.bytes.toString('utf8').split('\n')) {
      if (line.length > 0 && line.length < 400) seen.add(line.replace(/\r$/, ''));
      if (seen.size >= limit) return [...seen];
    }
  }
  return [...seen];
}

/** Distinct words (runs without white space) of the samples' lines, at most `limit`. */
export function sampleWords(lines: readonly string[], limit = 4000): string[] {
  const seen = new Set<string>();
  for (const line of lines) {
    for (const w of line.split(/[ \t]+/)) {
      if (w.length > 0) seen.add(w);
      if (seen.size >= limit) return [...seen];
    }
  }
  return [...seen];
}
