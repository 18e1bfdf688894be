import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectFormat } from '../../src/parsers/detect';
import { foldedApplies } from '../../src/parsers/folded/applies';
import { formatHead } from '../../src/parsers/formatDefinition';
import { CORPORA, corpusFile, readCorpus } from '../helpers/corpus';
import { FIXTURES } from '../helpers/golden';

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

function verdictOf(text: string): { format: string | undefined; verdict: string | undefined } {
  const d = detectFormat(text);
  return { format: d.format, verdict: d.verdict };
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

  it('recognises strace -c summaries, with and without attach/detach lines before the table', () => {
    const summaries = filesUnder('strace-c');
    assert.equal(summaries.length, 3);
    // strace's own count tests, as reconstructed in strace/derived (the header and divider are literal).
    summaries.push(...filesUnder('strace/derived', (f) => f.startsWith('count_unknown')));
    for (const f of summaries) assert.deepEqual(verdictOf(readCorpus(f)), { format: 'strace-summary', verdict: 'yes' }, f);
    // perf trace -s summaries also count calls per syscall; they stay perf trace summaries.
    for (const f of ['trace_s.txt', 'trace_s2.txt', 'trace_S.txt']) {
      assert.equal(detectFormat(readCorpus(`perf-6.1-captures/${f}`)).format, 'perf-trace-summary', f);
    }
  });

  it('recognises eBPF CSV by its header: a key column and timed columns yes (bcc --csv, ebpf_guest_stats.csv), keyless timed CSVs maybe', () => {
    const csvs = filesUnder('bcc/csv-extracts', (f) => f.endsWith('.csv'));
    assert.ok(csvs.length >= 10);
    for (const f of csvs) {
      // cpuunclaimed prints TIMESTAMP_ns,CPU0,…: timed columns but no key.
      const verdict = f.includes('cpuunclaimed') ? 'maybe' : 'yes';
      assert.deepEqual(verdictOf(readCorpus(f)), { format: 'ebpf-csv', verdict }, f);
    }
    const guest = readFileSync(join(FIXTURES, 'ebpf-csv/ebpf_guest_stats.csv'), 'utf8');
    assert.match(guest, /^function,type,count,total_duration_ns,mean_ns,variance_us,count_per_page\n/);
    assert.deepEqual(verdictOf(guest), { format: 'ebpf-csv', verdict: 'yes' });
    assert.deepEqual(verdictOf('name,age\nbob,3\n'), { format: undefined, verdict: undefined });
  });

  it('recognises a run-metric log by its banner (seed 000)', () => {
    const seed = readFileSync(resolve(CORPORA, '../seeds/000_8dbfcd106c5e8510.txt'), 'utf8');
    assert.deepEqual(verdictOf(seed), { format: 'run-log', verdict: 'yes' });
  });

  it('calls a `name count` list without stacks folded-shaped (maybe), real folded stacks yes', () => {
    const list = 'read 12\nwrite 3\nclose 1\nopenat 7\n';
    assert.equal(foldedApplies(formatHead(list)).verdict, 'maybe');
    assert.deepEqual(verdictOf(list), { format: 'folded', verdict: 'maybe' });
    // perf-tools' syscount -c prints a `SYSCALL  COUNT` header over its rows: a table (the eBPF table reader), not stacks.
    assert.deepEqual(verdictOf(readCorpus('perf-tools/examples/syscount_example.txt')), { format: 'ebpf-csv', verdict: 'yes' });
    for (const f of ['flamegraph/test/results/perf-vertx-stacks-01-collapsed-all.txt', 'inferno/tests/data/flamegraph/fractional-samples/fractional.txt']) {
      assert.equal(foldedApplies(formatHead(readCorpus(f))).verdict, 'yes', f);
      assert.deepEqual(verdictOf(readCorpus(f)), { format: 'folded', verdict: 'yes' }, f);
    }
  });

  it('reads past a UTF-8 byte order mark', () => {
    const bom = '\uFEFF';
    for (const f of [
      'strace-c/stellarAlien-holbertonschool-system_linux/strace_summary.txt',
      'perf-6.1-captures/script_g.txt',
      'perf-6.1-captures/stat.txt',
      'perf-6.1-captures/g_children_default.txt',
      'flamegraph/test/results/perf-vertx-stacks-01-collapsed-all.txt',
    ]) {
      const text = readCorpus(f);
      assert.ok(detectFormat(text).format, f);
      assert.deepEqual(verdictOf(bom + text), verdictOf(text), f);
    }
    assert.match(detectFormat(`${bom}PERFILE2\0\0\0`).reason, /perf script -i/);
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
