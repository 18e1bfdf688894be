/** The report cache: one parse per (document, version, format, options), shared, bounded, cancellable. */
import { strict as assert } from 'node:assert';
import { ReportCache, type RunParse } from '../../src/worker/reportCache';
import type { ParseOutcome } from '../../src/worker/parseInWorker';
import type { ParseRequest } from '../../src/worker/messages';

interface Call {
  req: ParseRequest;
  signal: AbortSignal;
  progress: (bytes: number) => void;
  finish(o?: ParseOutcome): void;
}

/** A parse that finishes when the test says so, recording every call. */
function fakeRun(): { run: RunParse; calls: Call[] } {
  const calls: Call[] = [];
  const run: RunParse = (req, progress, signal) =>
    new Promise((resolve) => {
      const call: Call = {
        req,
        signal,
        progress,
        finish: (o = { type: 'result', format: 'folded', payloads: [], approxBytes: 100 }) => resolve(o),
      };
      signal.addEventListener('abort', () => resolve({ type: 'error', message: 'cancelled', located: false }));
      calls.push(call);
    });
  return { run, calls };
}

const key = (stamp = '1:10', extra: object = {}) => ({ uri: 'file:///a.txt', stamp, ...extra });
const src = { path: '/a.txt', name: '/a.txt', title: 'a.txt' };
const tick = () => new Promise((r) => setImmediate(r));

describe('ReportCache', () => {
  it('parses a document once for every consumer, and asks the worker for every view', async () => {
    const { run, calls } = fakeRun();
    const cache = new ReportCache(run);
    const a = cache.get(key(), src);
    const b = cache.get(key(), src);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0].req.views, ['document', 'flameGraph', 'tables', 'charts']);
    assert.equal(calls[0].req.path, '/a.txt');
    calls[0].finish();
    assert.equal((await a).type, 'result');
    assert.equal((await b).type, 'result');
    await cache.get(key(), src);
    assert.equal(calls.length, 1, 'a finished parse is reused');
    assert.equal(cache.parses, 1);
  });

  it('keys by version, format and options', async () => {
    const { run, calls } = fakeRun();
    const cache = new ReportCache(run);
    void cache.get(key('1:10'), src);
    void cache.get(key('1:10', { format: 'folded' }), src);
    void cache.get(key('1:10', { parserOptions: { 'perf-script': { pid: true } } }), src);
    assert.equal(calls.length, 3);
    assert.equal(calls[2].req.parserOptions?.['perf-script'] !== undefined, true);
    assert.equal(calls[1].req.format, 'folded');
  });

  it('fans progress out to every waiter', async () => {
    const { run, calls } = fakeRun();
    const cache = new ReportCache(run);
    const seen: number[][] = [[], []];
    void cache.get(key(), src, { onProgress: (b) => seen[0].push(b) });
    void cache.get(key(), src, { onProgress: (b) => seen[1].push(b) });
    calls[0].progress(5);
    calls[0].progress(9);
    assert.deepEqual(seen, [[5, 9], [5, 9]]);
  });

  it('keeps a parse going while someone waits, stops it when the last waiter cancels', async () => {
    const { run, calls } = fakeRun();
    const cache = new ReportCache(run);
    const c1 = new AbortController();
    const c2 = new AbortController();
    const a = cache.get(key(), src, { signal: c1.signal });
    const b = cache.get(key(), src, { signal: c2.signal });
    c1.abort();
    assert.equal((await a).type, 'error');
    assert.equal(calls[0].signal.aborted, false, 'b still waits');
    c2.abort();
    assert.equal((await b).type, 'error');
    assert.equal(calls[0].signal.aborted, true);
    await tick();
    assert.equal(cache.count, 0, 'a cancelled parse is not cached');
    void cache.get(key(), src);
    assert.equal(calls.length, 2, 'asked again: parsed again');
  });

  it('a newer version of the document drops the older entries; their waiters still get an answer', async () => {
    const { run, calls } = fakeRun();
    const cache = new ReportCache(run);
    const old = new AbortController();
    const v1 = cache.get(key('v1'), src, { signal: old.signal });
    void cache.get({ uri: 'file:///other.txt', stamp: 'v1' }, src);
    void cache.get(key('v2'), src);
    assert.equal(cache.count, 2, 'other and v2');
    assert.equal(calls[0].signal.aborted, false, 'v1 still has a waiter');
    old.abort();
    assert.equal((await v1).type, 'error');
    assert.equal(calls[0].signal.aborted, true, 'its last waiter gave up: stopped');
    assert.equal(calls[1].signal.aborted, false);
    void cache.get(key('v2'), src);
    assert.equal(calls.length, 3, 'v2 is shared');
  });

  it('does not keep failed parses', async () => {
    const { run, calls } = fakeRun();
    const cache = new ReportCache(run);
    const a = cache.get(key(), src);
    calls[0].finish({ type: 'error', message: 'x:1: expected', located: true, line: 1 });
    assert.equal((await a).type, 'error');
    void cache.get(key(), src);
    assert.equal(calls.length, 2);
  });

  it('evicts the least recently used results beyond its byte budget, never the newest', async () => {
    const { run, calls } = fakeRun();
    const cache = new ReportCache(run, 250);
    for (const uri of ['a', 'b', 'c']) {
      const p = cache.get({ uri, stamp: '1' }, src);
      calls[calls.length - 1].finish({ type: 'result', format: 'folded', payloads: [], approxBytes: 100 });
      await p;
      if (uri === 'b') await cache.get({ uri: 'a', stamp: '1' }, src); // a used after b
    }
    assert.equal(cache.size, 200);
    assert.equal(calls.length, 3);
    await cache.get({ uri: 'a', stamp: '1' }, src);
    await cache.get({ uri: 'c', stamp: '1' }, src);
    assert.equal(calls.length, 3, 'a and c kept');
    void cache.get({ uri: 'b', stamp: '1' }, src);
    assert.equal(calls.length, 4, 'b (least recently used) was evicted');
    const huge = cache.get({ uri: 'd', stamp: '1' }, src);
    calls[calls.length - 1].finish({ type: 'result', format: 'folded', payloads: [], approxBytes: 10_000 });
    await huge;
    await cache.get({ uri: 'd', stamp: '1' }, src);
    assert.equal(calls.length, 5, 'the newest entry stays even alone over budget');
  });

  it('invalidate forgets a document and stops its parse when nobody waits', async () => {
    const { run, calls } = fakeRun();
    const cache = new ReportCache(run);
    const p = cache.get(key(), src);
    calls[0].finish();
    await p;
    cache.invalidate('file:///a.txt');
    assert.equal(cache.count, 0);
    void cache.get(key(), src);
    assert.equal(calls.length, 2);
  });
});
