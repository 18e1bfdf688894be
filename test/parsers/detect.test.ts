import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat } from '../../src/parsers/detect';
import { corpusFile, readCorpus } from '../helpers/corpus';

function filesUnder(rel: string, filter: (f: string) => boolean = () => true): string[] {
  const root = corpusFile(rel);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (filter(e)) out.push(p.slice(root.length - rel.length));
    }
  };
  walk(root);
  return out;
}

describe('format detection on the real corpora', () => {
  it('recognises every FlameGraph and inferno perf script input as perf-script', () => {
    const inputs = [
      ...filesUnder('flamegraph/test', (f) => f.endsWith('.txt')).filter((f) => !f.includes('/results/')),
      ...['go-stacks', 'java-inline', 'single-event', 'single-line-stacks', 'versioned-vmlinux', 'sourcepawn-jitdump', 'cpp-stacks-std-function'].map(
        (n) => `inferno/tests/data/collapse-perf/${n}.txt`,
      ),
      'perf-6.1-captures/script_g.txt',
      'perf-6.1-captures/script_ng.txt',
      'perf-6.1-captures/script_m2.txt',
      'perf-6.1-captures/script_tpg.txt',
      'perf-script/Netflix-flamescope/perf.test01',
    ];
    for (const f of inputs) assert.equal(detectFormat(readCorpus(f).slice(0, 65536)).format, 'perf-script', f);
  });

  it('recognises folded results as folded', () => {
    for (const f of filesUnder('flamegraph/test/results').slice(0, 30)) {
      assert.equal(detectFormat(readCorpus(f).slice(0, 65536)).format, 'folded', f);
    }
  });

  it('recognises perf report output, so it is never fed to the perf script parser', () => {
    const reports = filesUnder('perf-6.1-captures', (f) => /^(g_|ng_|big-report|sys_nochildren|u_fractal)/.test(f) && !f.includes('ng_sep'));
    assert.ok(reports.length > 10);
    for (const f of reports) assert.equal(detectFormat(readCorpus(f).slice(0, 65536)).format, 'perf-report', f);
  });

  it('names other formats it sees', () => {
    assert.equal(detectFormat(readCorpus('perf-6.1-captures/stat.txt')).format, 'perf-stat');
    assert.equal(detectFormat(readCorpus('perf-6.1-captures/trace_s.txt')).format, 'perf-trace-summary');
    assert.equal(detectFormat(readCorpus('perf-6.1-captures/diff.txt')).format, 'perf-diff');
  });

  it('refuses binary data and says what perf.data needs', () => {
    assert.equal(detectFormat('PERFILE2\0\0\0').format, undefined);
    assert.match(detectFormat('PERFILE2\0\0\0').reason, /perf script -i/);
    assert.match(detectFormat('\x7fELF\0\0\0').reason, /binary/);
  });

  it('classifies pathological 64 KiB lines without backtracking for ever', () => {
    for (const line of ['a' + ' '.repeat(65536) + 'x', 'a ' + '1'.repeat(65536) + 'x', '\tff ' + ' (a'.repeat(20000), 'a;'.repeat(30000) + 'x']) {
      assert.equal(detectFormat(line + '\n' + line).format, undefined);
    }
  });
});
