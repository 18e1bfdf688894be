/** CSV written by eBPF tooling. Recognised by a CSV header; the parser comes with issue 16. */
import type { FormatDefinition } from '../formatDefinition';

const CSV_HEADER = /^[A-Za-z_][\w ]*(,[A-Za-z_%][\w ()%/]*){2,}$/;

export const ebpfCsvFormat: FormatDefinition = {
  id: 'ebpf-csv',
  displayName: 'eBPF CSV',
  languageId: 'ebpf-csv',
  expected: 'a CSV row under a header such as `function,count,total_duration_ns`',
  applies({ lines }) {
    const first = lines[0] ?? '';
    // Any CSV header fits: only a maybe, below every other format's signature.
    if (first.length <= 2048 && CSV_HEADER.test(first)) return { verdict: 'maybe', reason: 'CSV header', score: 0 };
    return { verdict: 'no', reason: 'no CSV header' };
  },
  views: [],
};
