/**
 * Is this eBPF output? By content only: a CSV header whose columns read as an eBPF table (a key such
 * as `function`/`comm`/`syscall` and a count or a timed column such as `total_duration_ns`), an
 * aligned table with such a header over a row, a bcc/bpftrace histogram header over a bucket line,
 * or bpftrace map entries. Any other CSV is not ours.
 */
import type { Applicability, FormatHead } from '../formatDefinition';
import { headerRole, isEbpfHeader } from '../shared/ebpfColumns';
import { histogramBucket, histogramHeader } from '../shared/histogram';
import { alignedHeader } from '../shared/pandasTable';
import { pipeCells } from '../shared/pipeTable';
import { parseNumber } from '../shared/columns';
import { csvHeaderDelimiter, csvHeaderLabels } from './csvRecords';

const MAP_ENTRY = /^@[\w.]*(?:\[[^\]]*\])?:\s+-?\d+\s*$/;

export function ebpfApplies({ lines }: FormatHead): Applicability {
  const first = lines.findIndex((l) => l.trim().length > 0 && !l.startsWith('#'));
  const delimiter = first >= 0 && lines[first].length <= 4096 ? csvHeaderDelimiter(lines[first]) : undefined;
  if (delimiter) {
    const labels = csvHeaderLabels(lines[first], delimiter);
    if (isEbpfHeader(labels)) return { verdict: 'yes', reason: `eBPF CSV header (${labels.slice(0, 4).join(', ')})` };
    // bcc's keyless CSVs (cpuunclaimed: TIMESTAMP_ns,CPU0,…) carry timed columns: likely, not certain.
    if (labels.some((l) => { const r = headerRole(l); return r.unit !== 'none' && r.unit !== 'count'; })) return { verdict: 'maybe', reason: 'CSV header with timed columns', score: 1 };
    return { verdict: 'no', reason: 'a CSV header without eBPF columns (a key such as function and a count or *_ns column)' };
  }
  // bpftrace -f json: `{"type": "hist", "data": …}` on one line or pretty printed.
  if (first >= 0 && /^\s*\{/.test(lines[first])) {
    const head = lines.slice(first, first + 3).join(' ');
    if (/^\s*\{\s*"type"\s*:\s*"(?:hist|map|stats|attached_probes|printf|time|lost_events)"/.test(head)) return { verdict: 'yes', reason: 'bpftrace JSON output' };
  }
  let maps = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 4096) continue;
    const h = histogramHeader(line);
    if (h && i + 1 < lines.length && histogramBucket(lines[i + 1], i + 2, h.style)) return { verdict: 'yes', reason: `${h.style} histogram (${h.title})` };
    if (MAP_ENTRY.test(line)) maps++;
    const pipe = pipeCells(line);
    if (pipe && isEbpfHeader(pipe) && i + 1 < lines.length && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1])) return { verdict: 'yes', reason: `eBPF table (Markdown) header (${pipe.slice(0, 4).join(', ')})` };
    const a = /^\s*[A-Za-z_]/.test(line) && !line.includes(',') ? alignedHeader(line) : undefined;
    if (a && isEbpfHeader(a.labels) && i + 1 < lines.length) {
      const next = lines[i + 1].trim().split(/\s+/);
      if (next.length >= 2 && next.slice(1).some((f) => parseNumber(f) !== undefined)) return { verdict: 'yes', reason: `eBPF table header (${a.labels.slice(0, 4).join(', ')})` };
    }
  }
  if (maps >= 2) return { verdict: 'maybe', reason: `${maps} bpftrace map entries`, score: maps };
  return { verdict: 'no', reason: 'no eBPF CSV header, table, histogram or map' };
}
