/**
 * Data-quality checks of an eBPF table, as warnings on the rows' lines (they become diagnostics):
 * negative variances, means that do not match total / count, time without calls, and extreme
 * outliers among a table's functions. Each message says what is wrong and what it usually means.
 */
import { WARNING_LIMIT, type WarningLog } from '../../model/diagnostics';
import { EBPF_CHUNK_ROWS, type EbpfNumberChunk, type EbpfTable } from '../../model/ebpfTable';
import { ebpfRowKey } from '../../model/ebpfRows';
import { formatDuration, formatNumber } from '../../model/units';
import { medianOfPositive } from './ebpfMedian';

/** A mean this many times the table's median mean is an outlier. */
const OUTLIER_FACTOR = 100;
/** A standard deviation this many times the mean is an extreme spread. */
const SPREAD_FACTOR = 20;
/** Tables with fewer rows have no meaningful median. */
const MIN_ROWS_FOR_OUTLIERS = 5;

/** The power of ten of the last printed digit of each row's mean and total. */
export interface PrintedPrecision {
  /** In chunks of EBPF_CHUNK_ROWS rows, as the table's columns. */
  mean: { readonly chunks: Int8Array[] };
  total: { readonly chunks: Int8Array[] };
}

/** What the per-chunk check reads: the table's role columns by chunk, and the table-wide figures. */
interface Quality {
  t: EbpfTable;
  precision: PrintedPrecision;
  warnings: WarningLog;
  cols: { count?: EbpfNumberChunk[]; total?: EbpfNumberChunk[]; mean?: EbpfNumberChunk[]; variance?: EbpfNumberChunk[]; stddev?: EbpfNumberChunk[] };
  median: number | undefined;
  /** A chunk of blanks for the roles the table lacks. */
  none: Float64Array;
}

export function checkDataQuality(t: EbpfTable, precision: PrintedPrecision, warnings: WarningLog): void {
  const { at, nsPer } = t;
  const column = (c: number) => (c >= 0 && t.table.cells[c].kind === 'number' ? (t.table.cells[c] as { chunks: EbpfNumberChunk[] }).chunks : undefined);
  const cols = { count: column(at.count), total: column(at.total), mean: column(at.mean), variance: column(at.variance), stddev: column(at.stddev) };
  const median = nsPer.mean && cols.mean ? medianOfPositive(cols.mean, nsPer.mean, MIN_ROWS_FOR_OUTLIERS) : undefined;
  const q: Quality = { t, precision, warnings, cols, median, none: new Float64Array(EBPF_CHUNK_ROWS).fill(NaN) };
  // Chunk by chunk, in a function of its own: it gets optimised like any hot function, where one
  // loop over a million rows would wait for on-stack replacement.
  for (let k = 0; k * EBPF_CHUNK_ROWS < t.table.rowCount; k++) checkChunk(q, k, k * EBPF_CHUNK_ROWS, Math.min(EBPF_CHUNK_ROWS, t.table.rowCount - k * EBPF_CHUNK_ROWS));
}

function checkChunk(q: Quality, k: number, firstRow: number, rows: number): void {
  const { t, warnings, median, none } = q;
  const { at, nsPer } = t;
  const label = (i: number) => t.table.columns[i].label;
  // Past the log's limit a warning is only counted: its text is not worth making.
  const room = () => warnings.items.length < WARNING_LIMIT;
  const value = (x: number) => (Number.isNaN(x) ? undefined : x);
  const lines = t.table.lines[k];
  // A chunk of consecutive lines keeps only its first (see EbpfColumnarTable.lines).
  const consecutive = lines.length === 1;
  const counts = q.cols.count?.[k] ?? none;
  const totals = q.cols.total?.[k] ?? none;
  const meansK = q.cols.mean?.[k] ?? none;
  const variances = q.cols.variance?.[k] ?? none;
  const stddevs = q.cols.stddev?.[k] ?? none;
  const meanScales = q.precision.mean.chunks[k];
  const totalScales = q.precision.total.chunks[k];
  for (let i = 0; i < rows; i++) {
    const r = firstRow + i;
    const line = consecutive ? lines[0] + i : lines[i];
    const variance = value(variances[i]);
    if (variance !== undefined && variance < 0) {
      warnings.add(line, room() ? `${ebpfRowKey(t, r)}: negative variance (${label(at.variance)} ${variance}). A variance cannot be below zero; the tool computed it as E[x²] − mean² and lost precision (or its sums overflowed). Its standard deviation is left blank.` : '');
    }
    const count = value(counts[i]);
    const total = value(totals[i]);
    const mean = value(meansK[i]);
    if (count === 0 && total !== undefined && total !== 0) {
      warnings.add(line, room() ? `${ebpfRowKey(t, r)}: count is 0 but ${label(at.total)} is ${formatNumber(total)}. Time without calls means the counters were read at different moments or one of them wrapped.` : '');
    }
    const meanNs = mean !== undefined && nsPer.mean ? mean * nsPer.mean : undefined;
    if (count !== undefined && count > 0 && total !== undefined && nsPer.total && meanNs !== undefined) {
      const totalNs = total * nsPer.total;
      const expected = meanNs * count;
      const factor = meanNs / mean! || 1;
      // What printing may have rounded away: the mean's last digit times the count, the total's last digit.
      const slack = halfUnit(meanScales[i]) * factor * count + halfUnit(totalScales[i]) * (totalNs / total || 1) + 1e-9 * Math.abs(totalNs);
      if (Math.abs(expected - totalNs) > slack) {
        warnings.add(line, room() ? `${ebpfRowKey(t, r)}: impossible mean: ${label(at.mean)} × ${label(at.count)} = ${formatDuration(expected)} but ${label(at.total)} is ${formatDuration(totalNs)} (off by more than rounding). The columns were not computed from the same samples.` : '');
      }
    }
    if (median !== undefined && meanNs !== undefined && meanNs > OUTLIER_FACTOR * median) {
      warnings.add(line, room() ? `${ebpfRowKey(t, r)}: extreme outlier: mean ${formatDuration(meanNs)} is ${Math.round(meanNs / median)}× the median mean of this table (${formatDuration(median)}). A few very long calls (sleeping, preemption, a probe left armed across a wait) dominate it.` : '');
    }
    // As ebpfRowStats gives it: printed, or from a non-negative variance.
    const stddev = value(stddevs[i]);
    const varianceNs2 = variance !== undefined && nsPer.variance ? variance * nsPer.variance * nsPer.variance : undefined;
    const stddevNs = stddev !== undefined && nsPer.stddev ? stddev * nsPer.stddev : varianceNs2 !== undefined && varianceNs2 >= 0 ? Math.sqrt(varianceNs2) : undefined;
    if (stddevNs !== undefined && meanNs !== undefined && meanNs > 0 && stddevNs > SPREAD_FACTOR * meanNs) {
      warnings.add(line, room() ? `${ebpfRowKey(t, r)}: extreme spread: standard deviation ${formatDuration(stddevNs)} is ${Math.round(stddevNs / meanNs)}× the mean ${formatDuration(meanNs)}. The mean is not typical of the calls; look at the distribution.` : '');
    }
  }
}

const HALF_UNITS = Array.from({ length: 61 }, (_, i) => 0.5 * 10 ** (i - 30));

/** Half a unit of the digit at power of ten `scale` (-2 -> 0.005). */
function halfUnit(scale: number): number {
  return scale >= -30 && scale <= 30 ? HALF_UNITS[scale + 30] : 0.5 * 10 ** scale;
}
