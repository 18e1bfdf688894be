import * as assert from 'node:assert/strict';
import { callTreeFromJson } from '../../src/model/callTree';
import { contentSecurityPolicy, jsonForScript, makeNonce, renderWebviewHtml } from '../../src/page/webviewHtml';
import type { ToWebview } from '../../src/protocol';

const HOSTILE = '</script><img src=x onerror=alert(1)>';
const NONCE = 'AbCdEfGhIjKlMnOpQrStUv';

function showMessage(names: string[]): ToWebview {
  return {
    type: 'flameGraph/show',
    meta: {
      title: HOSTILE,
      format: 'folded',
      facts: {},
      events: [],
      samples: 3,
      unit: 'samples',
      warnings: [{ line: 2, message: `bad ${HOSTILE}` }],
      droppedWarnings: 0,
    },
    tree: callTreeFromJson({
      names: ['all', ...names],
      nodeName: [0, ...names.map((_, i) => i + 1)],
      parent: [-1, ...names.map((_, i) => i)],
      columns: [{ label: '', total: [3, ...names.map(() => 3)], self: [0, ...names.map((_, i) => (i === names.length - 1 ? 3 : 0))] }],
    }),
  };
}

function scriptTags(html: string): string[] {
  return html.match(/<script\b[^>]*>/gi) ?? [];
}

describe('renderWebviewHtml', () => {
  it('sets the strict CSP in a meta tag', () => {
    const html = renderWebviewHtml({ title: 't', nonce: NONCE, cspSource: 'https://*.vscode-cdn.net', scriptUri: 'https://x.vscode-cdn.net/flamegraph.js' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(csp, 'CSP meta tag');
    const policy = csp[1].replace(/&#39;/g, "'");
    assert.equal(
      policy,
      `default-src 'none'; img-src https://*.vscode-cdn.net data:; style-src https://*.vscode-cdn.net 'nonce-${NONCE}'; font-src https://*.vscode-cdn.net; script-src 'nonce-${NONCE}';`,
    );
    assert.ok(!/unsafe-(inline|eval)/.test(policy));
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'CSP comes before any script');
  });

  it('standalone policy (no cspSource) loads nothing remote', () => {
    const policy = contentSecurityPolicy(NONCE, '');
    assert.equal(contentSecurityPolicy(NONCE, "'none'"), policy);
    assert.match(policy, /^default-src 'none'; img-src data:; style-src 'nonce-[^']+'; font-src 'none'; script-src 'nonce-[^']+';$/);
  });

  it('puts the nonce on every script, style and stylesheet link', () => {
    const html = renderWebviewHtml({
      title: 't',
      nonce: NONCE,
      cspSource: 'vscode-resource:',
      scriptUri: 'vscode-resource:/a.js',
      styleUris: ['vscode-resource:/a.css'],
      inlineScript: 'console.log(1)',
      inlineStyles: ['body{}'],
      initialMessage: { type: 'panel/loading', title: 'x' },
    });
    const scripts = scriptTags(html);
    assert.equal(scripts.length, 3);
    for (const tag of scripts) assert.ok(tag.includes(`nonce="${NONCE}"`), tag);
    for (const tag of html.match(/<(style|link)\b[^>]*>/gi) ?? []) assert.ok(tag.includes(`nonce="${NONCE}"`), tag);
    assert.ok(!/https?:\/\//.test(html.replace(/<meta http-equiv[^>]*>/, '')), 'no remote content');
  });

  it('escapes hostile titles and frame names in the embedded message', () => {
    const msg = showMessage([HOSTILE, 'a\u2028b\u2029c', '<!--', 'x & y']);
    const html = renderWebviewHtml({ title: HOSTILE, nonce: NONCE, cspSource: '', inlineScript: 'void 0', initialMessage: msg });
    assert.ok(!html.includes('<img'), 'no raw <img');
    assert.ok(!html.includes('<!--'), 'no comment opener');
    assert.ok(!/[\u2028\u2029]/.test(html), 'line separators escaped');
    // Exactly the scripts we wrote: the JSON cannot close its element.
    assert.equal(scriptTags(html).length, 2);
    assert.equal((html.match(/<\/script>/g) ?? []).length, 2);
    const json = /<script type="application\/json" id="perflens-initial" nonce="[^"]+">([^<]*)<\/script>/.exec(html);
    assert.ok(json, 'initial message element');
    const back = JSON.parse(json[1]);
    // Typed arrays travel as plain arrays; the page turns them back (callTreeFromJson).
    assert.deepEqual({ ...back, tree: callTreeFromJson(back.tree) }, msg, 'round-trips exactly');
    assert.ok(html.includes('<title>&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;</title>'));
  });

  it('keeps an inline bundle from closing its script element', () => {
    const html = renderWebviewHtml({ title: 't', nonce: NONCE, cspSource: '', inlineScript: 'const s = "</script><script>alert(1)</script>";' });
    assert.equal((html.match(/<\/script/gi) ?? []).length, 1, 'only the real closing tag');
    assert.ok(html.includes('"<\\/script><script>alert(1)<\\/script>"'));
  });

  it('escapes JSON for script elements', () => {
    assert.equal(jsonForScript({ a: '</script>&\u2028' }), '{"a":"\\u003c/script\\u003e\\u0026\\u2028"}');
    assert.equal(jsonForScript({ t: new Int32Array([1, -1]), w: new Float64Array([0.5]) }), '{"t":[1,-1],"w":[0.5]}', 'typed arrays as plain arrays');
  });

  it('rejects unusable nonces and cspSource values', () => {
    assert.throws(() => renderWebviewHtml({ title: 't', nonce: 'short', cspSource: '' }));
    assert.throws(() => renderWebviewHtml({ title: 't', nonce: `${NONCE}" onload="x`, cspSource: '' }));
    assert.throws(() => renderWebviewHtml({ title: 't', nonce: NONCE, cspSource: "x; script-src 'unsafe-inline'" }));
  });

  it('starts in the loading state and never renders an empty body', () => {
    const html = renderWebviewHtml({ title: 'perf.txt', nonce: NONCE, cspSource: '' });
    assert.match(html, /<body data-state="loading">/);
    assert.match(html, /Loading perf\.txt…/);
  });
});

describe('makeNonce', () => {
  it('is random and valid as a CSP nonce', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const n = makeNonce();
      assert.match(n, /^[A-Za-z0-9+/]{22}$/);
      seen.add(n);
    }
    assert.equal(seen.size, 100);
  });
});
