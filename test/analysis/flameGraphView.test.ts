import { strict as assert } from 'node:assert';
import { stacksOf } from '../helpers/golden';
import { buildCallTree } from '../../src/analysis/callTree';
import { flameGraphView } from '../../src/analysis/flameGraphView';
import type { StackProfile } from '../../src/model/profile';
import type { WeightUnit } from '../../src/model/units';
import { parseFolded } from '../../src/parsers/folded';
import { parsePerfScript } from '../../src/parsers/perf-script';
import { readCorpus } from '../helpers/corpus';

function profile(weight: WeightUnit): StackProfile {
  return {
    format: 'perf-script',
    kind: 'stacks',
    source: 'in.txt',
    facts: { hostname: 'box', perfVersion: '6.1' },
    lines: 40,
    warnings: [{ line: 3, message: 'several events' }],
    droppedWarnings: 7,
    events: ['cycles', 'instructions'],
    event: 'instructions',
    tree: buildCallTree(
      new Map([
        ['a;b', 30],
        ['a;c', 12],
      ]),
    ),
    samples: 5,
    weight,
  };
}

describe('flameGraphView', () => {
  it("passes the profile's facts to the header and labels the weights with its unit", () => {
    for (const unit of ['samples', 'period', 'count'] as const) {
      const p = profile(unit);
      const { meta, tree } = flameGraphView(p, 'title.txt');
      assert.deepEqual(meta, {
        title: 'title.txt',
        format: 'perf-script',
        event: 'instructions',
        events: ['cycles', 'instructions'],
        samples: 5,
        unit,
        facts: { hostname: 'box', perfVersion: '6.1' },
        warnings: [{ line: 3, message: 'several events' }],
        droppedWarnings: 7,
      });
      assert.equal(tree, p.tree);
      assert.equal(tree.columns[0].total[0], 42);
    }
  });

  it('says period for perf script with periods, samples for tracepoints, count for folded files', () => {
    const cases: Array<[StackProfile, WeightUnit]> = [
      // Every header of script_g shows `250000 cpu-clock:pppH:`; script_tp's tracepoints show none.
      [parsePerfScript(readCorpus('perf-6.1-captures/script_g.txt')), 'period'],
      [parsePerfScript(readCorpus('perf-6.1-captures/script_tp.txt')), 'samples'],
      [parseFolded(readCorpus('flamegraph/test/results/perf-vertx-stacks-01-collapsed-all.txt')), 'count'],
    ];
    for (const [p, unit] of cases) {
      const { meta, tree } = flameGraphView(p, 'f');
      assert.equal(meta.unit, unit);
      assert.equal(
        tree.columns[0].total[0],
        [...stacksOf(p).values()].reduce((a, b) => a + b, 0),
      );
    }
  });
});
