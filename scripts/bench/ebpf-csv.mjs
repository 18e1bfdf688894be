// The eBPF CSV part of scripts/bench.mjs: parsing a ~100 MB eBPF function table (format ebpf-csv).
//
// Input (cached in the bench cache as ebpf-100m.csv, made once): no public eBPF CSV of this size
// exists, so it is SYNTHESISED from real rows: the 13 rows of test/fixtures/ebpf-csv/
// ebpf_guest_stats.csv (the seed's eBPF table turned back into CSV, see its PROVENANCE.md) under
// their header, repeated in blocks until ~100 MB. Block b gives every function a distinct key
// (`<function>_<b>`), multiplies count and total by 1 + b % 97 (so mean × count = total still holds
// and the data-quality checks see what the seed has: negative variances, one outlier per block),
// scales count_per_page the same way, and keeps mean and variance as printed. Every 64th block
// writes its keys quoted with a comma inside (`"iommu_map_64, cpu 0"`), so the csv-parse path for
// quoted records runs too (~1.6% of the rows).
// Runs: see parseBench.mjs (floor vs parseFile, 3 runs each, median wall MB/s, peak RSS).
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { runParseBench } from './parseBench.mjs';

const MB = 1e6;
const TARGET_BYTES = 100 * MB;
const INPUT_VERSION = 1;
const QUOTED_EVERY = 64;

/** Writes the synthesised CSV to `path`; returns its size and row count. */
function writeInput(root, path) {
  const [header, ...rows] = readFileSync(join(root, 'test', 'fixtures', 'ebpf-csv', 'ebpf_guest_stats.csv'), 'utf8').trim().split('\n');
  const seed = rows.map((r) => r.split(','));
  const fd = openSync(path, 'w');
  let bytes = 0;
  let count = 0;
  let chunk = header + '\n';
  for (let b = 0; bytes + chunk.length < TARGET_BYTES; b++) {
    const k = 1 + (b % 97);
    for (const [fn, type, calls, total, mean, variance, perPage] of seed) {
      const key = b % QUOTED_EVERY === 0 ? `"${fn}_${b}, cpu ${b % 8}"` : `${fn}_${b}`;
      chunk += `${key},${type},${Number(calls) * k},${Number(total) * k},${mean},${variance},${(Number(perPage) * k).toFixed(6)}\n`;
      count++;
    }
    if (chunk.length > 1 << 20) {
      bytes += writeSync(fd, chunk);
      chunk = '';
    }
  }
  bytes += writeSync(fd, chunk);
  closeSync(fd);
  return { bytes, rows: count };
}

export function ensureEbpfInput({ root, cache, log }) {
  const path = join(cache, 'ebpf-100m.csv');
  const metaPath = join(cache, 'ebpf-100m.json');
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (meta.version === INPUT_VERSION && existsSync(path) && statSync(path).size === meta.bytes) return { path, ...meta };
  } catch {
    /* make it */
  }
  log(`   making ${path} from the seed's eBPF table rows (test/fixtures/ebpf-csv/ebpf_guest_stats.csv)`);
  const meta = { version: INPUT_VERSION, ...writeInput(root, path) };
  writeFileSync(metaPath, JSON.stringify(meta, null, 2));
  return { path, ...meta };
}

/** Runs the eBPF CSV part; `ctx` gives bench.mjs's helpers. Returns the summary. */
export async function benchEbpfCsv(ctx) {
  const { fmt, log, loadNote } = ctx;
  log('== eBPF CSV parse (100 MB)');
  const input = ensureEbpfInput(ctx);
  log(
    `   input: ${input.path}, ${fmt(input.bytes / MB, 1)} MB, ${fmt(input.rows)} rows (SYNTHESISED: the seed's 13 real rows repeated with distinct keys and scaled counts; ` +
      `1 block in ${QUOTED_EVERY} with quoted keys); ${loadNote()}`,
  );
  const result = await runParseBench(ctx, input, 'eBPF CSV');
  return result && { input, ...result };
}
