/**
 * d3-flame-graph animates every attribute change through d3-transition. With transitionDuration(0)
 * those transitions only defer the final values to the next animation frame, at the cost of a timer,
 * tween closures and a getAttribute per element and attribute: on a few thousand frames that was
 * most of the time of a zoom. A zoom here re-prunes and redraws different data anyway (nothing to
 * animate between), so transitions become synchronous: the same end state, applied at once.
 */
import { selection } from 'd3-selection';

type Value = unknown;
interface Applier {
  attr(name: string, value: Value): unknown;
  style(name: string, value: Value, priority?: string): unknown;
  text(value: Value): unknown;
  each(f: (...args: unknown[]) => void): unknown;
  remove(): unknown;
}

export function makeTransitionsInstant(): void {
  const proto = selection.prototype as unknown as { transition: (this: Applier) => unknown };
  proto.transition = function (this: Applier) {
    return instant(this);
  };
}

function instant(sel: Applier): object {
  const t = {
    duration: () => t,
    delay: () => t,
    ease: () => t,
    on: () => t,
    transition: () => t,
    attr: (name: string, value: Value) => (sel.attr(name, value), t),
    style: (name: string, value: Value, priority?: string) => (sel.style(name, value, priority), t),
    text: (value: Value) => (sel.text(value), t),
    each: (f: (...args: unknown[]) => void) => (sel.each(f), t),
    remove: () => (sel.remove(), t),
    selection: () => sel,
  };
  return t;
}
