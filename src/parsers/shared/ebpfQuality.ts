/**
 * Data-quality checks of an eBPF table, as warnings on the rows' lines (they become diagnostics):
 * negative variances, means that do not match total / count, time without calls, and extreme
 * outliers among a table's functions. Each message says what is wrong and what it usually means.
 */
import type { WarningLog } from '../../model/diagnostics';
import type { EbpfTable } from '../../model/ebpfTable';
import { formatDuration, formatNumber } from '../../model/units';

/** Column indexes by role (-1: absent). */
export interface RoleColumns {
  count: number;
  total: number;
  mean: number;
  variance: number;
  stddev: number;
}

/** A mean this many times the table's median mean is an outlier. */
const OUTLIER_FACTOR = 100;
/** A standard deviation this many times the mean is an extreme spread. */
const SPREAD_FACTOR = 20;
/** Tables with fewer rows have no meaningful median. */
const MIN_ROWS_FOR_OUTLIERS = 5;

export function checkDataQuality(t: EbpfTable, at: RoleColumns, precision: { readonly mean: readonly number[]; readonly total: readonly number[] }, warnings: WarningLog): void {
  const { columns, rows } = t.table;
  const label = (i: number) => columns[i].label;
  const means: number[] = [];
  for (const s of t.stats) if (s.meanNs !== undefined && s.meanNs > 0) means.push(s.meanNs);
  means.sort((a, b) => a - b);
  const median = means.length >= MIN_ROWS_FOR_OUTLIERS ? means[means.length >> 1] : undefined;

  rows.forEach((row, r) => {
    const s = t.stats[r];
    const cell = (i: number) => (i >= 0 && typeof row.cells[i] === 'number' ? (row.cells[i] as number) : undefined);
    const variance = cell(at.variance);
    if (variance !== undefined && variance < 0) {
      warnings.add(row.line, `${s.key}: negative variance (${label(at.variance)} ${variance}). A variance cannot be below zero; the tool computed it as E[x²] − mean² and lost precision (or its sums overflowed). Its standard deviation is left blank.`);
    }
    const count = cell(at.count);
    const total = cell(at.total);
    const mean = cell(at.mean);
    if (count === 0 && total !== undefined && total !== 0) {
      warnings.add(row.line, `${s.key}: count is 0 but ${label(at.total)} is ${formatNumber(total)}. Time without calls means the counters were read at different moments or one of them wrapped.`);
    }
    if (count !== undefined && count > 0 && total !== undefined && mean !== undefined && s.meanNs !== undefined && s.totalNs !== undefined) {
      const expected = s.meanNs * count;
      const factor = s.meanNs / mean || 1;
      // What printing may have rounded away: the mean's last digit times the count, the total's last digit.
      const slack = precision.mean[r] * factor * count + precision.total[r] * (s.totalNs / total || 1) + 1e-9 * Math.abs(s.totalNs);
      if (Math.abs(expected - s.totalNs) > slack) {
        warnings.add(row.line, `${s.key}: impossible mean: ${label(at.mean)} × ${label(at.count)} = ${formatDuration(expected)} but ${label(at.total)} is ${formatDuration(s.totalNs)} (off by more than rounding). The columns were not computed from the same samples.`);
      }
    }
    if (median !== undefined && s.meanNs !== undefined && s.meanNs > OUTLIER_FACTOR * median) {
      warnings.add(row.line, `${s.key}: extreme outlier: mean ${formatDuration(s.meanNs)} is ${Math.round(s.meanNs / median)}× the median mean of this table (${formatDuration(median)}). A few very long calls (sleeping, preemption, a probe left armed across a wait) dominate it.`);
    }
    if (s.stddevNs !== undefined && s.meanNs !== undefined && s.meanNs > 0 && s.stddevNs > SPREAD_FACTOR * s.meanNs) {
      warnings.add(row.line, `${s.key}: extreme spread: standard deviation ${formatDuration(s.stddevNs)} is ${Math.round(s.stddevNs / s.meanNs)}× the mean ${formatDuration(s.meanNs)}. The mean is not typical of the calls; look at the distribution.`);
    }
  });
}
