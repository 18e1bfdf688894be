/**
 * The tables of a report, for hovers against a table comparison: from the report cache, under the
 * key the editor's own analysis uses (so an open document's parse is shared, not repeated).
 */
import * as vscode from 'vscode';
import type { ViewTable } from '../analysis/viewTable';
import type { ReportCache } from '../worker/reportCache';
import { reportRequest } from './reportSource';
import { runLogParserOptions } from './runLogSettings';

export async function documentTables(reports: ReportCache, uri: string, signal?: AbortSignal): Promise<readonly ViewTable[] | undefined> {
  const parsed = vscode.Uri.parse(uri);
  let request;
  try {
    request = await reportRequest(parsed, runLogParserOptions(parsed));
  } catch {
    return undefined; // deleted meanwhile
  }
  const outcome = await reports.get(request.key, request.source, { signal });
  if (outcome.type === 'error') return undefined;
  const payload = outcome.payloads.find((p) => p.view === 'tables');
  return payload?.view === 'tables' ? payload.tables : undefined;
}
