/**
 * The flame graph as a component: `createFlameGraphView(element, options)` draws a CallTree with
 * d3-flame-graph inside `element`, pruned to what is visible at the current zoom (pruning.ts), with
 * a breadcrumb of the zoom path, click-to-zoom, search highlighting, flame/icicle orientation,
 * tooltips and SVG export. Everything it keeps is per instance, so several views can share a page
 * (a comparison shows two side by side and can keep their zoom in step with syncZoom).
 *
 * DOM: `element` gets class pl-flamegraph-view and holds a .pl-breadcrumb, a .pl-empty note and the
 * .pl-flamegraph graph; every drawn frame is a `g.frame` with data-name and data-percent (share of
 * the whole profile, toFixed(2)). Ids only when `options.ids` asks (the single-view page's
 * #flamegraph and #breadcrumb). Frame names only ever reach the DOM as text.
 */
import flamegraph, { type FlameGraph, type FlameNode } from 'd3-flame-graph';
import { select } from 'd3-selection';
import d3FlameGraphCss from '../../node_modules/d3-flame-graph/dist/d3-flamegraph.css';
import type { CallTree } from '../../src/model/callTree';
import type { FlameGraphMeta, FlameGraphViewState } from '../../src/protocol';
import { el } from '../shared/dom';
import { Emitter } from '../shared/events';
import { useStyles, useThemeStyles } from '../shared/styles';
import { computedColors, onThemeChange } from '../shared/theme';
import { createTooltip, type Tooltip } from '../shared/tooltip';
import { DEFAULT_PALETTE, frameColor, hasAnnotations, parseColor, type Palette, type Rgb } from './colors';
import { describeChange, diffClass, diffColor, frameDeltas, frameNoise, largestChange, weightWord } from './diffColors';
import { exportSvg } from './exportSvg';
import { describeFrame, frameName, framePercent, svgFileName } from './frameText';
import { makeTransitionsInstant } from './instantTransitions';
import { pruneForZoom, type FrameDatum, type PrunedView } from './pruning';
import { makeMatcher, matchNames, searchStats, searchSummary, type SearchStats } from './search';
import { findPath, findPrefix, indexTree, pathOf, type TreeIndex } from './treeIndex';
import viewCss from './styles.css';

export type Orientation = FlameGraphViewState['orientation'];

/** What a view can restore and reports when it changes (the panel saves it with setState). */
export type ViewState = Pick<FlameGraphViewState, 'zoomPath' | 'search' | 'orientation'>;

export interface FlameGraphViewOptions {
  /** The page's tooltip (one is enough for all views); a view makes its own when none is given. */
  tooltip?: Tooltip;
  /** Ids for the single-view page's test contract, e.g. { graph: 'flamegraph', breadcrumb: 'breadcrumb' }. */
  ids?: { graph?: string; breadcrumb?: string };
  /** Weight column of the tree to draw (a run of a multi-run tree). Default 0. */
  column?: number;
  /** State before the first show (show's `state` argument wins). */
  state?: Partial<ViewState>;
}

export interface ZoomChange {
  /** The zoomed CallTree node (0 = the whole profile). */
  idx: number;
  /** Names from the root (excluded) to it: what another view of another tree can follow. */
  path: string[];
}

export interface SearchChange {
  term: string;
  /** "3 frames match, 12.50% of samples", or '' without a search. */
  summary: string;
  stats?: SearchStats;
}

export interface FlameGraphViewEvents {
  zoom: ZoomChange;
  search: SearchChange;
  orientation: { orientation: Orientation };
  /** After any change worth saving (zoom, search, orientation, a new tree). */
  state: ViewState;
}

export interface FlameGraphView {
  readonly element: HTMLElement;
  /** True once a tree is shown. */
  readonly loaded: boolean;
  readonly state: Readonly<ViewState>;
  readonly zoomIdx: number;
  readonly index: TreeIndex | undefined;
  /**
   * Draws `tree` (its `options.column` weights). `state` restores zoom path, search and
   * orientation; what it leaves out stays as it was (a zoom path missing from the new tree resets).
   */
  show(tree: CallTree, meta: FlameGraphMeta, state?: Partial<ViewState>): void;
  zoomTo(idx: number): void;
  /** Zooms to the frame at `path`, or to its deepest ancestor this tree has; true when found exactly. */
  zoomToPath(path: readonly string[]): boolean;
  /** One level up; false when not zoomed. */
  zoomOut(): boolean;
  resetZoom(): void;
  /** Highlights frames whose name matches `term` (text, or /regex/flags); '' clears. */
  search(term: string): SearchChange;
  setOrientation(orientation: Orientation): void;
  /** The graph as drawn, as a standalone SVG file; undefined before a tree is drawn. */
  exportSvg(): { fileName: string; text: string } | undefined;
  on<K extends keyof FlameGraphViewEvents>(type: K, listener: (event: FlameGraphViewEvents[K]) => void): () => void;
  /** Stops observers and timers, removes what the view added to `element`. */
  destroy(): void;
}

type Node = FlameNode<FrameDatum>;
type Frame = SVGGElement & { __data__?: Node };

const CELL_HEIGHT = 18;
/** d3-flame-graph hides labels of frames narrower than this (px). */
const LABEL_MIN_WIDTH = 35;
/** "other" frames (merged callees) narrower than this are not drawn: they could not be seen. */
const MIN_OTHER_PX = 1;

const PALETTE_VARIABLES: Record<keyof Palette, string> = {
  red: 'var(--vscode-charts-red, rgb(241,76,76))',
  orange: 'var(--vscode-charts-orange, rgb(209,134,22))',
  yellow: 'var(--vscode-charts-yellow, rgb(204,167,0))',
  green: 'var(--vscode-charts-green, rgb(137,209,133))',
  blue: 'var(--vscode-charts-blue, rgb(55,148,255))',
};

function normalizeState(s: Partial<ViewState> | undefined, base: ViewState): ViewState {
  const out = { ...base };
  if (s) {
    if (Array.isArray(s.zoomPath) && s.zoomPath.every((n) => typeof n === 'string')) out.zoomPath = [...s.zoomPath];
    if (typeof s.search === 'string') out.search = s.search;
    if (s.orientation === 'flame' || s.orientation === 'icicle') out.orientation = s.orientation;
  }
  return out;
}

export function createFlameGraphView(element: HTMLElement, options: FlameGraphViewOptions = {}): FlameGraphView {
  makeTransitionsInstant();
  useThemeStyles();
  useStyles('d3-flame-graph', d3FlameGraphCss);
  useStyles('perflens-flamegraph', viewCss);

  // -------------------------------------------------------------------------------------------
  // DOM

  const breadcrumb = el('div', { class: 'pl-breadcrumb', 'aria-label': 'Zoom path', hidden: '' });
  const empty = el('div', { class: 'pl-empty', role: 'status', hidden: '' });
  const graph = el('div', { class: 'pl-flamegraph' });
  if (options.ids?.breadcrumb) breadcrumb.id = options.ids.breadcrumb;
  if (options.ids?.graph) graph.id = options.ids.graph;
  element.classList.add('pl-flamegraph-view');
  element.append(breadcrumb, empty, graph);
  const tooltip = options.tooltip ?? createTooltip();
  const events = new Emitter<FlameGraphViewEvents>();

  // -------------------------------------------------------------------------------------------
  // State (all of it per instance)

  interface Loaded {
    meta: FlameGraphMeta;
    index: TreeIndex;
    mixedPalette: boolean;
    /** Differential graphs: each node's change of share (points) and the largest |change|. */
    deltas?: Float64Array;
    /** Each node's change in the noise threshold's unit (points or weight), for neutral frames. */
    noise?: Float64Array;
    maxDelta: number;
  }
  let loaded: Loaded | undefined;
  let view: PrunedView | undefined;
  let zoomIdx = 0;
  let nameMatch: Uint8Array | undefined;
  let state: ViewState = normalizeState(options.state, { zoomPath: [], search: '', orientation: 'flame' });
  let palette: Palette = DEFAULT_PALETTE;
  const colorCache = new Map<string, string>();
  let mounted = false;
  /** Content width of the graph, kept by the ResizeObserver (reading layout in draw() would force it). */
  let graphContentWidth = 0;
  let scrollFrame = 0;
  let resizeFrame = 0;

  const drawable = (): boolean => !!loaded && loaded.index.rootTotal > 0;
  const emitState = (): void => events.emit('state', { ...state, zoomPath: [...state.zoomPath] });

  // -------------------------------------------------------------------------------------------
  // Colours

  function readPalette(): Palette {
    const css = computedColors(PALETTE_VARIABLES, element);
    const read = (k: keyof Palette): Rgb => parseColor(css[k]) ?? DEFAULT_PALETTE[k];
    return { red: read('red'), orange: read('orange'), yellow: read('yellow'), green: read('green'), blue: read('blue') };
  }

  function colorOf(d: FrameDatum): string {
    const diff = loaded?.meta.diff;
    if (diff && loaded?.deltas && loaded.noise) {
      const own = d.role === 'frame' || d.role === 'ancestor';
      return diffColor(own ? loaded.deltas[d.idx] : 0, own ? loaded.noise[d.idx] : 0, loaded.maxDelta, diff.threshold, palette);
    }
    let c = colorCache.get(d.name);
    if (c === undefined) {
      c = frameColor(d.name, palette, loaded?.mixedPalette ?? false);
      colorCache.set(d.name, c);
    }
    return c;
  }

  // -------------------------------------------------------------------------------------------
  // Chart

  const tip = Object.assign(
    () => {
      /* d3-flame-graph calls the tooltip with the svg; ours is a fixed div */
    },
    {
      show(event: MouseEvent, d: Node) {
        if (!loaded) return;
        const info = describeFrame(loaded.index, d.data, zoomIdx, loaded.meta.unit);
        const diff = loaded.meta.diff;
        if (diff && loaded.deltas && d.data.role !== 'other') info.lines.unshift(describeChange(loaded.index.tree, diff, d.data.idx, loaded.deltas[d.data.idx], weightWord(loaded.meta.unit, loaded.meta.event)));
        const hint = d.data.role === 'frame' && d.data.idx !== zoomIdx ? 'Click to zoom' : undefined;
        tooltip.show(event, { title: info.title, lines: info.lines, hint });
      },
      hide() {
        tooltip.hide();
      },
    },
  );

  const chart: FlameGraph<FrameDatum> = flamegraph<FrameDatum>()
    .cellHeight(CELL_HEIGHT)
    .transitionDuration(0)
    .sort(false)
    .selfValue(false)
    .resetHeightOnZoom(true)
    .minFrameSize(0.25)
    .tooltip(tip)
    .getName((d) => d.data.name)
    .setColorMapper((d) => colorOf(d.data));

  function graphWidth(): number {
    if (!graphContentWidth) {
      const cs = getComputedStyle(graph);
      graphContentWidth = graph.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    }
    return Math.max(200, Math.floor(graphContentWidth));
  }

  function frameClass(d: FrameDatum, px: number): string {
    let c = d.fade ? 'frame fade' : 'frame';
    // No label: take the foreignObject out of style and layout entirely (most frames are narrow).
    if (px < LABEL_MIN_WIDTH) c += ' nolabel';
    if (d.role === 'other') c += ' other';
    else if (nameMatch && nameMatch[loaded!.index.tree.nodeName[d.idx]]) c += ' match';
    if (d.role === 'frame' && d.idx === zoomIdx && zoomIdx !== 0) c += ' zoomed';
    return c;
  }

  /** Post-render pass: the test attributes and our classes on every drawn frame. */
  function decorate(classesOnly = false): void {
    if (!loaded || !mounted) return;
    const index = loaded.index;
    const w = chart.width();
    const frames = graph.querySelectorAll<Frame>('svg > g');
    for (let i = 0; i < frames.length; i++) {
      const g = frames[i];
      const node = g.__data__;
      if (!node) continue;
      const d = node.data;
      g.setAttribute('class', frameClass(d, (node.x1 - node.x0) * w));
      if (classesOnly) continue;
      g.setAttribute('data-name', d.name);
      g.setAttribute('data-percent', framePercent(index, d));
      const { deltas, noise } = loaded;
      if (deltas && noise && loaded.meta.diff && d.role !== 'other') {
        g.setAttribute('data-delta', deltas[d.idx].toFixed(2));
        g.setAttribute('data-diff', diffClass(deltas[d.idx], noise[d.idx], loaded.meta.diff.threshold));
      }
    }
  }

  /** Prunes for the current zoom and draws; scrolls to the root row when `scroll`. */
  function draw(scroll: boolean): void {
    if (!loaded || !drawable()) return;
    tooltip.hide();
    const width = graphWidth();
    chart.width(width).inverted(state.orientation === 'icicle');
    view = pruneForZoom(loaded.index, zoomIdx, { minOtherFraction: MIN_OTHER_PX / width });
    if (!mounted) {
      select(graph).datum(view.root).call(chart);
      mounted = true;
    } else {
      chart.update(view.root);
    }
    decorate();
    if (scroll) {
      // After this frame's layout, not now (a forced layout here would be a second one).
      cancelAnimationFrame(scrollFrame);
      scrollFrame = requestAnimationFrame(() => {
        graph.scrollTop = state.orientation === 'icicle' ? 0 : graph.scrollHeight;
      });
    }
  }

  const resizeObserver = new ResizeObserver((entries) => {
    const entry = entries[entries.length - 1];
    if (entry) graphContentWidth = entry.contentRect.width;
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(() => {
      if (mounted && view && graphWidth() !== chart.width()) draw(false);
    });
  });
  resizeObserver.observe(graph);

  // Re-colour when the VS Code theme changes (it swaps body classes and the --vscode-* variables).
  const stopThemeWatch = onThemeChange(() => {
    if (!loaded || !mounted) return;
    const next = readPalette();
    if (JSON.stringify(next) === JSON.stringify(palette)) return;
    palette = next;
    colorCache.clear();
    chart.update();
    decorate();
  });

  // Clicks are taken in the capture phase so d3-flame-graph's own zoom (hide/fade on the pruned
  // data) never runs: a zoom re-prunes the full tree from the clicked node instead.
  const onClick = (event: MouseEvent): void => {
    const g = (event.target as Element).closest?.('g.frame') as Frame | null;
    if (!g || !graph.contains(g)) return;
    event.stopPropagation();
    const d = g.__data__?.data;
    if (d) zoomTo(d.idx);
  };
  const onMouseMove = (event: MouseEvent): void => tooltip.move(event);
  const onMouseLeave = (): void => tooltip.hide();
  graph.addEventListener('click', onClick, true);
  graph.addEventListener('mousemove', onMouseMove);
  graph.addEventListener('mouseleave', onMouseLeave);

  // -------------------------------------------------------------------------------------------
  // Zoom, breadcrumb, search, orientation

  function renderBreadcrumb(): void {
    breadcrumb.replaceChildren();
    breadcrumb.title = '';
    if (!loaded || zoomIdx === 0) return;
    const { index } = loaded;
    const chain: number[] = [];
    for (let a = zoomIdx; a > 0; a = index.tree.parent[a]) chain.push(a);
    chain.reverse();
    chain.forEach((idx, i) => {
      if (i > 0) breadcrumb.append(' › ');
      const crumb = el('span', { class: 'crumb', title: 'Zoom to this frame' }, frameName(index, idx));
      crumb.addEventListener('click', () => zoomTo(idx));
      breadcrumb.append(crumb);
    });
    breadcrumb.title = breadcrumb.textContent ?? '';
  }

  function zoomTo(idx: number): void {
    if (!loaded) return;
    if (!(idx >= 0 && idx < loaded.index.n)) idx = 0;
    if (idx === zoomIdx) return;
    zoomIdx = idx;
    state = { ...state, zoomPath: pathOf(loaded.index, idx) };
    draw(true);
    renderBreadcrumb();
    events.emit('zoom', { idx, path: [...state.zoomPath] });
    emitState();
  }

  function applySearch(term: string): SearchChange {
    state = { ...state, search: term };
    const matcher = makeMatcher(term);
    let change: SearchChange;
    if (!loaded || !matcher) {
      nameMatch = undefined;
      change = { term, summary: '' };
    } else {
      nameMatch = matchNames(loaded.index.tree, matcher);
      const stats = searchStats(loaded.index, nameMatch);
      change = { term, summary: searchSummary(stats), stats };
    }
    element.classList.toggle('searching', !!nameMatch);
    decorate(true);
    return change;
  }

  // -------------------------------------------------------------------------------------------
  // API

  const api: FlameGraphView = {
    element,
    get loaded() {
      return !!loaded;
    },
    get state() {
      return state;
    },
    get zoomIdx() {
      return zoomIdx;
    },
    get index() {
      return loaded?.index;
    },

    show(tree, meta, restore) {
      const index = indexTree(tree, meta.diff?.shape ?? options.column ?? 0);
      state = normalizeState(restore, state);
      const deltas = meta.diff ? frameDeltas(tree, meta.diff) : undefined;
      const noise = meta.diff && deltas ? frameNoise(tree, meta.diff, deltas) : undefined;
      loaded = { meta, index, mixedPalette: hasAnnotations(tree.names), deltas, noise, maxDelta: deltas ? largestChange(deltas) : 0 };
      palette = readPalette();
      colorCache.clear();
      const z = state.zoomPath.length ? findPath(index, state.zoomPath) : 0;
      zoomIdx = z < 0 ? 0 : z;
      if (z < 0) state = { ...state, zoomPath: [] };

      breadcrumb.hidden = false;
      if (!drawable()) {
        // Nothing to draw (d3 cannot lay out a zero-width root): say so instead of a blank view.
        graph.hidden = true;
        empty.hidden = false;
        empty.textContent = 'This profile has no samples.';
      } else {
        graph.hidden = false;
        empty.hidden = true;
        draw(true);
      }
      renderBreadcrumb();
      const search = applySearch(state.search);
      events.emit('zoom', { idx: zoomIdx, path: [...state.zoomPath] });
      events.emit('search', search);
      events.emit('orientation', { orientation: state.orientation });
      emitState();
    },

    zoomTo,

    zoomToPath(path) {
      if (!loaded) return false;
      const { node, matched } = findPrefix(loaded.index, path);
      zoomTo(node);
      return matched === path.length;
    },

    zoomOut() {
      if (!loaded || zoomIdx === 0) return false;
      zoomTo(loaded.index.tree.parent[zoomIdx]);
      return true;
    },

    resetZoom() {
      zoomTo(0);
    },

    search(term) {
      const before = state.search;
      const change = applySearch(term);
      events.emit('search', change);
      if (term !== before) emitState();
      return change;
    },

    setOrientation(orientation) {
      if (orientation !== 'flame' && orientation !== 'icicle') return;
      if (orientation === state.orientation) return;
      state = { ...state, orientation };
      if (loaded) draw(true);
      events.emit('orientation', { orientation });
      emitState();
    },

    exportSvg() {
      const svg = graph.querySelector('svg');
      if (!loaded || !mounted || !svg) return undefined;
      const cs = getComputedStyle(document.body);
      const { index, meta } = loaded;
      const text = exportSvg(svg, {
        title: meta.event ? `${meta.title} (${meta.event})` : meta.title,
        background: cs.backgroundColor,
        foreground: cs.color,
        fontFamily: cs.fontFamily,
        describe: (g) => {
          const d = (g as Frame).__data__?.data;
          if (!d) return '';
          const info = describeFrame(index, d, zoomIdx, meta.unit);
          return [info.title, ...info.lines].join('\n');
        },
      });
      return { fileName: svgFileName(meta.title), text };
    },

    on(type, listener) {
      return events.on(type, listener);
    },

    destroy() {
      resizeObserver.disconnect();
      stopThemeWatch();
      cancelAnimationFrame(scrollFrame);
      cancelAnimationFrame(resizeFrame);
      graph.removeEventListener('click', onClick, true);
      graph.removeEventListener('mousemove', onMouseMove);
      graph.removeEventListener('mouseleave', onMouseLeave);
      if (mounted) chart.destroy();
      tooltip.hide();
      if (!options.tooltip) tooltip.remove();
      events.clear();
      breadcrumb.remove();
      empty.remove();
      graph.remove();
      element.classList.remove('pl-flamegraph-view', 'searching');
      loaded = undefined;
      view = undefined;
      mounted = false;
    },
  };
  return api;
}

/**
 * Keeps the zoom of `views` in step: zooming one zooms the others to the same frame path (or the
 * deepest part of it their tree has). Returns the function that stops it.
 */
export function syncZoom(views: readonly FlameGraphView[]): () => void {
  let syncing = false;
  const offs = views.map((source) =>
    source.on('zoom', ({ path }) => {
      if (syncing) return;
      syncing = true;
      try {
        for (const other of views) if (other !== source && other.loaded) other.zoomToPath(path);
      } finally {
        syncing = false;
      }
    }),
  );
  return () => offs.forEach((off) => off());
}
