/**
 * Standalone SVG of the flame graph as drawn: computed colours and opacities inlined, HTML labels
 * (foreignObject) turned into SVG text, a background rect and a title. Text goes through the DOM
 * and XMLSerializer, so frame names are escaped.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ExportOptions {
  title: string;
  background: string;
  foreground: string;
  fontFamily: string;
  /** Plain-text tooltip per frame, e.g. "name (12.00%, 1,234 samples)". */
  describe: (g: SVGGElement) => string;
}

function fitLabel(text: string, width: number, fontSize: number): string {
  const room = Math.floor((width - 6) / (fontSize * 0.6));
  if (room < 3) return '';
  return text.length <= room ? text : `${text.slice(0, room - 1)}…`;
}

export function exportSvg(svg: SVGSVGElement, opts: ExportOptions): string {
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const graphHeight = Number(svg.getAttribute('height')) || svg.clientHeight;
  const header = 28;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(graphHeight + header));
  out.setAttribute('viewBox', `0 0 ${width} ${graphHeight + header}`);
  out.setAttribute('font-family', opts.fontFamily);

  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', opts.background);
  out.appendChild(bg);

  const title = document.createElementNS(SVG_NS, 'text');
  title.setAttribute('x', String(width / 2));
  title.setAttribute('y', '19');
  title.setAttribute('text-anchor', 'middle');
  title.setAttribute('font-size', '15');
  title.setAttribute('fill', opts.foreground);
  title.textContent = opts.title;
  out.appendChild(title);

  const graph = document.createElementNS(SVG_NS, 'g');
  graph.setAttribute('transform', `translate(0,${header})`);
  out.appendChild(graph);

  for (const g of Array.from(svg.querySelectorAll<SVGGElement>('g.frame'))) {
    const rect = g.querySelector('rect');
    if (!rect) continue;
    const w = Number(rect.getAttribute('width')) || 0;
    const h = Number(rect.getAttribute('height')) || 0;
    if (w <= 0) continue;
    const gs = getComputedStyle(g);
    const rs = getComputedStyle(rect);
    const fg = document.createElementNS(SVG_NS, 'g');
    fg.setAttribute('transform', g.getAttribute('transform') ?? '');
    const opacity = Number(gs.opacity);
    if (opacity < 1) fg.setAttribute('opacity', String(opacity));
    const tip = document.createElementNS(SVG_NS, 'title');
    tip.textContent = opts.describe(g);
    fg.appendChild(tip);
    const r = document.createElementNS(SVG_NS, 'rect');
    r.setAttribute('width', String(w));
    r.setAttribute('height', String(h));
    r.setAttribute('fill', rs.fill);
    r.setAttribute('stroke', rs.stroke);
    r.setAttribute('stroke-width', rs.strokeWidth);
    fg.appendChild(r);
    const labelDiv = g.querySelector('foreignObject div');
    const labelStyle = labelDiv ? getComputedStyle(labelDiv) : undefined;
    if (labelDiv && labelStyle && labelStyle.display !== 'none') {
      const fontSize = parseFloat(labelStyle.fontSize) || 12;
      const text = fitLabel(labelDiv.textContent ?? '', w, fontSize);
      if (text) {
        const t = document.createElementNS(SVG_NS, 'text');
        t.setAttribute('x', '4');
        t.setAttribute('y', String(h / 2 + fontSize * 0.35));
        t.setAttribute('font-size', String(fontSize));
        t.setAttribute('fill', labelStyle.color);
        if (labelStyle.fontStyle === 'italic') t.setAttribute('font-style', 'italic');
        t.textContent = text;
        fg.appendChild(t);
      }
    }
    graph.appendChild(fg);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}\n`;
}
