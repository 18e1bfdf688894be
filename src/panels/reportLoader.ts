/**
 * What every report panel does to get its view: ask the report cache (parsed in the worker when
 * needed) with a cancellable progress notification, show loading and percent in the webview, log
 * where the time went, and turn failures into the panel's located error. The panel then shows the
 * payload it asked for.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { FormatId, ViewKind } from '../model/format';
import type { CommonToWebview, PanelProtocol } from '../protocol/common';
import { describeFormats, formatById, formatsWithView } from '../parsers/formats';
import type { WorkerPayload } from '../worker/messages';
import type { PanelContext } from './panelContext';
import { reportRequest } from './reportSource';
import type { WebviewPanelHost } from './webviewPanelHost';
import { abortSignal } from './workerGlue';

/** How the view is named in messages: 'flame graph', 'tables'. */
const VIEW_NAMES: Record<ViewKind, string> = { flameGraph: 'a flame graph', tables: 'tables', statChart: 'the counter chart', syscallCosts: 'syscall costs', charts: 'charts' };

export interface LoadViewOptions {
  parserOptions?: Partial<Record<FormatId, unknown>>;
  /** The load's cancellation; a newer load of the same panel cancels it. */
  cancel: vscode.CancellationTokenSource;
  /** False once a newer load superseded this one: its result is dropped. */
  isCurrent(): boolean;
}

/** The payload of `view` for `source`, or undefined after showing why there is none (or when superseded). */
export async function loadReportView<P extends PanelProtocol & { toWebview: CommonToWebview | P['toWebview'] }, V extends ViewKind>(
  ctx: PanelContext,
  host: WebviewPanelHost<P>,
  source: vscode.Uri,
  view: V,
  options: LoadViewOptions,
): Promise<Extract<WorkerPayload, { view: V }> | undefined> {
  const title = basename(source.path);
  const { cancel: cts } = options;
  host.show({ type: 'panel/loading', title } as P['toWebview']);
  let request;
  try {
    request = await reportRequest(source, options.parserOptions);
  } catch (err) {
    host.show({ type: 'panel/error', title, message: `${source.fsPath || source.toString()}: ${(err as Error).message}` } as P['toWebview']);
    return undefined;
  }
  const { key, source: text, size } = request;
  const started = Date.now();
  const parsesBefore = ctx.reports.parses;
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `PerfLens: parsing ${title}`, cancellable: true },
    (progress, token) => {
      token.onCancellationRequested(() => cts.cancel());
      let reported = 0;
      const onProgress = (bytes: number): void => {
        if (size <= 0) return;
        const pct = Math.min(100, (bytes / size) * 100);
        progress.report({ increment: pct - reported, message: `${Math.round(pct)}%` });
        reported = pct;
        host.send({ type: 'panel/loading', title, percent: Math.round(pct) } as P['toWebview']);
      };
      return ctx.reports.get(key, text, { onProgress, signal: abortSignal(cts.token) });
    },
  );
  if (cts.token.isCancellationRequested && !options.isCurrent()) return undefined;
  const what = VIEW_NAMES[view];
  const how = ctx.reports.parses === parsesBefore ? 'from the report cache' : 'parsed';
  if (outcome.type === 'error') {
    ctx.log.warn(`${what} of ${text.name}: ${outcome.message}`);
    const location = outcome.line !== undefined ? { file: text.name, line: outcome.line } : undefined;
    host.show({ type: 'panel/error', title, message: outcome.message, location } as P['toWebview']);
    return undefined;
  }
  const t = outcome.timings;
  ctx.log.info(`${what} of ${text.name}: ${how} in ${Date.now() - started} ms` + (t ? ` (worker: ${t.bytes} bytes parsed in ${t.parseMs} ms, payloads built in ${t.payloadsMs} ms)` : ''));
  const payload = outcome.payloads.find((p): p is Extract<WorkerPayload, { view: V }> => p.view === view);
  if (!payload) {
    const format = formatById(outcome.format);
    const needs = `${what} needs ${describeFormats(formatsWithView(view))}`;
    const has = format?.views.includes(view) ? `this ${format.displayName} has nothing to show in it` : `this is ${format?.displayName ?? outcome.format}`;
    host.show({ type: 'panel/error', title, message: `${text.name}:1: ${needs}; ${has}` } as P['toWebview']);
    return undefined;
  }
  return payload;
}

/** Calls `onChange` (debounced) when the file is written or replaced on disk. */
export function watchFile(file: vscode.Uri, onChange: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(
    new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), basename(file.path)),
    false,
    false,
    true,
  );
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 500);
  };
  const subs = [watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed)];
  return {
    dispose: () => {
      clearTimeout(timer);
      subs.forEach((d) => d.dispose());
    },
  };
}

/**
 * Shows line `line` (1-based, as the webviews send it) of `source`, the file the panel shows, in
 * its visible editor (or the first column), selected and centred; the panel keeps the focus. Only
 * lines of the panel's own file: a webview cannot make us open anything else.
 */
export async function revealSourceLine(source: vscode.Uri, line: number): Promise<void> {
  const l = Math.max(0, Math.floor(line) - 1);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source.toString());
  const editor = await vscode.window.showTextDocument(source, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: true, preview: true });
  const range = new vscode.Range(l, 0, l, 0);
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** One load of a panel: its cancellation, and whether it is still the newest. */
export type LoadHandle = Pick<LoadViewOptions, 'cancel' | 'isCurrent'>;

/** A panel's loads: starting one cancels the one in flight, whose result is then dropped. */
export class LoadSequence implements vscode.Disposable {
  private current: vscode.CancellationTokenSource | undefined;

  next(): LoadHandle {
    this.current?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.current = cts;
    return { cancel: cts, isCurrent: () => this.current === cts };
  }

  dispose(): void {
    this.current?.cancel();
  }
}
