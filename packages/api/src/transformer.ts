// The tRPC transformer: superjson on the wire (docs/contract.md), with a faster serializer for responses.
// superjson.serialize walks every value with generic type checks and array-copied paths; a page
// of 50 tasks cost 2.6 ms of CPU against 0.7 ms here. Responses are JSON values and Dates, so
// `serializeOutput` handles exactly those and emits byte-for-byte what superjson emits; on
// anything else (Map, bigint, NaN, a class instance, an object reached twice...) it hands the
// whole value to superjson. `stringifyOutput` is its wire text, written without an object for the
// annotations: the JSON path's responses take it (a 20-task page: 103 µs against 129 µs for
// serialize + stringify, and 111 µs for the REST mirror's plain stringify). transformer.test.ts
// checks both against superjson property-based. Inputs and every client keep plain superjson.
import type { CombinedDataTransformer } from '@trpc/server';
import { checkDeserializedInput, checkSuperjsonInput } from './input-guard';
import { toIsoString } from './iso-time';
import superjson, { type SuperJSONResult, type SuperJSONValue } from 'superjson';

type Annotation = ['Date'] | ['undefined'];
type Entry = [path: string, annotation: Annotation];

/** Thrown inside the walk when a value needs superjson's general path; made once, never seen. */
const NEEDS_SUPERJSON = new Error('needs superjson');
const DATE: Annotation = ['Date'];
const UNDEFINED: Annotation = ['undefined'];

// superjson's path segment escaping: backslash, then dot.
const escapeKey = (key: string) =>
  key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key;

/** Keys a JS object orders first, ascending (array indexes, "7"), whatever the insertion order. */
const isIndexKey = (key: string) =>
  key.charCodeAt(0) <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;

const objectPrototype = Object.prototype;

/**
 * A container's JSON copy, its annotations appended to `out` in superjson's order. superjson
 * collects each level's annotations in an object keyed by relative path, so a direct child's
 * index-like key ("0") sorts before the dotted paths of nested ones ("1.createdAt"): those leaf
 * annotations wait in `lead` and go in front of the level's others at the end. A path is built
 * only for what needs one (an annotation, a nested container), not for every field.
 */
function walkContainer(value: object, prefix: string, out: Entry[], seen: Set<object>): unknown {
  const start = out.length;
  let lead: Entry[] | undefined;
  let json: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) {
    const items: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw NEEDS_SUPERJSON;
      const item: unknown = value[i];
      items[i] = childJson(item, prefix, String(i), out, seen);
      const annotation = annotationOf(item);
      if (annotation) (lead ??= []).push([prefix + i, annotation]);
    }
    json = items;
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== objectPrototype && proto !== null) throw NEEDS_SUPERJSON;
    const record = value as Record<string, unknown>;
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(record)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype')
        throw NEEDS_SUPERJSON;
      const item = record[key];
      fields[key] = childJson(item, prefix, key, out, seen);
      const annotation = annotationOf(item);
      if (annotation)
        (isIndexKey(key) ? (lead ??= []) : out).push([prefix + escapeKey(key), annotation]);
    }
    json = fields;
  }
  if (lead) out.splice(start, 0, ...lead);
  return json;
}

/** The annotation a direct child carries itself (nested ones are the child's own walk's). */
const annotationOf = (item: unknown): Annotation | null =>
  item === undefined ? UNDEFINED : item instanceof Date ? DATE : null;

function childJson(item: unknown, prefix: string, key: string, out: Entry[], seen: Set<object>) {
  if (typeof item !== 'object' || item === null) return item === undefined ? null : leafJson(item);
  // superjson records every object reached twice (Dates included) as a referential equality.
  if (seen.has(item)) throw NEEDS_SUPERJSON;
  seen.add(item);
  if (item instanceof Date) return dateJson(item);
  return walkContainer(item, `${prefix}${escapeKey(key)}.`, out, seen);
}

function dateJson(date: Date): string {
  if (Number.isNaN(date.getTime())) throw NEEDS_SUPERJSON;
  return toIsoString(date);
}

/** A string, boolean, finite number or null as it is; NaN, ±Infinity, -0, bigint... are not. */
function leafJson(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) return value;
  throw NEEDS_SUPERJSON;
}

/** The JSON part and the annotations in superjson's order; null when superjson must do it. */
function walkOutput(value: unknown): { json: SuperJSONResult['json']; entries: Entry[] } | null {
  const entries: Entry[] = [];
  try {
    // A root Date or undefined is annotated at the root, which superjson spells its own way.
    if (value instanceof Date || value === undefined) return null;
    const json =
      typeof value === 'object' && value !== null
        ? walkContainer(value, '', entries, new Set([value]))
        : leafJson(value);
    // The walk emits JSON values only: everything else was annotated or sent to superjson.
    return { json: json as SuperJSONResult['json'], entries };
  } catch (error) {
    if (error === NEEDS_SUPERJSON) return null;
    throw error;
  }
}

/** superjson.serialize's exact result, computed faster for JSON values and Dates. */
export function serializeOutput(value: unknown): SuperJSONResult {
  const walked = walkOutput(value);
  if (!walked) return superjson.serialize(value as SuperJSONValue);
  const { json, entries } = walked;
  if (entries.length === 0) return { json };
  const values: Record<string, Annotation> = {};
  for (const [path, annotation] of entries) values[path] = annotation;
  return { json, meta: { values, v: 1 } };
}

/**
 * `JSON.stringify(serializeOutput(value))`, without building the annotations' object: the
 * entries come in the order that object would list them (index-like paths only ever lead the
 * top level, ascending), so their text is written as it is.
 */
export function stringifyOutput(value: unknown): string {
  const walked = walkOutput(value);
  if (!walked) return JSON.stringify(superjson.serialize(value as SuperJSONValue));
  const json = JSON.stringify(walked.json);
  if (walked.entries.length === 0) return `{"json":${json}}`;
  let values = '';
  for (const [path, annotation] of walked.entries) {
    values += `${values ? ',' : ''}${JSON.stringify(path)}:${annotation === DATE ? '["Date"]' : '["undefined"]'}`;
  }
  return `{"json":${json},"meta":{"values":{${values}},"v":1}}`;
}

/** An output transformer that also writes its wire text itself (trpc-json-calls.ts uses it). */
export interface OutputText {
  stringify(value: unknown): string;
}

const output: OutputText & CombinedDataTransformer['output'] = {
  serialize: serializeOutput,
  stringify: stringifyOutput,
  deserialize: (data: unknown) => superjson.deserialize<unknown>(data as SuperJSONResult),
};

export const transformer: CombinedDataTransformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value as SuperJSONValue),
    deserialize: (data: unknown) => {
      checkSuperjsonInput(data);
      // Each input was parsed from this request's text for this call alone: superjson may
      // annotate it where it lies instead of deep-copying it first.
      const value = superjson.deserialize<unknown>(data as SuperJSONResult, { inPlace: true });
      // Only shared references can change the shape superjson hands back.
      if ((data as SuperJSONResult).meta?.referentialEqualities) checkDeserializedInput(value);
      return value;
    },
  },
  output,
};
