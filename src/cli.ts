/**
 * perflens: the same parsers as the extension, for scripts and remote boxes.
 *   perflens collapse [--pid|--tid|--kernel|--jit|--all|--addrs] [--event E] [--perl-compat] [FILE|-]
 *   perflens parse FILE
 *   perflens flamegraph FILE -o out.html
 *   perflens diff A B [C…] [--group SEL]… [--baseline N] [--metric calls,errors,total,avg,max]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ParseError } from './model/diagnostics';
import { parseFile, requireStackProfile, type ParsedFile } from './io/parseFile';
import { rangeWorkerPath } from './io/parallelParse';
import { PERL_COMPAT, type CollapseOptions } from './parsers/perf-script';
import { FORMATS } from './parsers/registry';
import { formatById } from './parsers/formats';
import { foldedStacks, sortedStackKeys, formatFoldedLine } from './analysis/folded';
import { reportModelJson } from './analysis/modelJson';
import { COMPARED_METRICS, compareSyscalls, selectSyscallGroups, type ComparedMetric, type SideInput } from './analysis/syscallCompare';
import { formatSyscallComparison } from './analysis/syscallCompareText';
import { isSyscallSummary } from './model/syscallSummary';
import { flameGraphView } from './analysis/flameGraphView';
import type { FormatId } from './model/format';
import { renderWebviewHtml, makeNonce } from './page/webviewHtml';
import { DiffUsageError, diffText, outputFormat, wdiffWeights } from './cli/diff';

const USAGE = `usage:
  perflens collapse [--pid|--tid|--kernel|--jit|--all|--addrs|--inline] [--event NAME] [--perl-compat] [--stats] [FILE|-]
      perf script output -> folded stacks, sorted like stackcollapse-perf.pl
      (--inline marks frames perf reports as inlined with _[i]; --event-filter is --event)
  perflens parse [--format ID] FILE
      the parsed model as JSON, format detected from the content unless --format is given
  perflens flamegraph [collapse options] FILE -o OUT.html
      a standalone HTML flame graph
  perflens diff [--baseline FILE] [--format text|markdown|csv|json] [--limit N] [--exact-symbols] [--strip-hex] [--wdiff WB,WN] [--stacks] A B [C...]
      runs compared per function (self and total share, change in points, ratio; --wdiff adds
      perf diff's weighted diff WN x new - WB x base of the self weights); text is a
      cover-letter table of the first --limit rows (30); --stacks: the stacks present in only
      some of the runs instead, with their share in each
      table reports of one kind (run logs, eBPF tables, perf stat, perf diff, perf report rows):
      table by table, every column per run with its change; one run log: its runs compared
      (--runs NAME,NAME… or 1,3… picks some of them: banner names, labels or positions)
  perflens diff --repeats [--trim] [--welch] [--self] [--baseline NAME] A-RUN-1 A-RUN-2 … B-RUN-1 …
      repeated runs grouped by name: per function n, mean, stddev, 95% CI of its share and a
      Mann-Whitney U (or Welch) verdict per configuration against the baseline: +x%, ~ or ?;
      run logs (one log of NAME-RUN-N runs, or one log per run): the same per metric
  perflens diff --folded [--normalize] [--strip-hex] BEFORE AFTER
      FlameGraph's difffolded output: 'stack count1 count2' lines
  perflens diff A B [C...] [--group SEL]... [--baseline N] [--metric LIST]
      syscall costs (strace -c, perf trace -s) compared per syscall: each side's value, its
      delta and ratio to the baseline (side N, default 1). --group picks a thread or table of
      the file in the same position (title, tid, comm or 'all' merged); one file with several
      --group compares groups of that file; without --group a file is all its groups merged.
      --metric: which of calls,errors,total,avg,max (default: all the files have)

formats (id: what; * = recognised, not read yet):
${FORMATS.map((f) => `  ${f.id.padEnd(20)}${f.parser ? ' ' : '*'} ${f.displayName}`).join('\n')}`;

class UsageError extends Error {}

async function diff(files: string[], values: Record<string, string | boolean | string[] | undefined>): Promise<number> {
  const inputFormat = typeof values['input-format'] === 'string' ? formatById(values['input-format'])?.id : undefined;
  if (values['input-format'] !== undefined && !inputFormat) throw new UsageError(`unknown format '${String(values['input-format'])}'`);
  const limit = values.limit === undefined ? 30 : Number(values.limit);
  if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit is a positive number of rows (got '${String(values.limit)}')`);
  try {
    const parsed: ParsedFile[] = [];
    for (const f of files) parsed.push(await parseFile(f, f, { format: inputFormat, rangeWorker: rangeWorkerPath(__dirname) }));
    if (parsed.some((p) => isSyscallSummary(p.model))) {
      return diffSyscalls(files, parsed, values as { group?: string[]; baseline?: string; metric?: string; format?: string });
    }
    const output = outputFormat(values.format as string | undefined);
    process.stdout.write(
      diffText({
        files,
        parsed,
        baseline: values.baseline as string | undefined,
        output,
        folded: !!values.folded,
        normalize: !!values.normalize,
        stripHex: !!values['strip-hex'],
        matchSymbols: !values['exact-symbols'],
        limit,
        weights: wdiffWeights(values.wdiff as string | undefined),
        stacks: !!values.stacks,
        runs: typeof values.runs === 'string' ? values.runs.split(',') : undefined,
        repeats: values.repeats ? { trim: !!values.trim, test: values.welch ? 'welch' : 'mann-whitney', share: values.self ? 'self' : 'total' } : undefined,
      }),
    );
    files.forEach((f, i) => reportWarnings(f, parsed[i]));
    return 0;
  } catch (err) {
    if (err instanceof DiffUsageError) throw new UsageError(err.message);
    throw err;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      pid: { type: 'boolean' },
      tid: { type: 'boolean' },
      kernel: { type: 'boolean' },
      jit: { type: 'boolean' },
      all: { type: 'boolean' },
      addrs: { type: 'boolean' },
      event: { type: 'string' },
      'event-filter': { type: 'string' },
      inline: { type: 'boolean' },
      'perl-compat': { type: 'boolean' },
      stats: { type: 'boolean' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      group: { type: 'string', multiple: true },
      baseline: { type: 'string' },
      metric: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      limit: { type: 'string' },
      folded: { type: 'boolean' },
      normalize: { type: 'boolean' },
      'strip-hex': { type: 'boolean' },
      'exact-symbols': { type: 'boolean' },
      'input-format': { type: 'string' },
      repeats: { type: 'boolean' },
      runs: { type: 'string' },
      wdiff: { type: 'string' },
      stacks: { type: 'boolean' },
      trim: { type: 'boolean' },
      welch: { type: 'boolean' },
      self: { type: 'boolean' },
    },
  });
  if (values.help || !command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === 'diff') return diff(positionals, values);
  if (positionals.length > 1) throw new UsageError('one input file at a time');
  const file = positionals[0] ?? '-';
  const collapse: Partial<CollapseOptions> = {
    ...(values['perl-compat'] ? PERL_COMPAT : {}),
    pid: !!values.pid,
    tid: !!values.tid,
    kernel: !!(values.kernel || values.all),
    jit: !!(values.jit || values.all),
    addrs: !!values.addrs,
    inline: !!values.inline,
    event: values.event ?? values['event-filter'],
  };
  let format: FormatId | undefined;
  if (values.format !== undefined) {
    const def = formatById(values.format);
    if (!def) throw new UsageError(`unknown format '${values.format}'; known: ${FORMATS.map((f) => f.id).join(', ')}`);
    format = def.id;
  }
  const t0 = performance.now();
  const parserOptions = { 'perf-script': collapse, 'perf-report': { event: collapse.event } };
  const read = (fmt?: FormatId): Promise<ParsedFile> =>
    file === '-'
      ? parseFile(process.stdin, '<stdin>', { format: fmt, parserOptions })
      : parseFile(file, file, { format: fmt, parserOptions, rangeWorker: rangeWorkerPath(__dirname) });

  switch (command) {
    case 'collapse': {
      const parsed = await read(format ?? 'perf-script');
      const profile = requireStackProfile(parsed, file);
      const stacks = foldedStacks(profile.tree);
      await writeFolded(stacks);
      reportWarnings(file, parsed);
      if (values.stats) {
        const stats = {
          bytes: parsed.bytes,
          lines: profile.lines,
          samples: profile.samples,
          stacks: stacks.size,
          ms: Math.round(performance.now() - t0),
          maxRssKiB: process.resourceUsage().maxRSS,
        };
        process.stderr.write(JSON.stringify(stats) + '\n');
      }
      return 0;
    }
    case 'parse': {
      const parsed = await read(format);
      process.stdout.write(JSON.stringify(reportModelJson(parsed.model), null, 2) + '\n');
      return 0;
    }
    case 'flamegraph': {
      if (!values.output) throw new UsageError('flamegraph needs -o OUT.html');
      const parsed = await read(format);
      const { meta, tree } = flameGraphView(requireStackProfile(parsed, file), file === '-' ? 'stdin' : basename(file));
      if (parsed.format === 'perf-script') {
        meta.options = { pid: !!collapse.pid, tid: !!collapse.tid, kernel: !!collapse.kernel, jit: !!collapse.jit, addrs: !!collapse.addrs, event: meta.event };
      }
      const html = renderWebviewHtml({
        title: `Flame graph: ${meta.title}`,
        nonce: makeNonce(),
        cspSource: '',
        inlineScript: readFileSync(join(__dirname, 'webview', 'flamegraph.js'), 'utf8'),
        inlineStyles: [],
        initialMessage: { type: 'flameGraph/show', meta, tree },
      });
      writeFileSync(values.output, html);
      reportWarnings(file, parsed);
      process.stderr.write(`wrote ${values.output} (${tree.nodeName.length} frames, ${meta.samples} samples)\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

/** `perflens diff` of syscall summaries: compared per syscall, as a text table. */
function diffSyscalls(files: string[], parsed: ParsedFile[], values: { group?: string[]; baseline?: string; metric?: string; format?: string }): number {
  if (values.format !== undefined && values.format !== 'text') throw new UsageError(`syscall comparisons print as text (got --format ${values.format})`);
  const models = parsed.map((p, i) => {
    if (!isSyscallSummary(p.model)) throw new UsageError(`${files[i]} is ${p.format}, not a syscall summary (strace -c or perf trace -s)`);
    return p.model;
  });
  const groups = values.group ?? [];
  const pick = (i: number, sel: string) => {
    try {
      return selectSyscallGroups(models[i].groups, sel);
    } catch (e) {
      throw new UsageError(`${files[i]}: ${(e as Error).message}`);
    }
  };
  const label = (i: number, picked: { title: string }[]) => `${basename(files[i])}: ${picked.length === 1 ? picked[0].title : `all ${picked.length} groups merged`}`;
  let sides: SideInput[];
  if (files.length === 1) {
    const chosen = groups.length > 0 ? groups.map((g) => pick(0, g)) : models[0].groups.map((g) => [g]);
    sides = chosen.map((picked) => ({ label: label(0, picked), groups: picked }));
  } else if (groups.length === 0 || groups.length === files.length) {
    sides = files.map((_, i) => {
      const picked = pick(i, groups[i] ?? 'all');
      return { label: label(i, picked), groups: picked };
    });
  } else throw new UsageError(`--group: give one per file (${files.length}), or none`);
  if (sides.length < 2) throw new UsageError('diff needs two or more sides: two files, or one file with two groups');
  // --baseline: a side number (1-based), or one of the files by name.
  const byName = values.baseline === undefined ? -1 : files.findIndex((f) => f === values.baseline || basename(f) === values.baseline);
  const baseline = values.baseline === undefined ? 1 : byName >= 0 && files.length === sides.length ? byName + 1 : Number(values.baseline);
  if (!Number.isInteger(baseline) || baseline < 1 || baseline > sides.length) throw new UsageError(`--baseline: a side number from 1 to ${sides.length}, or one of the files`);
  const metrics = values.metric?.split(',').map((m) => m.trim());
  const unknown = metrics?.filter((m) => !(COMPARED_METRICS as readonly string[]).includes(m)) ?? [];
  if (unknown.length > 0) throw new UsageError(`--metric: unknown ${unknown.join(', ')}; known: ${COMPARED_METRICS.join(', ')}`);
  const comparison = compareSyscalls(sides, baseline - 1);
  process.stdout.write(formatSyscallComparison(comparison, metrics as ComparedMetric[] | undefined));
  parsed.forEach((p, i) => reportWarnings(files[i], p));
  return 0;
}

/**
 * Writes sorted folded lines through one reused 1 MiB buffer: building MiB-sized strings instead
 * would put each in V8's large-object space, where they pile up until a full GC (+60 MiB RSS).
 */
async function writeFolded(stacks: Map<string, number>): Promise<void> {
  const out = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  for (const stack of sortedStackKeys(stacks)) {
    const line = formatFoldedLine(stack, stacks.get(stack)!) + '\n';
    const size = Buffer.byteLength(line);
    if (used + size > out.length) {
      await write(out.subarray(0, used));
      used = 0;
    }
    if (size > out.length) await write(Buffer.from(line));
    else used += out.write(line, used);
  }
  if (used > 0) await write(out.subarray(0, used));
}

/** Resolves once the data is handed to the OS, so the buffer can be reused. */
function write(data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(data, (err) => (err ? reject(err) : resolve())));
}

function reportWarnings(file: string, parsed: ParsedFile): void {
  const p = parsed.model;
  for (const w of p.warnings.slice(0, 20)) process.stderr.write(`${file}:${w.line}: warning: ${w.message}\n`);
  const more = p.warnings.length - 20 + p.droppedWarnings;
  if (more > 0) process.stderr.write(`${file}: ${more} more warnings\n`);
}

// `perflens collapse big.txt | head`: the reader went away; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`perflens: cannot write the output: ${err.message}\n`);
  process.exit(1);
});

// Exit codes are set, not forced: process.exit() would cut off output still queued for a pipe.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const code = (err as { code?: string }).code;
    process.exitCode = 1;
    if (err instanceof ParseError) process.stderr.write(err.message + '\n');
    else if (err instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`perflens: ${(err as Error).message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      process.stderr.write(`perflens: ${(err as Error).message}\n`);
    } else process.stderr.write(`perflens: internal error: ${(err as Error).message}\n`);
  },
);
