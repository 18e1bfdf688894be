/**
 * Data-quality checks of an eBPF table, as warnings on the rows' lines (they become diagnostics):
 * negative variances, means that do not match total / count, time without calls, and extreme
 * outliers among a table's functions. Each message says what is wrong and what it usually means.
 */
import { WARNING_LIMIT, type WarningLog } from '../../model/diagnostics';
import { ebpfLine, ebpfNumber, ebpfRowKey, type EbpfTable } from '../../model/ebpfTable';
import { formatDuration, formatNumber } from '../../model/units';

/** A mean this many times the table's median mean is an outlier. */
const OUTLIER_FACTOR = 100;
/** A standard deviation this many times the mean is an extreme spread. */
const SPREAD_FACTOR = 20;
/** Tables with fewer rows have no meaningful median. */
const MIN_ROWS_FOR_OUTLIERS = 5;

/** The power of ten of the last printed digit of each row's mean and total. */
export interface PrintedPrecision {
  mean: { get(row: number): number };
  total: { get(row: number): number };
}

export function checkDataQuality(t: EbpfTable, precision: PrintedPrecision, warnings: WarningLog): void {
  const { at, nsPer } = t;
  const { columns, rowCount } = t.table;
  const label = (i: number) => columns[i].label;
  const means: number[] = [];
  if (nsPer.mean) {
    for (let r = 0; r < rowCount; r++) {
      const mean = ebpfNumber(t, at.mean, r);
      if (mean !== undefined && mean * nsPer.mean > 0) means.push(mean * nsPer.mean);
    }
  }
  means.sort((a, b) => a - b);
  const median = means.length >= MIN_ROWS_FOR_OUTLIERS ? means[means.length >> 1] : undefined;
  // Past the log's limit a warning is only counted: its text is not worth making.
  const room = () => warnings.items.length < WARNING_LIMIT;

  for (let r = 0; r < rowCount; r++) {
    const line = ebpfLine(t, r);
    const variance = ebpfNumber(t, at.variance, r);
    if (variance !== undefined && variance < 0) {
      warnings.add(line, room() ? `${ebpfRowKey(t, r)}: negative variance (${label(at.variance)} ${variance}). A variance cannot be below zero; the tool computed it as E[x²] − mean² and lost precision (or its sums overflowed). Its standard deviation is left blank.` : '');
    }
    const count = ebpfNumber(t, at.count, r);
    const total = ebpfNumber(t, at.total, r);
    const mean = ebpfNumber(t, at.mean, r);
    if (count === 0 && total !== undefined && total !== 0) {
      warnings.add(line, room() ? `${ebpfRowKey(t, r)}: count is 0 but ${label(at.total)} is ${formatNumber(total)}. Time without calls means the counters were read at different moments or one of them wrapped.` : '');
    }
    const meanNs = mean !== undefined && nsPer.mean ? mean * nsPer.mean : undefined;
    if (count !== undefined && count > 0 && total !== undefined && nsPer.total && meanNs !== undefined) {
      const totalNs = total * nsPer.total;
      const expected = meanNs * count;
      const factor = meanNs / mean! || 1;
      // What printing may have rounded away: the mean's last digit times the count, the total's last digit.
      const slack = 0.5 * 10 ** precision.mean.get(r) * factor * count + 0.5 * 10 ** precision.total.get(r) * (totalNs / total || 1) + 1e-9 * Math.abs(totalNs);
      if (Math.abs(expected - totalNs) > slack) {
        warnings.add(line, room() ? `${ebpfRowKey(t, r)}: impossible mean: ${label(at.mean)} × ${label(at.count)} = ${formatDuration(expected)} but ${label(at.total)} is ${formatDuration(totalNs)} (off by more than rounding). The columns were not computed from the same samples.` : '');
      }
    }
    if (median !== undefined && meanNs !== undefined && meanNs > OUTLIER_FACTOR * median) {
      warnings.add(line, room() ? `${ebpfRowKey(t, r)}: extreme outlier: mean ${formatDuration(meanNs)} is ${Math.round(meanNs / median)}× the median mean of this table (${formatDuration(median)}). A few very long calls (sleeping, preemption, a probe left armed across a wait) dominate it.` : '');
    }
    const stddevNs = rowStddevNs(t, r);
    if (stddevNs !== undefined && meanNs !== undefined && meanNs > 0 && stddevNs > SPREAD_FACTOR * meanNs) {
      warnings.add(line, room() ? `${ebpfRowKey(t, r)}: extreme spread: standard deviation ${formatDuration(stddevNs)} is ${Math.round(stddevNs / meanNs)}× the mean ${formatDuration(meanNs)}. The mean is not typical of the calls; look at the distribution.` : '');
    }
  }
}

/** The row's standard deviation in ns: printed, or from a non-negative variance (as ebpfRowStats gives it). */
function rowStddevNs(t: EbpfTable, r: number): number | undefined {
  const stddev = ebpfNumber(t, t.at.stddev, r);
  if (stddev !== undefined && t.nsPer.stddev) return stddev * t.nsPer.stddev;
  const variance = ebpfNumber(t, t.at.variance, r);
  if (variance === undefined || !t.nsPer.variance) return undefined;
  const v = variance * t.nsPer.variance * t.nsPer.variance;
  return v >= 0 ? Math.sqrt(v) : undefined;
}
