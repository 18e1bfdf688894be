/**
 * Property tests that every format in the registry gets through its definition (formats without a
 * parser show up as pending, and are covered as soon as they have one):
 *
 *  1. Its corpus samples, mutated, and random files made of its vocabulary give a model whose
 *     envelope is sound (lines counted, warnings located, weights finite) or our own located
 *     ParseError, never another exception, and each within a time bound (a worker thread runs the
 *     parse and is stopped after PERFLENS_FUZZ_TIMEOUT_MS, 2 s by default).
 *  2. A file that parses gives the same model (the `perflens parse` JSON without `source`) with CRLF
 *     line ends, a UTF-8 or UTF-16 byte order mark, cut into chunks anywhere (inside CRLF pairs,
 *     multi-byte characters and surrogate pairs), as Buffers through parseFile, as strings through
 *     parseFile, or pushed straight into its StreamParser. Without its final newline(s) it gives
 *     the same stacks, records and warnings except those a format lists in END_WARNINGS (perf
 *     script: the last sample then has no closing blank line, and is reported as cut off), and
 *     fewer lines.
 *
 * `npm test` runs a few inputs per property with a fixed seed; `npm run fuzz` (scripts/fuzz.mjs)
 * runs many with a random seed. PERFLENS_FUZZ_RUNS, PERFLENS_FUZZ_SEED and PERFLENS_FUZZ_TIMEOUT_MS
 * override both. A failure prints the seed and the shrunk input, and saves it under .tmp/fuzz/.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { FormatId } from '../../src/model/format';
import type { FormatDefinition } from '../../src/parsers/formatDefinition';
import { FORMATS } from '../../src/parsers/registry';
import { corpusSamples, sampleLines, sampleWords, type CorpusSample } from './corpusSamples';
import {
  applyMutation,
  cutsFor,
  cutSpecsArb,
  lineArb,
  mutationArb,
  optionsArb,
  widen,
  window,
  type CutSpec,
  type Mutation,
} from './inputs';
import { decodeLikeAFile, type Feed, type ModelJson, type RunRequest } from './parseRunner';
import { ParseSandbox, type SandboxReply } from './sandbox';

/** Warnings a format gives only because the input ends without its final newline(s). */
const END_WARNINGS: Partial<Record<FormatId, RegExp>> = {
  'perf-script': /^input ends inside this sample/,
};

const envRuns = Number(process.env.PERFLENS_FUZZ_RUNS ?? '');
const FUZZING = Number.isInteger(envRuns) && envRuns > 0;
/** Inputs per property: [mutated, random, equivalence]. */
const RUNS = FUZZING ? [envRuns, envRuns, Math.max(1, Math.ceil(envRuns / 4))] : [400, 400, 100];
const SEED = process.env.PERFLENS_FUZZ_SEED ? Number(process.env.PERFLENS_FUZZ_SEED) : FUZZING ? Math.floor(Math.random() * 2 ** 31) : 20250601;
const TIMEOUT_MS = Number(process.env.PERFLENS_FUZZ_TIMEOUT_MS ?? '') || 2000;
const REPRO_DIR = resolve(__dirname, '../../.tmp/fuzz');
/** Mutated windows of the corpus files are at most this many lines (before mutations). */
const WINDOW_LINES = 3000;
/** Files above this size are left out of the equivalence runs (each run parses twice). */
const EQUIVALENCE_MAX_BYTES = 1_200_000;

interface Stats {
  tried: number;
  failures: number;
  slowest: { bytes: number; ms: number; what: string };
}

interface Failure {
  why: string;
  /** The input that failed (the variant, for equivalence runs). */
  input: Buffer | string;
  settings: object;
}

const seedNote = `seed ${SEED}${FUZZING ? '' : ' (fixed; npm run fuzz for random seeds)'}`;

describe(`properties of every format's parser (${seedNote}, ${TIMEOUT_MS} ms per input)`, function () {
  for (const def of FORMATS) {
    if (!def.parser) {
      it(`${def.id}: no parser yet (only recognised), so nothing to check; covered once it has one`);
      continue;
    }
    describeFormat(def);
  }
});

function describeFormat(def: FormatDefinition): void {
  describe(`${def.id}`, function () {
    this.timeout(0);
    const sandbox = new ParseSandbox(TIMEOUT_MS);
    const stats: Stats = { tried: 0, failures: 0, slowest: { bytes: 0, ms: 0, what: '' } };
    let samples: CorpusSample[] = [];
    let lines: string[] = [];
    let words: string[] = [];

    before(function () {
      samples = corpusSamples(def.id);
      if (samples.length === 0) this.skip();
      lines = sampleLines(samples);
      words = sampleWords(lines);
    });

    after(async () => {
      await sandbox.close();
      const s = stats.slowest;
      console.log(
        `      ${def.id}: ${stats.tried} inputs tried, ${stats.failures} failed; slowest ${kib(s.bytes)} in ${s.ms.toFixed(0)} ms (${s.what})`,
      );
    });

    async function run(what: string, req: Omit<RunRequest, 'id'>): Promise<SandboxReply> {
      const reply = await sandbox.run(req);
      stats.tried++;
      const bytes = req.bytes?.length ?? Buffer.byteLength(req.text ?? '');
      if (reply.ms > stats.slowest.ms) stats.slowest = { bytes, ms: reply.ms, what };
      return reply;
    }

    /** The reason a reply is not acceptable for any input, or undefined. */
    function unacceptable(reply: SandboxReply): string | undefined {
      const o = reply.outcome;
      if (o.kind === 'timeout' || o.kind === 'crash') return `${o.kind}: ${o.error}`;
      if (o.violations.length > 0) return `${o.kind === 'model' ? 'model' : 'ParseError'}: ${o.violations.join('; ')}`;
      return undefined;
    }

    /**
     * Runs `predicate` on `runs` values; counts every failing one, then shrinks the first and fails
     * with it (saved to .tmp/fuzz/).
     */
    async function check<T>(label: string, arb: fc.Arbitrary<T>, runs: number, predicate: (v: T) => Promise<Failure | undefined>): Promise<void> {
      let index = -1;
      const failed: number[] = [];
      let first: Failure | undefined;
      await fc.assert(
        fc.asyncProperty(arb, async (v) => {
          index++;
          const f = await predicate(v);
          if (f) {
            failed.push(index);
            first ??= f;
          }
        }),
        { numRuns: runs, seed: SEED },
      );
      if (failed.length === 0) return;
      stats.failures += failed.length;
      // Shrink from the first failing run (fast-check replays it from the seed and its index).
      const result = await fc.check(
        fc.asyncProperty(arb, async (v) => (await predicate(v)) === undefined),
        { seed: SEED, path: String(failed[0]), numRuns: runs, interruptAfterTimeLimit: 120_000 },
      );
      const shrunk = (result.counterexample ? await predicate(result.counterexample[0]) : undefined) ?? first!;
      mkdirSync(REPRO_DIR, { recursive: true });
      const base = join(REPRO_DIR, `${def.id}-${label}-seed${SEED}`);
      writeFileSync(`${base}.input`, shrunk.input);
      writeFileSync(`${base}.json`, JSON.stringify({ format: def.id, seed: SEED, path: result.counterexamplePath, ...shrunk.settings }, null, 2));
      assert.fail(
        `${failed.length} of ${runs} ${label} inputs failed (${def.id}, seed ${SEED}).\n` +
          `first: ${first!.why}\n` +
          `shrunk (${Buffer.byteLength(shrunk.input)} bytes, saved to ${base}.input and .json): ${shrunk.why}\n` +
          `input: ${preview(shrunk.input)}\nsettings: ${JSON.stringify(shrunk.settings)}`,
      );
    }

    interface FeedChoice {
      feed: Feed;
      cuts: CutSpec[];
      detect: boolean;
      options: Record<string, unknown>;
    }
    const feedArb: fc.Arbitrary<FeedChoice> = fc.record({
      feed: fc.constantFrom<Feed>('bytes', 'strings', 'push'),
      cuts: cutSpecsArb,
      detect: fc.boolean(),
      options: optionsArb(def.parser!.defaults),
    });

    /**
     * Any input: a model or a located ParseError, no violation, in time; and when it is cut into
     * chunks, the same outcome as in one chunk of the same feed.
     */
    async function anyInput(what: string, bytes: Buffer, f: FeedChoice): Promise<Failure | undefined> {
      const text = f.feed === 'bytes' ? undefined : decodeLikeAFile(bytes);
      const cuts = cutsFor(text ?? bytes, f.cuts);
      const settings = { feed: f.feed, cuts, detect: f.detect, options: f.options };
      const req = {
        format: def.id,
        detect: f.detect && f.feed !== 'push',
        options: f.options,
        feed: f.feed,
        ...(text === undefined ? { bytes } : { text }),
        wantModel: cuts.length > 0,
      };
      const fail = (why: string): Failure => ({ why, input: text ?? bytes, settings });
      const reply = await run(what, { ...req, cuts });
      const why = unacceptable(reply);
      if (why) return fail(why);
      if (cuts.length === 0) return undefined;
      const whole = await run(what, { ...req, cuts: [] });
      const diff = unacceptable(whole) ?? sameOutcome(whole.outcome, reply.outcome);
      return diff ? fail(`in chunks, not as in one chunk: ${diff}`) : undefined;
    }

    /** Each sample as it is, once: the unacceptable ones, and those that parse to a model. */
    let sampleCheck: Promise<{ bad: string[]; valid: CorpusSample[] }> | undefined;
    function checkSamples(): Promise<{ bad: string[]; valid: CorpusSample[] }> {
      sampleCheck ??= (async () => {
        const bad: string[] = [];
        const valid: CorpusSample[] = [];
        for (const s of samples) {
          const reply = await run(s.rel, { format: def.id, detect: false, options: {}, feed: 'bytes', bytes: s.bytes, cuts: [], wantModel: false });
          const why = unacceptable(reply);
          if (why) bad.push(`${s.rel}: ${why}`);
          else if (reply.outcome.kind === 'model') valid.push(s);
        }
        return { bad, valid };
      })();
      return sampleCheck;
    }

    it('its corpus samples as they are: a model or a located ParseError', async () => {
      const { bad, valid } = await checkSamples();
      assert.deepEqual(bad, []);
      assert.ok(valid.length > 0, `none of the ${samples.length} ${def.id} samples parses`);
    });

    it(`mutated corpus samples (${RUNS[0]}): a model or a located ParseError, each within ${TIMEOUT_MS} ms`, async () => {
      const arb = fc.record({
        file: fc.nat(),
        start: fc.nat(),
        n: fc.integer({ min: 1, max: WINDOW_LINES }),
        crlf: fc.boolean(),
        mutations: fc.array(mutationArb(lines, words), { minLength: 1, maxLength: 4 }),
        feed: feedArb,
      });
      await check('mutated', arb, RUNS[0], async (v) => {
        const sample = samples[v.file % samples.length];
        let bytes = window(sample.bytes, v.start, v.n);
        if (v.crlf) bytes = Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
        for (const m of v.mutations) bytes = applyMutation(bytes, m);
        const f = await anyInput(`mutated ${sample.rel}`, bytes, v.feed);
        return f && { ...f, settings: { sample: sample.rel, start: v.start, n: v.n, crlf: v.crlf, mutations: v.mutations.map(describeMutation), ...f.settings } };
      });
    });

    it(`random files of its vocabulary (${RUNS[1]}): a model or a located ParseError, each within ${TIMEOUT_MS} ms`, async () => {
      const arb = fc.record({
        lines: fc.array(lineArb(lines, words), { maxLength: 80 }),
        eol: fc.constantFrom('\n', '\r\n'),
        final: fc.boolean(),
        feed: feedArb,
      });
      await check('random', arb, RUNS[1], async (v) => {
        const bytes = Buffer.from(v.lines.join(v.eol) + (v.final ? v.eol : ''), 'utf8');
        return anyInput('random', bytes, v.feed);
      });
    });

    it(`a file that parses (${RUNS[2]}): the same model with CRLF, a byte order mark, any chunking; without its final newline only end-of-input warnings differ`, async () => {
      const eligible = (await checkSamples()).valid.filter((s) => s.bytes.length <= EQUIVALENCE_MAX_BYTES);
      assert.ok(eligible.length > 0);
      const endWarning = END_WARNINGS[def.id];
      const arb = fc.record({
        file: fc.nat(),
        wide: fc.boolean(),
        crlf: fc.boolean(),
        bom: fc.constantFrom('none', 'utf-8', 'utf-16le', 'utf-16be'),
        final: fc.constantFrom('as-is', 'as-is', 'none'),
        feed: fc.constantFrom<Feed>('bytes', 'strings', 'push'),
        cuts: cutSpecsArb,
        every: fc.option(fc.integer({ min: 1, max: 9 })),
        options: optionsArb(def.parser!.defaults),
      });
      await check('equivalence', arb, RUNS[2], async (v) => {
        const sample = eligible[v.file % eligible.length];
        let lf = sample.bytes.toString('utf8').replace(/\r\n/g, '\n');
        if (v.wide) lf = widen(lf);
        // The reference: LF, as the file ends, one chunk; the same feed kind for the StreamParser.
        const refFeed: Feed = v.feed === 'push' ? 'push' : 'bytes';
        const common = { format: def.id, detect: v.feed !== 'push', options: v.options, wantModel: true };
        const ref = await run(`reference ${sample.rel}`, {
          ...common,
          feed: refFeed,
          ...(refFeed === 'bytes' ? { bytes: Buffer.from(lf) } : { text: lf }),
          cuts: [],
        });
        let text = v.final === 'none' ? lf.replace(/\n+$/, '') : lf;
        if (v.crlf) text = text.replace(/\n/g, '\r\n');
        const bom = v.feed === 'bytes' ? v.bom : v.bom === 'none' ? 'none' : 'utf-8';
        let input: Buffer | string;
        if (v.feed !== 'bytes') input = (bom === 'utf-8' ? '\uFEFF' : '') + text;
        else if (bom === 'utf-16le') input = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        else if (bom === 'utf-16be') input = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
        else input = Buffer.from((bom === 'utf-8' ? '\uFEFF' : '') + text, 'utf8');
        const cuts = cutsFor(input, v.cuts, v.every);
        const settings = { sample: sample.rel, wide: v.wide, crlf: v.crlf, bom, final: v.final, feed: v.feed, cuts: cuts.length > 50 ? `every ${v.every} + ${v.cuts.length}` : cuts, options: v.options };
        const got = await run(`variant ${sample.rel}`, { ...common, feed: v.feed, ...(typeof input === 'string' ? { text: input } : { bytes: input }), cuts });
        const fail = (why: string): Failure => ({ why, input, settings });
        for (const r of [ref, got]) {
          const why = unacceptable(r);
          if (why) return fail(`${r === ref ? 'reference' : 'variant'}: ${why}`);
        }
        const a = ref.outcome;
        const b = got.outcome;
        const diff = v.final === 'as-is' ? sameOutcome(a, b) : sameOutcome(a, b, (json) => withoutEnd(json, endWarning));
        if (diff) return fail(diff);
        if (v.final !== 'as-is' && a.kind === 'model' && b.kind === 'model') {
          const extra = (b.json!.droppedWarnings as number) - (a.json!.droppedWarnings as number);
          if (extra < 0 || extra > (endWarning ? 1 : 0)) return fail(`droppedWarnings ${b.json!.droppedWarnings}, reference ${a.json!.droppedWarnings}`);
        }
        return undefined;
      });
    });
  });
}

/** How outcome `b` differs from the reference `a` (models compared as JSON, after `view`), or undefined. */
function sameOutcome(a: SandboxReply['outcome'], b: SandboxReply['outcome'], view: (json: ModelJson) => ModelJson = (j) => j): string | undefined {
  if (a.kind === 'parse-error' && b.kind === 'parse-error') {
    return a.line === b.line && a.message === b.message ? undefined : `ParseError ${b.message}, reference ${a.message}`;
  }
  if (a.kind !== 'model' || b.kind !== 'model') return `${b.kind} where the reference gives ${a.kind}`;
  if (b.format !== a.format) return `parsed as ${b.format}, the reference as ${a.format}`;
  const diff = firstDifference(view(a.json!), view(b.json!));
  return diff ? `model differs from the reference: ${diff}` : undefined;
}

/** The model without what only the end of the input changes: line count, end-of-input warnings. */
function withoutEnd(json: ModelJson, endWarning: RegExp | undefined): ModelJson {
  const warnings = json.warnings as { message: string }[];
  return { ...json, lines: undefined, droppedWarnings: undefined, warnings: warnings.filter((w) => !endWarning?.test(w.message)) };
}

/** A short description of where two JSON values first differ, or undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${short(b)} instead of ${short(a)}`;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return `${path}: length ${b.length} instead of ${a.length}${b.length > a.length ? `, extra ${short(b[a.length])}` : `, missing ${short(a[b.length])}`}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

function preview(input: Buffer | string): string {
  const s = typeof input === 'string' ? input : input.toString('latin1');
  const j = JSON.stringify(s.length > 600 ? `${s.slice(0, 400)}…[${s.length - 500} more]…${s.slice(-100)}` : s);
  return j;
}

function describeMutation(m: Mutation): object {
  if (m.op === 'insertBytes') return { ...m, bytes: Buffer.from(m.bytes).toString('hex') };
  return m;
}

function kib(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
