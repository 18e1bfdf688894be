/**
 * `perflens parse` JSON of perf report variants, as golden files (test/fixtures/golden/perf-report/).
 * Each golden was read by hand against its input: header counts, every row's numbers and the
 * call-graph stacks (shares × `# Event count`) are the file's own; perfReport.test.ts checks the
 * same values computed from the files. Regenerate on purpose only (UPDATE_GOLDEN=1).
 */
import { reportModelJson } from '../../src/analysis/modelJson';
import { parsePerfReport } from '../../src/parsers/perf-report';
import { readCorpus } from '../helpers/corpus';
import { assertGolden } from '../helpers/golden';

const FILES = [
  'perf-6.1-captures/ng_n_period.txt',
  'perf-6.1-captures/grp.txt',
  'perf-6.1-captures/g_nochildren.txt',
  'perf-6.1-captures/g_children_default.txt',
  'perf-6.1-captures/ng_hier.txt',
  'perf-report/ekarpp-digraph_shortest_even_cycle/perf.report',
];

describe('perf report: perflens parse JSON (goldens)', () => {
  for (const rel of FILES) {
    it(rel, () => {
      const json = reportModelJson(parsePerfReport(readCorpus(rel), rel.split('/').pop()));
      assertGolden(`perf-report/${rel.replace(/\//g, '__').replace(/\.(txt|report)$/, '')}.json`, JSON.stringify(json, null, 1) + '\n');
    });
  }
});
