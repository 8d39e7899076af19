// What tRPC input may be before superjson deserializes it. superjson accepts every type it knows
// (a 1 MB BigInt once cost 270 ms before authentication), walks any annotation tree, and copies
// objects in a way that turns an own `__proto__` key into a prototype. Procedures take only JSON,
// Dates and undefined, so anything else is refused here, cheaply, before superjson runs.
import { AppError } from './errors';

/** Deeper than any input schema goes (asset metadata is the deepest, bounded by its size). */
export const MAX_INPUT_DEPTH = 32;
/** A batch of 16 full task or asset inputs carries a few dozen Dates at most. */
export const MAX_ANNOTATIONS = 1_000;
const ALLOWED_TYPES = new Set(['Date', 'undefined']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const refuse = (message: string, field?: string) =>
  new AppError('VALIDATION_ERROR', message, field ? { field } : {});

/** Iterative, so a hostile nesting depth is refused without recursing into it. */
function checkJson(root: unknown): void {
  const stack: { value: unknown; depth: number; path: string }[] = [
    { value: root, depth: 0, path: '' },
  ];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH)
      throw refuse(`Input is nested deeper than ${MAX_INPUT_DEPTH} levels`);
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key))
        throw refuse(`The key "${key}" is not allowed in input`, path || undefined);
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: at });
    }
  }
}

function isAllowedAnnotation(annotation: unknown): boolean {
  const type: unknown =
    Array.isArray(annotation) && annotation.length === 1 ? (annotation[0] as unknown) : annotation;
  return typeof type === 'string' && ALLOWED_TYPES.has(type);
}

function checkMeta(meta: unknown): void {
  if (meta === undefined) return;
  if (typeof meta !== 'object' || meta === null) throw refuse('Malformed superjson meta');
  const { values, referentialEqualities, v, ...rest } = meta as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw refuse('Malformed superjson meta');
  if (v !== undefined && v !== 1) throw refuse('Unsupported superjson version');
  checkReferences(referentialEqualities);
  if (values === undefined || isAllowedAnnotation(values)) return;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw refuse('Only Date and undefined values are accepted in input');
  }
  const entries = Object.entries(values);
  if (entries.length > MAX_ANNOTATIONS) throw refuse('Too many annotated values in input');
  for (const [path, annotation] of entries) {
    if (!isAllowedAnnotation(annotation)) {
      throw refuse('Only Date and undefined values are accepted in input', path);
    }
  }
}

const isWithin = (path: string, other: string) => path === other || path.startsWith(`${other}.`);

/**
 * superjson marks one object sent at two places (a client passing the same Date twice) as a
 * referential equality. Harmless between siblings; a path inside the one it repeats would make
 * a cycle, which no input schema can walk.
 */
function checkReferences(references: unknown): void {
  if (references === undefined) return;
  if (typeof references !== 'object' || references === null || Array.isArray(references)) {
    throw refuse('Shared references are not accepted at the root of input');
  }
  const pairs = Object.entries(references);
  let count = 0;
  for (const [source, targets] of pairs) {
    if (!Array.isArray(targets)) throw refuse('Malformed superjson meta');
    count += targets.length;
    if (count > MAX_ANNOTATIONS) throw refuse('Too many shared references in input');
    for (const target of targets) {
      if (typeof target !== 'string' || isWithin(target, source) || isWithin(source, target)) {
        throw refuse('Cyclic references are not accepted in input');
      }
    }
  }
}

/** Nodes a deserialized input may have: shared references must not multiply a small body. */
export const MAX_INPUT_NODES = 50_000;

/**
 * After superjson has applied shared references: the value must still be a tree-shaped DAG of
 * bounded size (references can chain into a cycle no single pair shows).
 */
export function checkDeserializedInput(root: unknown): void {
  let nodes = 0;
  const ancestors = new Set<object>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null || value instanceof Date) return;
    if (++nodes > MAX_INPUT_NODES)
      throw refuse('Input is too large once its references are applied');
    if (ancestors.has(value)) throw refuse('Cyclic references are not accepted in input');
    if (depth >= MAX_INPUT_DEPTH)
      throw refuse(`Input is nested deeper than ${MAX_INPUT_DEPTH} levels`);
    ancestors.add(value);
    for (const child of Object.values(value)) visit(child, depth + 1);
    ancestors.delete(value);
  };
  visit(root, 0);
}

/** Throws VALIDATION_ERROR unless `data` is a superjson envelope our procedures can take. */
export function checkSuperjsonInput(data: unknown): void {
  if (typeof data !== 'object' || data === null) return; // tRPC passes undefined for no input
  const { json, meta } = data as { json?: unknown; meta?: unknown };
  checkJson(json);
  checkMeta(meta);
}
