/**
 * Frame colours: FlameGraph's palettes rebuilt on the theme's chart colours. Pure functions; the
 * page reads the --vscode-charts-* variables and passes them in as a Palette.
 *
 * - Profiles without annotations: the "hot" palette, a warm red→yellow blend hashed from the name.
 * - Profiles whose frames carry perf's annotations (`_[k]` kernel, `_[j]` jit, `_[i]` inlined, or
 *   `[kernel.kallsyms]`): FlameGraph's mixed/java scheme, user frames red (C++ `::` yellow),
 *   kernel orange, jit green, inlined aqua, so the kinds are told apart at a glance.
 */
export type Rgb = readonly [number, number, number];

export interface Palette {
  red: Rgb;
  orange: Rgb;
  yellow: Rgb;
  green: Rgb;
  blue: Rgb;
}

/** VS Code's default dark chart colours, used when a variable is missing (standalone page). */
export const DEFAULT_PALETTE: Palette = {
  red: [241, 76, 76],
  orange: [209, 134, 22],
  yellow: [204, 167, 0],
  green: [137, 209, 133],
  blue: [55, 148, 255],
};

export type FrameKind = 'user' | 'cpp' | 'kernel' | 'jit' | 'inlined';

export function frameKind(name: string): FrameKind {
  if (name.endsWith('_[k]') || name.includes('[kernel.kallsyms]')) return 'kernel';
  if (name.endsWith('_[j]')) return 'jit';
  if (name.endsWith('_[i]')) return 'inlined';
  if (name.includes('::')) return 'cpp';
  return 'user';
}

/** True when any frame carries a kernel/jit/inlined annotation: use the mixed palette. */
export function hasAnnotations(names: readonly string[]): boolean {
  for (const n of names) {
    const k = frameKind(n);
    if (k === 'kernel' || k === 'jit' || k === 'inlined') return true;
  }
  return false;
}

/** Two stable numbers in [0, 1) from a frame name (FNV-1a; the annotation suffix is ignored). */
export function nameHash(name: string): [number, number] {
  const base = name.replace(/_\[[kji]\]$/, '');
  let h = 0x811c9dc5;
  for (let i = 0; i < base.length; i++) {
    h ^= base.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  return [(h & 0xffff) / 0x10000, (h >>> 16) / 0x10000];
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

const WHITE: Rgb = [255, 255, 255];

function toCss(c: Rgb): string {
  return `rgb(${Math.round(c[0])},${Math.round(c[1])},${Math.round(c[2])})`;
}

/** Variation inside one hue: a hashed tint toward white, like FlameGraph's per-name shades. */
function band(base: Rgb, v: number, tint = 0.45): Rgb {
  return mix(base, WHITE, v * tint);
}

export function frameColor(name: string, palette: Palette, mixed: boolean): string {
  const [v1, v2] = nameHash(name);
  if (!mixed) {
    // Hot: red -> orange -> yellow by the first hash, a little lighter by the second.
    const hue = v1 < 0.5 ? mix(palette.red, palette.orange, v1 * 2) : mix(palette.orange, palette.yellow, (v1 - 0.5) * 2);
    return toCss(band(hue, v2, 0.25));
  }
  switch (frameKind(name)) {
    case 'kernel':
      return toCss(band(mix(palette.orange, palette.yellow, v1 * 0.3), v2, 0.3));
    case 'jit':
      return toCss(band(palette.green, v1, 0.4));
    case 'inlined':
      return toCss(band(mix(palette.blue, palette.green, 0.35), v1, 0.4));
    case 'cpp':
      return toCss(band(palette.yellow, v1, 0.4));
    default:
      return toCss(band(palette.red, v1, 0.45));
  }
}

/** Parses `rgb(r, g, b)`, `rgba(...)`, `#rgb`, `#rrggbb` and `#rrggbbaa`; undefined otherwise. */
export function parseColor(text: string): Rgb | undefined {
  const s = text.trim();
  let m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^#([0-9a-f]{3,8})$/i.exec(s);
  if (!m) return undefined;
  const h = m[1];
  if (h.length === 3 || h.length === 4) {
    return [parseInt(h[0] + h[0], 16), parseInt(h[1] + h[1], 16), parseInt(h[2] + h[2], 16)];
  }
  if (h.length === 6 || h.length === 8) {
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  return undefined;
}
