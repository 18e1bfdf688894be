/**
 * A text-only tooltip that follows the mouse (d3-flame-graph's own can use innerHTML). One per page
 * is enough for any number of views: only one thing is hovered at a time.
 */
import { el } from './dom';

export interface TooltipContent {
  title: string;
  lines?: readonly string[];
  /** Muted last line, e.g. "Click to zoom". */
  hint?: string;
}

export interface Tooltip {
  readonly element: HTMLElement;
  readonly visible: boolean;
  show(event: MouseEvent, content: TooltipContent): void;
  /** Follows the mouse while shown. */
  move(event: MouseEvent): void;
  hide(): void;
  /** Removes the element. */
  remove(): void;
}

export function createTooltip(attrs: Record<string, string> = {}, parent: HTMLElement = document.body): Tooltip {
  const tip = el('div', { ...attrs, class: 'pl-tooltip', role: 'tooltip', hidden: '' });
  parent.append(tip);

  const move = (event: MouseEvent): void => {
    if (tip.hidden) return;
    const pad = 12;
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    let x = event.clientX + pad;
    let y = event.clientY + pad;
    if (x + w > window.innerWidth - 4) x = Math.max(4, event.clientX - w - pad);
    if (y + h > window.innerHeight - 4) y = Math.max(4, event.clientY - h - pad);
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
  };

  return {
    element: tip,
    get visible() {
      return !tip.hidden;
    },
    show(event, content) {
      const lines = (content.lines ?? []).map((l) => el('div', { class: 'line' }, l));
      const hint = content.hint ? [el('div', { class: 'hint' }, content.hint)] : [];
      tip.replaceChildren(el('div', { class: 'name' }, content.title), ...lines, ...hint);
      tip.hidden = false;
      move(event);
    },
    move,
    hide() {
      tip.hidden = true;
    },
    remove() {
      tip.remove();
    },
  };
}
