/**
 * What a panel asks of its host: copy text, save a file (any export: SVG, PNG, CSV …). Inside VS
 * Code the extension does it (copyText, saveFile messages); the standalone page does it itself.
 */
import type { CommonFromWebview } from '../../src/protocol';
import { el } from './dom';
import type { WebviewApi } from './vscodeApi';

export function copyText(api: WebviewApi<unknown>, text: string): void {
  if (api.inVsCode) api.postMessage({ type: 'copyText', text });
  else void navigator.clipboard?.writeText(text).catch(() => undefined);
}

export type SaveFileRequest = Omit<Extract<CommonFromWebview, { type: 'saveFile' }>, 'type'> & {
  /** MIME type of the standalone page's download. */
  mimeType: string;
};

export function saveFile(api: WebviewApi<unknown>, request: SaveFileRequest): void {
  const { mimeType, ...file } = request;
  if (api.inVsCode) {
    api.postMessage({ type: 'saveFile', ...file });
    return;
  }
  const bytes =
    file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : new TextEncoder().encode(file.content);
  const a = el('a', { download: file.fileName });
  a.href = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
