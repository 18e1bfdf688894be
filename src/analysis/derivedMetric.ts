/**
 * User-defined metrics over a run's metrics (`Throughput^2 / CPU`, seed 001's ROI): parsed by jsep,
 * evaluated by walking its syntax tree here — numbers, metric names, + - * / ^ (power), unary minus,
 * parentheses and a few functions; never eval or Function. Names match metrics case-insensitively
 * with non-alphanumerics as `_` (`CPU_Util`, `IOTLB_Miss`, `Per_page_stats_IOTLB_Miss`), or by a
 * unique leading word (`CPU` for `CPU Util`); an unknown or ambiguous name is a clear error.
 */
import jsep from 'jsep';

// `^` is power here (jsep reads it as XOR, below `*` and `/`): above `*`, right-associative, like `**`.
jsep.addBinaryOp('^', 11, true);
jsep.addBinaryOp('**', 11, true);

const FUNCTION_TABLE: Record<string, { arity: [number, number]; fn: (...a: number[]) => number }> = {
  sqrt: { arity: [1, 1], fn: Math.sqrt },
  abs: { arity: [1, 1], fn: Math.abs },
  log: { arity: [1, 1], fn: Math.log },
  log2: { arity: [1, 1], fn: Math.log2 },
  log10: { arity: [1, 1], fn: Math.log10 },
  exp: { arity: [1, 1], fn: Math.exp },
  min: { arity: [1, 16], fn: Math.min },
  max: { arity: [1, 16], fn: Math.max },
};
/** A Map, so names such as `constructor` or `__proto__` find nothing. */
const FUNCTIONS = new Map(Object.entries(FUNCTION_TABLE));
const FUNCTION_NAMES = [...FUNCTIONS.keys()].join(', ');

type Node = jsep.Expression;

/** A parsed expression, ready to evaluate against many runs. */
export interface DerivedMetric {
  name: string;
  expression: string;
  /** The metric names it reads, as written. */
  names: string[];
  evaluate(metrics: ReadonlyMap<string, number>): DerivedValue;
}

export type DerivedValue = { value: number } | { error: string };

export class DerivedMetricError extends Error {}

/** `CPU Util` -> `cpu_util`. */
export function metricKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** Parses `expression`; throws DerivedMetricError with the position on a syntax error. */
export function parseDerivedMetric(name: string, expression: string): DerivedMetric {
  let ast: Node;
  try {
    ast = jsep(expression);
  } catch (e) {
    throw new DerivedMetricError(`derived metric '${name}': ${(e as Error).message}`);
  }
  const names: string[] = [];
  check(ast, names, name);
  return { name, expression, names, evaluate: (metrics) => evaluate(ast, resolver(metrics)) };
}

/** Rejects what the evaluator does not support, before any run is evaluated. */
function check(node: Node, names: string[], metric: string): void {
  switch (node.type) {
    case 'Literal':
      if (typeof (node as jsep.Literal).value !== 'number') throw new DerivedMetricError(`derived metric '${metric}': only numbers are allowed as constants, not ${String((node as jsep.Literal).raw)}`);
      return;
    case 'Identifier':
      names.push((node as jsep.Identifier).name);
      return;
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      if (u.operator !== '-' && u.operator !== '+') throw new DerivedMetricError(`derived metric '${metric}': operator '${u.operator}' is not supported (use + - * / ^)`);
      return check(u.argument, names, metric);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (!['+', '-', '*', '/', '^', '**', '%'].includes(b.operator)) throw new DerivedMetricError(`derived metric '${metric}': operator '${b.operator}' is not supported (use + - * / ^)`);
      check(b.left, names, metric);
      return check(b.right, names, metric);
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      const callee = c.callee.type === 'Identifier' ? (c.callee as jsep.Identifier).name : '';
      const f = FUNCTIONS.get(callee);
      if (!f) throw new DerivedMetricError(`derived metric '${metric}': unknown function '${callee || '?'}' (known: ${FUNCTION_NAMES})`);
      if (c.arguments.length < f.arity[0] || c.arguments.length > f.arity[1]) throw new DerivedMetricError(`derived metric '${metric}': ${callee} takes ${f.arity[0] === f.arity[1] ? f.arity[0] : `${f.arity[0]} to ${f.arity[1]}`} argument(s)`);
      for (const a of c.arguments) check(a, names, metric);
      return;
    }
    default:
      throw new DerivedMetricError(`derived metric '${metric}': ${node.type} is not supported (numbers, metric names, + - * / ^, parentheses and ${FUNCTION_NAMES})`);
  }
}

type Resolve = (name: string) => number | string;

/** Looks names up by key, then by a unique leading word; returns an error text when it cannot. */
function resolver(metrics: ReadonlyMap<string, number>): Resolve {
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  for (const [id, v] of metrics) {
    const full = metricKey(id);
    const leaf = metricKey(id.replace(/^.*\//, ''));
    for (const k of new Set([full, leaf])) {
      if (!byKey.has(k)) keys.push(k);
      byKey.set(k, v);
    }
  }
  return (name) => {
    const k = metricKey(name);
    const v = byKey.get(k);
    if (v !== undefined) return v;
    const prefixed = keys.filter((x) => x.startsWith(k + '_'));
    if (prefixed.length === 1) return byKey.get(prefixed[0])!;
    if (prefixed.length > 1) return `'${name}' is ambiguous: ${prefixed.slice(0, 6).join(', ')}`;
    return `unknown metric '${name}' (metrics: ${[...metrics.keys()].slice(0, 12).join(', ')})`;
  };
}

function evaluate(ast: Node, resolve: Resolve): DerivedValue {
  try {
    const value = walk(ast, resolve);
    return Number.isFinite(value) ? { value } : { error: `not a finite number (${value})` };
  } catch (e) {
    if (e instanceof DerivedMetricError) return { error: e.message };
    throw e;
  }
}

function walk(node: Node, resolve: Resolve): number {
  switch (node.type) {
    case 'Literal':
      return (node as jsep.Literal).value as number;
    case 'Identifier': {
      const v = resolve((node as jsep.Identifier).name);
      if (typeof v === 'string') throw new DerivedMetricError(v);
      return v;
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const a = walk(u.argument, resolve);
      return u.operator === '-' ? -a : a;
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      const l = walk(b.left, resolve);
      const r = walk(b.right, resolve);
      switch (b.operator) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return l / r;
        case '%':
          return l % r;
        default:
          return l ** r;
      }
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      const f = FUNCTIONS.get((c.callee as jsep.Identifier).name)!;
      return f.fn(...c.arguments.map((a) => walk(a, resolve)));
    }
    default:
      throw new DerivedMetricError(`${node.type} is not supported`);
  }
}
