// d3-flame-graph and d3-selection ship no types (and @types/d3-* are not installed): this declares
// the small part of their API PerfLens uses. Delete the d3-selection block if @types/d3-selection
// is ever added.
declare module 'd3-selection' {
  export interface Selection<E extends Element, D> {
    datum<N>(value: N): Selection<E, N>;
    call(f: (selection: this) => void): this;
    selectAll<E2 extends Element = Element, D2 = unknown>(selector: string): Selection<E2, D2>;
    each(f: (this: E, d: D, i: number, nodes: E[]) => void): this;
    on(type: string, listener: ((this: E, event: MouseEvent, d: D) => void) | null): this;
    node(): E | null;
    size(): number;
  }
  export function select<E extends Element>(node: E): Selection<E, unknown>;
  /** The selection constructor; its prototype is what d3-transition extends. */
  export const selection: { (): Selection<Element, unknown>; readonly prototype: object };
}

declare module 'd3-flame-graph' {
  import type { Selection } from 'd3-selection';

  /** The d3-hierarchy node d3-flame-graph lays out for each datum. */
  export interface FlameNode<D> {
    data: D;
    id: number;
    depth: number;
    value: number;
    x0: number;
    x1: number;
    parent: FlameNode<D> | null;
    children?: FlameNode<D>[];
  }

  export interface FlameTooltip<D> {
    (selection: unknown): void;
    show(event: MouseEvent, d: FlameNode<D>): unknown;
    hide(): unknown;
    destroy?(): void;
  }

  export interface FlameGraph<D> {
    (selection: Selection<HTMLElement, D>): void;
    width(): number;
    width(w: number): this;
    height(h: number | null): this;
    minHeight(h: number): this;
    cellHeight(h: number): this;
    transitionDuration(ms: number): this;
    inverted(on: boolean): this;
    inverted(): boolean;
    sort(s: boolean | ((a: FlameNode<D>, b: FlameNode<D>) => number)): this;
    selfValue(on: boolean): this;
    resetHeightOnZoom(on: boolean): this;
    minFrameSize(px: number): this;
    tooltip(tip: FlameTooltip<D>): this;
    getName(f: (d: FlameNode<D>) => string): this;
    setColorMapper(f: (d: FlameNode<D>, original: string) => string): this;
    setLabelHandler(f: (d: FlameNode<D>) => string): this;
    onClick(f: (d: FlameNode<D>) => void): this;
    update(data?: D): this;
    destroy(): this;
  }

  export default function flamegraph<D = unknown>(): FlameGraph<D>;
}
