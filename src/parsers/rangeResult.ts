import type { ReportModel } from '../model/report';
import type { RangeResult, StreamParser } from './formatDefinition';

/** A range parser's result once it has ended (`data`: its format's partial result). */
export function rangeResult<M extends ReportModel>(parser: StreamParser<M>, data: unknown): RangeResult {
  return {
    data,
    lines: parser.lineCount,
    records: parser.records,
    warnings: parser.warnings.items,
    droppedWarnings: parser.warnings.dropped,
    firstUnrecognized: parser.firstUnrecognized,
    invalidUtf8Line: parser.invalidUtf8Line,
  };
}
