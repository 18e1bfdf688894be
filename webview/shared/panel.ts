/**
 * Message wiring every panel shares: the common messages (panel/loading, panel/error) go to the
 * shell, the panel's own to its handler; a handler that throws becomes the panel's error (and an
 * `error` message to the extension), as do uncaught page errors. Posts `ready`, then handles the
 * standalone page's embedded initial message.
 */
import type { CommonToWebview } from '../../src/protocol';
import type { PanelShell } from './panelShell';
import { readInitialMessage, type WebviewApi } from './vscodeApi';

export interface StartPanelOptions<M extends { type: string }> {
  api: WebviewApi<unknown>;
  shell: PanelShell;
  /** Error title when the handler throws, e.g. 'Cannot show the flame graph'. */
  failTitle: string;
  handle(message: Exclude<M, CommonToWebview>): void;
}

export function startPanel<M extends { type: string }>(options: StartPanelOptions<M>): void {
  const { api, shell } = options;
  const fail = (title: string, err: unknown): void => {
    const message = err instanceof Error ? err.message : String(err);
    shell.showError(title, message);
    api.postMessage({ type: 'error', message });
  };
  const dispatch = (msg: M | CommonToWebview): void => {
    try {
      switch (msg.type) {
        case 'panel/loading': {
          const m = msg as Extract<CommonToWebview, { type: 'panel/loading' }>;
          shell.showLoading(m.title, m.percent);
          break;
        }
        case 'panel/error': {
          const m = msg as Extract<CommonToWebview, { type: 'panel/error' }>;
          shell.showError(m.title, m.message, m.location);
          break;
        }
        default:
          options.handle(msg as Exclude<M, CommonToWebview>);
      }
    } catch (err) {
      fail(options.failTitle, err);
    }
  };

  window.addEventListener('error', (e) => api.postMessage({ type: 'error', message: String(e.message) }));
  window.addEventListener('unhandledrejection', (e) => api.postMessage({ type: 'error', message: String(e.reason) }));
  window.addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data;
    if (data && typeof data === 'object' && typeof (data as { type?: unknown }).type === 'string') dispatch(data as M);
  });

  api.postMessage({ type: 'ready' });
  try {
    const initial = readInitialMessage();
    if (initial) dispatch(initial as unknown as M);
  } catch (err) {
    shell.showError('Cannot read the embedded profile', err instanceof Error ? err.message : String(err));
  }
}
