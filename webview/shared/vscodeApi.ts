/**
 * Typed access to the VS Code webview API, with a stand-in when the page runs outside VS Code
 * (the standalone HTML written by `perflens flamegraph FILE -o out.html`).
 */
import type { FromWebview, ToWebview } from '../../src/protocol';

export interface WebviewApi<State> {
  postMessage(message: FromWebview): void;
  getState(): State | undefined;
  setState(state: State): void;
  /** False for the standalone stand-in: there is no extension to answer messages. */
  readonly inVsCode: boolean;
}

interface RawVsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): RawVsCodeApi;

let cached: WebviewApi<unknown> | undefined;

/** acquireVsCodeApi may be called once per page; this caches the result. */
export function getVsCodeApi<State>(): WebviewApi<State> {
  if (!cached) {
    if (typeof acquireVsCodeApi === 'function') {
      const raw = acquireVsCodeApi();
      cached = {
        inVsCode: true,
        postMessage: (m) => raw.postMessage(m),
        getState: () => raw.getState() ?? undefined,
        setState: (s) => raw.setState(s),
      };
    } else {
      let state: unknown;
      cached = {
        inVsCode: false,
        postMessage: () => {
          /* standalone page: nobody listens */
        },
        getState: () => state,
        setState: (s) => {
          state = s;
        },
      };
    }
  }
  return cached as WebviewApi<State>;
}

/** The message embedded by renderWebviewHtml in `<script type="application/json" id="perflens-initial">`. */
export function readInitialMessage(doc: Document = document): ToWebview | undefined {
  const el = doc.getElementById('perflens-initial');
  const text = el?.textContent;
  if (!text || !text.trim()) return undefined;
  const parsed: unknown = JSON.parse(text);
  if (parsed && typeof parsed === 'object' && typeof (parsed as { type?: unknown }).type === 'string') {
    return parsed as ToWebview;
  }
  return undefined;
}

/** Adds CSS to the document under a strict CSP: a constructed sheet, or a nonce'd <style> as fallback. */
export function addStyles(cssText: string, doc: Document = document): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return;
  } catch {
    /* older engines: fall through */
  }
  const style = doc.createElement('style');
  const nonce = (doc.querySelector('script[nonce]') as HTMLScriptElement | null)?.nonce;
  if (nonce) style.nonce = nonce;
  style.textContent = cssText;
  doc.head.appendChild(style);
}
