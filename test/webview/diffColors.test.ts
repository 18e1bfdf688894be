/**
 * The differential flame graph's colouring rule (webview/flamegraph/diffColors.ts, pure): a frame's
 * direction comes from its change of share in points, and the noise threshold is compared with the
 * change in the unit the user chose — points of share, or the runs' own weight (samples, period).
 */
import { strict as assert } from 'node:assert';
import { parseFolded } from '../../src/parsers/folded';
import { mergeCallTrees } from '../../src/analysis/compare/mergeProfiles';
import type { DiffMeta } from '../../src/protocol';
import { convertThreshold, describeChange, diffClass, diffColor, frameDeltas, frameNoise, weightWord } from '../../webview/flamegraph/diffColors';
import { DEFAULT_PALETTE } from '../../webview/flamegraph/colors';

const run = (label: string, text: string) => ({ label, tree: parseFolded(text, label).tree });

describe('differential colours: the noise threshold in points or in samples', () => {
  // Baseline 100 samples: m;f 40, m;g 60. New 1000 samples: m;f 420, m;g 580.
  // f: 40% -> 42% = +2 pts but +380 samples; g: 60% -> 58% = -2 pts, +520 samples; m: 0 pts, +900 samples.
  const tree = mergeCallTrees([run('base', 'm;f 40\nm;g 60\n'), run('new', 'm;f 420\nm;g 580\n')], { stripHex: true, stripSuffixes: true }, 1);
  const meta = (threshold: number, thresholdUnit: DiffMeta['thresholdUnit']): DiffMeta => ({ labels: ['base', 'new'], baseline: 0, compared: 1, shape: 1, threshold, thresholdUnit, totals: [100, 1000] });
  const node = (name: string): number => [...tree.nodeName].findIndex((n) => tree.names[n] === name);
  const classes = (m: DiffMeta): Record<string, string> => {
    const deltas = frameDeltas(tree, m);
    const noise = frameNoise(tree, m, deltas);
    return Object.fromEntries(['m', 'f', 'g'].map((n) => [n, diffClass(deltas[node(n)], noise[node(n)], m.threshold)]));
  };

  it('points: |Δ share| against the threshold, sign gives grew or shrank', () => {
    const deltas = frameDeltas(tree, meta(1, 'points'));
    assert.ok(Math.abs(deltas[node('f')] - 2) < 1e-9);
    assert.ok(Math.abs(deltas[node('g')] + 2) < 1e-9);
    assert.deepEqual(classes(meta(1, 'points')), { m: 'neutral', f: 'grew', g: 'shrank' });
    assert.deepEqual(classes(meta(2.5, 'points')), { m: 'neutral', f: 'neutral', g: 'neutral' });
  });

  it('samples: |Δ weight| against the threshold, the direction still from the share', () => {
    const noise = frameNoise(tree, meta(0, 'weight'), frameDeltas(tree, meta(0, 'weight')));
    assert.deepEqual([noise[node('m')], noise[node('f')], noise[node('g')]], [900, 380, 520]);
    // 400 samples: f moved 380 (neutral), g moved 520 (its share fell: shrank); m's share did not move.
    assert.deepEqual(classes(meta(400, 'weight')), { m: 'neutral', f: 'neutral', g: 'shrank' });
    // Raised above g's 520, every frame is neutral; at exactly 380 f is not below it.
    assert.deepEqual(classes(meta(521, 'weight')), { m: 'neutral', f: 'neutral', g: 'neutral' });
    assert.deepEqual(classes(meta(380, 'weight')), { m: 'neutral', f: 'grew', g: 'shrank' });
  });

  it('neutral frames are grey, others the theme red/blue', () => {
    assert.equal(diffColor(2, 380, 2, 400, DEFAULT_PALETTE), 'rgb(160,160,160)');
    // Full strength at the largest change: exactly the palette's red (blue for a shrink).
    assert.equal(diffColor(2, 380, 2, 100, DEFAULT_PALETTE), `rgb(${DEFAULT_PALETTE.red.map(Math.round).join(',')})`);
    assert.equal(diffColor(-2, 520, 2, 100, DEFAULT_PALETTE), `rgb(${DEFAULT_PALETTE.blue.map(Math.round).join(',')})`);
  });

  it('a threshold carried to the other unit keeps its meaning on the smaller run', () => {
    // 2 pts of the smaller run (100 samples) are 2 samples; 50 pts of 1000 are 500, and back.
    assert.equal(convertThreshold(2, 'weight', [100, 1000]), 2);
    assert.equal(convertThreshold(50, 'weight', [2000, 1000]), 500);
    assert.equal(convertThreshold(500, 'points', [2000, 1000]), 50);
    assert.equal(convertThreshold(3, 'points', [0, 0]), 0.5);
  });

  it('names the weight unit and shows the weight change in the tooltip', () => {
    assert.equal(weightWord('samples'), 'samples');
    assert.equal(weightWord('period', 'cycles'), 'cycles period');
    assert.equal(weightWord('count'), 'counts');
    const m = meta(400, 'weight');
    const f = node('f');
    assert.equal(describeChange(tree, m, f, frameDeltas(tree, m)[f]), 'base 40.00% → new 42.00% (+2.00 pts, +380 samples)');
    const p = meta(1, 'points');
    assert.equal(describeChange(tree, p, f, frameDeltas(tree, p)[f]), 'base 40.00% → new 42.00% (+2.00 pts)');
  });
});
