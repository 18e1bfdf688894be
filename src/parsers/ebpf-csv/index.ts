/**
 * eBPF output (format id `ebpf-csv`): CSV written by eBPF tooling, the same tables printed by pandas
 * or bcc, and bcc/bpftrace histograms and maps: one format family, one model (model/ebpfTable.ts).
 */
import type { EbpfReport } from '../../model/ebpfTable';
import type { FormatDefinition } from '../formatDefinition';
import { ebpfApplies } from './applies';
import { ebpfEditor, type EbpfHoverIndex } from './editor';
import { EBPF_DEFAULTS, EbpfParser, type EbpfOptions } from './parser';

export { EbpfParser, parseEbpf } from './parser';

export const ebpfCsvFormat: FormatDefinition<EbpfOptions, EbpfReport, EbpfHoverIndex> = {
  id: 'ebpf-csv',
  displayName: 'eBPF output',
  languageId: 'ebpf-csv',
  expected: 'a CSV row under a header such as `function,count,total_duration_ns`, a histogram bucket or a bpftrace map entry',
  applies: ebpfApplies,
  parser: { defaults: EBPF_DEFAULTS, create: (o) => new EbpfParser({ ...EBPF_DEFAULTS, ...o }) },
  views: ['tables', 'charts'],
  editor: ebpfEditor,
};
