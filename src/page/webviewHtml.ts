/**
 * The HTML page of a webview (VS Code panel or the CLI's standalone file). Pure: no `vscode`
 * import, so the CLI and tests use it too.
 *
 * Security: a strict CSP (no remote content, scripts only with the page nonce); every string from
 * a report is escaped; the initial message is JSON inside a non-executed script element with `<`,
 * `>`, `&`, U+2028 and U+2029 escaped, so no frame name can close the element or start markup.
 */
import { randomBytes } from 'node:crypto';
import type { ToWebview } from '../protocol';

export interface WebviewHtmlOptions {
  title: string;
  nonce: string;
  /** `webview.cspSource` in VS Code; '' for a standalone page (everything inline). */
  cspSource: string;
  scriptUri?: string;
  styleUris?: string[];
  /** Inline script bodies (standalone page): the bundle itself. */
  inlineScript?: string;
  inlineStyles?: string[];
  /** Handled by the page's script as if it had been posted (see readInitialMessage). */
  initialMessage?: ToWebview;
}

/** 128 bits of randomness, base64 without padding (a valid CSP nonce). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64').replace(/=+$/, '');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe to place inside a `<script>` element. */
export function jsonForScript(value: unknown): string {
  // Typed arrays (call trees) as plain arrays; the page turns them back.
  const plain = (_key: string, v: unknown): unknown => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v);
  return (JSON.stringify(value, plain) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Keeps inline code from ending its element early (`</script`, `<!--`), without changing meaning in JS/CSS strings. */
function guardInline(code: string, tag: 'script' | 'style'): string {
  const close = new RegExp(`</(${tag})`, 'gi');
  return code.replace(close, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  // "'none'" (or nothing) means a standalone page: only inline, nonce'd content.
  if (cspSource.trim() === `'none'`) cspSource = '';
  const src = cspSource ? `${cspSource} ` : '';
  return [
    `default-src 'none'`,
    `img-src ${src}data:`,
    `style-src ${src}'nonce-${nonce}'`,
    `font-src ${cspSource || `'none'`}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ') + ';';
}

export function renderWebviewHtml(opts: WebviewHtmlOptions): string {
  const { nonce, cspSource } = opts;
  if (!/^[A-Za-z0-9+/_-]{16,}$/.test(nonce)) throw new Error('renderWebviewHtml: nonce must be 16+ base64 characters');
  if (/[;,"<>\r\n]/.test(cspSource)) throw new Error('renderWebviewHtml: invalid cspSource');
  const n = escapeHtml(nonce);
  const lines: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(nonce, cspSource))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${escapeHtml(opts.title)}</title>`,
  ];
  for (const href of opts.styleUris ?? []) lines.push(`<link rel="stylesheet" nonce="${n}" href="${escapeHtml(href)}">`);
  for (const css of opts.inlineStyles ?? []) lines.push(`<style nonce="${n}">${guardInline(css, 'style')}</style>`);
  lines.push('</head>', '<body data-state="loading">');
  lines.push(`<div id="perflens-boot">Loading ${escapeHtml(opts.title)}…</div>`);
  if (opts.initialMessage !== undefined) {
    lines.push(`<script type="application/json" id="perflens-initial" nonce="${n}">${jsonForScript(opts.initialMessage)}</script>`);
  }
  if (opts.scriptUri) lines.push(`<script nonce="${n}" src="${escapeHtml(opts.scriptUri)}"></script>`);
  if (opts.inlineScript !== undefined) lines.push(`<script nonce="${n}">${guardInline(opts.inlineScript, 'script')}</script>`);
  lines.push('</body>', '</html>', '');
  return lines.join('\n');
}
