/**
 * The run-log settings (perflens.runLog.*) as parser options for the views: derived metrics and the
 * run name pattern. Undefined when both are at their defaults, so the views share the editor's parse.
 */
import * as vscode from 'vscode';
import type { FormatId } from '../model/format';
import type { DerivedMetricDefinition } from '../model/runLog';

export const RUN_LOG_SECTION = 'perflens.runLog';

/**
 * The options for `uri`: only when it is (or may be) a run log — an open document in another
 * language gets none, so its views and its editor features keep sharing one parse.
 */
export function runLogParserOptions(uri?: vscode.Uri): Partial<Record<FormatId, unknown>> | undefined {
  const open = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
  if (open && open.languageId !== 'run-log') return undefined;
  const config = vscode.workspace.getConfiguration(RUN_LOG_SECTION);
  const derivedMetrics = config.get<DerivedMetricDefinition[]>('derivedMetrics', []);
  const namePattern = config.get<string>('namePattern', '');
  if ((!Array.isArray(derivedMetrics) || derivedMetrics.length === 0) && !namePattern) return undefined;
  return { 'run-log': { derivedMetrics: Array.isArray(derivedMetrics) ? derivedMetrics : [], namePattern } };
}

/** Calls `onChange` when a run-log setting changes. */
export function onRunLogSettingsChange(onChange: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(RUN_LOG_SECTION)) onChange();
  });
}
