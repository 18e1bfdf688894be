/**
 * The verdicts and reasons of the format checks that live in the formats' index files (perf report,
 * perf trace -s, strace -c, run logs): users read the reason when a forced format looks like another.
 * Inputs are real captures, cut or padded here.
 */
import { strict as assert } from 'node:assert';
import { formatHead, type Applicability, type FormatDefinition } from '../../src/parsers/formatDefinition';
import { perfReportFormat } from '../../src/parsers/perf-report';
import { perfTraceSummaryFormat } from '../../src/parsers/perf-trace-summary';
import { straceSummaryFormat } from '../../src/parsers/strace-summary';
import { runLogFormat } from '../../src/parsers/run-log';
import { readCorpus } from '../helpers/corpus';

const check = (def: { applies: FormatDefinition['applies'] }, text: string): Applicability => def.applies(formatHead(text));

describe('perf report detection', () => {
  const report = readCorpus('perf-6.1-captures/ng_default.txt');
  const rows = readCorpus('perf-6.1-captures/ng_quiet.txt')
    .split('\n')
    .filter((l) => l.trim());
  const no = { verdict: 'no', reason: 'no perf report header or rows' };
  const yesRows = { verdict: 'yes', reason: 'perf report rows' };

  it('names the header it saw', () => {
    assert.deepEqual(check(perfReportFormat, report), { verdict: 'yes', reason: 'perf report header' });
    const withoutSamples = report.replace(/^# Samples: .*\n/m, '');
    assert.deepEqual(check(perfReportFormat, withoutSamples), { verdict: 'yes', reason: 'perf report header' }, '# Event count');
    const columnsOnly = withoutSamples.replace(/^# Event count .*\n/m, '');
    assert.deepEqual(check(perfReportFormat, columnsOnly), { verdict: 'yes', reason: 'perf report column header' });
  });

  it('without a header: three rows, at least half of the lines that are not comments or blank', () => {
    assert.deepEqual(check(perfReportFormat, rows.slice(0, 3).join('\n')), yesRows);
    assert.deepEqual(check(perfReportFormat, rows.slice(0, 2).join('\n')), no);
    const other = ['some notes', 'about this run', 'taken on host a', 'after a reboot'];
    assert.deepEqual(check(perfReportFormat, [...rows.slice(0, 3), ...other.slice(0, 3)].join('\n')), yesRows, '3 of 6');
    assert.deepEqual(check(perfReportFormat, [...rows.slice(0, 3), ...other].join('\n')), no, '3 of 7');
    const comments = ['# comment', '#', '', '   ', '# another', '#', '', '\t'];
    assert.deepEqual(check(perfReportFormat, [...comments, ...rows.slice(0, 3), ...comments].join('\n')), yesRows, 'comments and blank lines do not count');
  });

  it('counts call-graph lines copied from the TUI with the rows', () => {
    const chains = ['   - 34.86% Writer::run', '      - 20.00% write', '   + 10.00% read'];
    const other = ['note 1', 'note 2', 'note 3', 'note 4', 'note 5', 'note 6'];
    assert.deepEqual(check(perfReportFormat, [...rows.slice(0, 3), ...chains, ...other].join('\n')), yesRows);
    assert.deepEqual(check(perfReportFormat, [...rows.slice(0, 3), ...other].join('\n')), no);
  });

  it('classifies rows up to 2048 characters', () => {
    const pad = (l: string, n: number): string => l + 'x'.repeat(n - l.length);
    assert.deepEqual(check(perfReportFormat, [pad(rows[0], 2048), rows[1], rows[2]].join('\n')), yesRows);
    assert.deepEqual(check(perfReportFormat, [pad(rows[0], 2049), rows[1], rows[2]].join('\n')), no);
  });
});

describe('syscall summary and run log detection', () => {
  it('perf trace -s: the summary title, or a syscall table header over its units line', () => {
    const text = readCorpus('perf-6.1-captures/trace_s.txt');
    assert.deepEqual(check(perfTraceSummaryFormat, text), { verdict: 'yes', reason: 'perf trace -s summary' });
    assert.deepEqual(check(perfTraceSummaryFormat, text.replace(' Summary of events:', '')), { verdict: 'yes', reason: 'perf trace -s syscall table' });
    assert.deepEqual(check(perfTraceSummaryFormat, 'syscall calls\n'), { verdict: 'no', reason: 'no perf trace summary header' });
  });

  it('strace -c: the header and its rule', () => {
    const text = readCorpus('strace-c/privateMwb-PulseThreadPool/strace_summary.txt');
    assert.deepEqual(check(straceSummaryFormat, text), { verdict: 'yes', reason: 'strace -c table' });
    const noRule = text.split('\n').filter((l) => !l.startsWith('------')).join('\n');
    assert.deepEqual(check(straceSummaryFormat, noRule), { verdict: 'no', reason: 'no strace -c table header' });
  });

  it('run logs: the Run Metrics banner', () => {
    const banner = '------- 2025-10-06-19-38-52-flow08 Run Metrics -------';
    assert.deepEqual(check(runLogFormat, `notes\n${banner}\nRx: 1\n`), { verdict: 'yes', reason: "'Run Metrics' banner" });
    assert.deepEqual(check(runLogFormat, 'notes\nRx: 1\n'), { verdict: 'no', reason: "no '------- … Run Metrics -------' banner" });
  });
});
