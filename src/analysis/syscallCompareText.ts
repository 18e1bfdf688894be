/**
 * A syscall comparison as a plain-text table, one block per metric (`perflens diff`): each side's
 * value and, for every side but the baseline, its delta and ratio to the baseline. Times in ms
 * (perf trace's unit) with µs precision.
 */
import type { ComparedMetric, SyscallComparison } from './syscallCompare';

const TITLE: Record<ComparedMetric, string> = {
  calls: 'calls',
  errors: 'errors',
  total: 'total time (ms)',
  avg: 'avg time per call (µs, total / calls)',
  max: 'max time per call (ms)',
};

function format(metric: ComparedMetric, v: number | undefined, signed = false): string {
  if (v === undefined) return '-';
  const s = metric === 'calls' || metric === 'errors' ? String(Math.round(v)) : metric === 'avg' ? v.toFixed(3) : (v / 1000).toFixed(3);
  return signed && v > 0 ? `+${s}` : s;
}

function ratio(r: number | undefined): string {
  return r === undefined ? '-' : r.toFixed(3);
}

export function formatSyscallComparison(cmp: SyscallComparison, metrics: readonly ComparedMetric[] = cmp.metrics): string {
  const base = cmp.sides[cmp.baseline];
  const out: string[] = [`Syscall costs compared, baseline ${base.name}:`];
  for (const s of cmp.sides) {
    const t = s.totals;
    const facts = [t.calls !== undefined ? `${t.calls} calls` : '', t.errors !== undefined ? `${t.errors} errors` : '', t.total !== undefined ? `${format('total', t.total)} ms` : ''].filter(Boolean);
    out.push(`  ${s.name}${s === base ? '*' : ' '} ${s.label}${facts.length ? ` (${facts.join(', ')})` : ''}`);
  }
  for (const m of metrics.filter((x) => cmp.metrics.includes(x))) {
    const header = ['syscall'];
    cmp.sides.forEach((s, i) => {
      header.push(i === cmp.baseline ? `${s.name}*` : s.name);
      if (i !== cmp.baseline) header.push(`Δ${s.name}`, `${s.name}/${base.name}`);
    });
    const table: string[][] = [header];
    for (const row of cmp.rows) {
      const cells = [row.syscall];
      row.values.forEach((v, i) => {
        cells.push(format(m, v[m].value));
        if (i !== cmp.baseline) cells.push(format(m, v[m].delta, true), ratio(v[m].ratio));
      });
      table.push(cells);
    }
    if (m === 'calls' || m === 'errors' || m === 'total') {
      const bt = base.totals[m];
      const cells = ['(all)'];
      cmp.sides.forEach((s, i) => {
        const v = s.totals[m];
        cells.push(format(m, v));
        if (i !== cmp.baseline) cells.push(format(m, v !== undefined && bt !== undefined ? v - bt : undefined, true), ratio(v !== undefined && bt ? v / bt : undefined));
      });
      table.push(cells);
    }
    out.push('', TITLE[m], ...alignColumns(table));
  }
  return out.join('\n') + '\n';
}

/** The syscall column left-aligned, numbers right-aligned, two spaces between columns. */
function alignColumns(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
}
