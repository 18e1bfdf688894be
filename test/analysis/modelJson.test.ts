/** `perflens parse` JSON of stack profiles (src/analysis/modelJson.ts). */
import { strict as assert } from 'node:assert';
import { MODEL_JSON_SCHEMA_VERSION, reportModelJson } from '../../src/analysis/modelJson';
import { parseFolded } from '../../src/parsers/folded';

describe('reportModelJson of a stack profile', () => {
  it('writes the stacks as sorted folded entries instead of the tree, with the rest of the model', () => {
    const model = parseFolded('main;work 3\nmain 1\nbad line\nmain;work 2\nidle 4\n', 'p.folded');
    const json = JSON.parse(JSON.stringify(reportModelJson(model)));
    assert.equal(json.schemaVersion, MODEL_JSON_SCHEMA_VERSION);
    assert.equal(json.tree, undefined, 'no typed arrays in JSON');
    assert.deepEqual(json.stacks, [
      { stack: 'idle', count: 4 },
      { stack: 'main', count: 1 },
      { stack: 'main;work', count: 5 },
    ]);
    assert.equal(json.format, 'folded');
    assert.equal(json.kind, 'stacks');
    assert.equal(json.source, 'p.folded');
    assert.equal(json.samples, 4);
    assert.equal(json.weight, 'count');
    assert.equal(json.lines, 5);
    assert.deepEqual(
      json.warnings.map((w: { line: number }) => w.line),
      [3],
    );
  });
});
