/**
 * The report cache's key and source for a URI, the same for every consumer: an open document with
 * unsaved changes (or not on disk) is parsed from its text and keyed by its version; anything else
 * is streamed from disk by the worker and keyed by mtime and size. So the editor's diagnostics and
 * the flame graph of one file share one parse.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { FormatId } from '../model/format';
import { formatById, formatByLanguage } from '../parsers/formats';
import type { FormatDefinition } from '../parsers/formatDefinition';
import { detectFormat } from '../parsers/detect';
import { readFileHead } from '../io/decode';
import type { ReportKey, ReportSource } from '../worker/reportCache';

export interface ReportRequest {
  key: ReportKey;
  source: ReportSource;
  /** Size on disk, for progress (0 when unknown). */
  size: number;
}

export async function reportRequest(uri: vscode.Uri, parserOptions?: Partial<Record<FormatId, unknown>>): Promise<ReportRequest> {
  const title = basename(uri.path);
  const name = uri.scheme === 'file' ? uri.fsPath : uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  // The document's language is the format the user chose (or detection did); keep it.
  const def = open ? formatByLanguage(open.languageId) : undefined;
  const format = def?.parser ? def.id : undefined;
  const base = { uri: uri.toString(), format, parserOptions };
  if (open && (open.isDirty || open.isUntitled || uri.scheme !== 'file')) {
    return { key: { ...base, stamp: `v${open.version}` }, source: { text: open.getText(), name, title }, size: 0 };
  }
  const stat = await vscode.workspace.fs.stat(uri);
  const key = { ...base, stamp: `${stat.mtime}:${stat.size}` };
  if (uri.scheme === 'file') return { key, source: { path: uri.fsPath, name, title }, size: stat.size };
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return { key, source: { text, name, title }, size: stat.size };
}

const HEAD_BYTES = 65536;

/** The first 64 KiB of a report, for detection (a 1 GB file on disk is not read whole). */
export async function readHead(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'file') return readFileHead(uri.fsPath, HEAD_BYTES).toString('utf8');
  return new TextDecoder().decode((await vscode.workspace.fs.readFile(uri)).subarray(0, HEAD_BYTES));
}

/** The format of a report: its open document's language when it has one, else detected from its head. */
export async function reportFormat(uri: vscode.Uri): Promise<FormatDefinition | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const byLanguage = open ? formatByLanguage(open.languageId) : undefined;
  if (byLanguage?.parser) return byLanguage;
  return formatById(detectFormat(await readHead(uri)).format ?? '');
}
