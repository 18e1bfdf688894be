/** A document's lines (an editor's, for outline and folding) through a format's streaming parser. */
import type { ReportModel } from '../../model/report';
import type { LineReader, StreamParser } from '../formatDefinition';

export function parseDocument<M extends ReportModel>(parser: StreamParser<M>, doc: LineReader, source = '<document>'): M {
  for (let i = 0; i < doc.lineCount; i++) parser.push(doc.lineAt(i) + '\n');
  parser.end();
  return parser.toModel(source);
}
