import { strict as assert } from 'node:assert';
import { reportTables, tablesView } from '../../src/analysis/reportTables';
import { checkTable, numberCell } from '../../src/model/table';
import { parsePerfTraceSummary } from '../../src/parsers/perf-trace-summary';
import { parseStraceSummary } from '../../src/parsers/strace-summary';
import { fixture } from '../parsers/syscallSummaryHelpers';

describe('syscall summaries in the Tables view', () => {
  it('one table per perf trace thread, rows linked to their lines, shares as bars, sorted by total time', () => {
    const model = parsePerfTraceSummary(fixture('perf-trace-summary', 'errno-summary-two-threads.txt'), 't.txt');
    const tables = reportTables(model);
    assert.deepEqual(tables.map((t) => [t.title, t.group, t.sortBy, t.bars]), [
      ['syscalls of gvfs-afc-volume (3187)', 'gvfs-afc-volume (3187)', 'total', ['share']],
      ['syscalls of GUsbEventThread (3519)', 'GUsbEventThread (3519)', 'total', ['share']],
    ]);
    for (const t of tables) assert.equal(checkTable(t), undefined);
    assert.equal(tables[0].rows[0].line, 8, 'pselect6 is on line 8');
    assert.equal(tablesView(model, 'x')?.meta.format, 'perf-trace-summary');
  });

  it('an errno table per thread with --errno-summary lines', () => {
    const tables = reportTables(parsePerfTraceSummary(fixture('perf-trace-summary', 'errno-summary.txt')));
    assert.equal(tables.length, 2);
    const errnos = tables[1];
    assert.equal(errnos.title, 'errors of sleep (10793) by errno');
    assert.deepEqual(errnos.rows.map((r) => [r.line, ...r.cells]), [
      [17, 'access', 'ENOENT', 1],
      [21, 'arch_prctl', 'EINVAL', 1],
    ]);
  });

  it('strace: the run and its 32 bit section; a -U calls table sorted by calls without bars', () => {
    const tables = reportTables(parseStraceSummary(fixture('strace-summary', 'strace-32bit-section.txt')));
    assert.deepEqual(tables.map((t) => t.group), ['all processes', '32 bit mode']);
    assert.equal(numberCell(tables[1], tables[1].rows[0], 'share'), 72.76);
    const calls = reportTables(parseStraceSummary(fixture('strace-summary', 'U-calls-syscall-limit.txt')));
    assert.deepEqual([calls[0].sortBy, calls[0].bars], ['calls', []]);
  });
});
