/**
 * The VS Code theme as a page sees it: the --vscode-* variables (set on <html> by VS Code, or the
 * standalone fallbacks of theme.css) resolved to colours, and a signal when the theme changes.
 */
import { el } from './dom';

/**
 * Resolves CSS colour expressions, e.g. `var(--vscode-charts-red, #f14c4c)`, to computed colours
 * (`rgb(…)`), read inside `within` so variables set there count.
 */
export function computedColors<K extends string>(exprs: Record<K, string>, within: Element = document.body): Record<K, string> {
  const probe = el('span', { hidden: '' });
  within.append(probe);
  const out = {} as Record<K, string>;
  for (const key of Object.keys(exprs) as K[]) {
    probe.style.color = '';
    probe.style.color = exprs[key];
    out[key] = getComputedStyle(probe).color;
  }
  probe.remove();
  return out;
}

/** Calls `onChange` when VS Code switches theme (body classes, <html> style); returns the unsubscribe. */
export function onThemeChange(onChange: () => void, doc: Document = document): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(doc.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}

/** One colour per series (run, block) and the axes' text and grid colours of charts, from the theme's chart colours (VS Code's dark defaults standalone). */
const CHART_SERIES = ['blue #3794ff', 'orange #d18616', 'green #89d185', 'purple #b180d7', 'red #f14c4c', 'yellow #cca700'];

export function chartColors(within: Element = document.body): { series: string[]; text: string; grid: string } {
  const exprs: Record<string, string> = { text: 'var(--vscode-foreground, #ccc)', grid: 'var(--vscode-panel-border, #8884)' };
  CHART_SERIES.forEach((s, i) => {
    const [name, fallback] = s.split(' ');
    exprs[`c${i}`] = `var(--vscode-charts-${name}, ${fallback})`;
  });
  const c = computedColors(exprs, within);
  return { series: CHART_SERIES.map((_, i) => c[`c${i}`]), text: c.text, grid: c.grid };
}
