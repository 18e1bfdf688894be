/** Shared by the strace -c and perf trace -s tests: fixtures, a readable rendering for goldens. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syscallRows, type SyscallGroup, type SyscallSummary } from '../../src/model/syscallSummary';
import { checkTable } from '../../src/model/table';
import { FIXTURES } from '../helpers/golden';

export function fixture(format: 'strace-summary' | 'perf-trace-summary', name: string): string {
  return readFileSync(join(FIXTURES, format, name), 'utf8');
}

/** One line per group and per row, every value the model holds: what a golden file stores. */
export function renderSummary(model: SyscallSummary): string {
  const out: string[] = [`${model.tool}: ${model.groups.length} groups, ${model.toolLines} tool lines, ${model.lines} lines`];
  for (const g of model.groups) {
    out.push(`# ${g.title} [${g.scope}${g.bpf ? ', bpf' : ''}] lines ${g.line}-${g.endLine} ${JSON.stringify(g.header)}`);
    out.push(g.table.columns.map((c) => (c.kind === 'number' ? `${c.id}(${c.unit})` : c.id)).join('\t'));
    for (const r of g.table.rows) out.push(`${r.line}: ${r.cells.map((c) => (c === null ? '-' : String(c))).join('\t')}`);
    if (g.totalRow) out.push(`total ${g.totalRow.line}: ${g.totalRow.cells.map((c) => (c === null ? '-' : String(c))).join('\t')}`);
    for (const e of g.errnos) out.push(`errno ${e.line}: ${e.syscall} ${e.errno} ${e.count}`);
  }
  for (const w of model.warnings) out.push(`warning ${w.line}: ${w.message}`);
  return out.join('\n') + '\n';
}

/** Every group's table is well typed (numbers are numbers, one cell per column). */
export function assertTablesSound(model: SyscallSummary): void {
  for (const g of model.groups) {
    const problem = checkTable(g.table);
    if (problem) throw new Error(`${g.title}: ${problem}`);
  }
}

/** Sum of a column over a group's rows. */
export function columnSum(group: SyscallGroup, id: 'calls' | 'errors' | 'total'): number {
  return syscallRows(group).reduce((s, r) => s + (r[id] ?? 0), 0);
}
