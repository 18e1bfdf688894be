// A child of scripts/bench.mjs: parses FILE with PerfLens's own parseFile (format detection,
// streaming, the format's parser) from a bundle of src/io/parseFile.ts, and writes ONE JSON line
// to stderr: {"tool":"parse","format":…,"bytes":N,"lines":N,"records":N,"ms":N,"maxRssKiB":N}.
//
// usage: node scripts/bench/parse-file.mjs BUNDLE.cjs FILE
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [bundle, file] = process.argv.slice(2);
if (!bundle || !file) {
  process.stderr.write('usage: parse-file.mjs BUNDLE.cjs FILE\n');
  process.exit(2);
}
const { parseFile } = createRequire(import.meta.url)(bundle);
const t0 = performance.now();
const parsed = await parseFile(file, file);
const ms = Math.round(performance.now() - t0);
const m = parsed.model;
const records =
  m.kind === 'perf-report'
    ? m.events.reduce((n, e) => n + e.table.rows.length, 0)
    : m.kind === 'ebpf'
      ? m.tables.reduce((n, t) => n + (t.table.rowCount ?? t.table.rows.length), 0)
      : (m.samples ?? 0);
process.stderr.write(
  JSON.stringify({ tool: 'parse', format: parsed.format, bytes: parsed.bytes, lines: m.lines, records, warnings: m.warnings.length + m.droppedWarnings, ms, maxRssKiB: process.resourceUsage().maxRSS }) + '\n',
);
