/** Hover text for an eBPF table row: its figures, normalised, as plain text. */
import type { EbpfRowStats } from '../../model/ebpfTable';
import { formatDuration, formatNumber } from '../../model/units';

/** `count 1,047,815 · total 23.28 s · mean 22.22 µs · stddev 24.81 µs · 9.6% of the time · 0.007757 per page`. */
export function rowFigures(s: EbpfRowStats, unitOfWork?: string, whole = 'table'): string {
  const parts: string[] = [];
  if (s.count !== undefined) parts.push(`count ${formatNumber(s.count)}`);
  if (s.totalNs !== undefined) parts.push(`total ${formatDuration(s.totalNs)}`);
  if (s.meanNs !== undefined) parts.push(`mean ${formatDuration(s.meanNs)}`);
  if (s.stddevNs !== undefined) parts.push(`stddev ${formatDuration(s.stddevNs)}`);
  else if (s.varianceNs2 !== undefined && s.varianceNs2 < 0) parts.push('stddev — (negative variance)');
  if (s.share !== undefined) parts.push(`${(s.share * 100).toFixed(1)}% of the ${whole}'s time`);
  if (s.perUnit !== undefined) parts.push(`${s.perUnit} per ${unitOfWork ?? 'unit of work'}`);
  if (s.timePerUnitNs !== undefined) parts.push(`${formatDuration(s.timePerUnitNs)} per ${unitOfWork ?? 'unit of work'}`);
  return parts.join(' · ');
}
