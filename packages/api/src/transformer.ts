// The tRPC transformer: superjson on the wire (docs/contract.md), with a faster serializer for responses.
// superjson.serialize walks every value with generic type checks and array-copied paths; a page
// of 50 tasks cost 2.6 ms of CPU against 0.7 ms here. Responses are JSON values and Dates, so
// `serializeOutput` handles exactly those and emits byte-for-byte what superjson emits; on
// anything else (Map, bigint, NaN, a class instance, an object reached twice...) it hands the
// whole value to superjson. transformer.test.ts checks the equality property-based. Inputs and
// every client keep plain superjson.
import type { CombinedDataTransformer } from '@trpc/server';
import { checkDeserializedInput, checkSuperjsonInput } from './input-guard';
import { toIsoString } from './iso-time';
import superjson, { type SuperJSONResult, type SuperJSONValue } from 'superjson';

type Annotation = ['Date'] | ['undefined'];
type Entry = [path: string, annotation: Annotation];

/** Thrown inside the walk when a value needs superjson's general path; made once, never seen. */
const NEEDS_SUPERJSON = new Error('needs superjson');

// superjson's path segment escaping: backslash, then dot.
const escapeKey = (key: string) =>
  key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key;

/** Keys a JS object orders first, ascending (array indexes, "7"), whatever the insertion order. */
const isIndexKey = (key: string) => /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;

const objectPrototype = Object.prototype;
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * One container's annotations in superjson's order. superjson collects each level's annotations
 * in an object keyed by relative path, so a direct child's index-like key ("0") sorts before the
 * dotted paths of nested ones ("1.createdAt"); `lead` and `rest` reproduce that.
 */
class Level {
  readonly lead: Entry[] = [];
  readonly rest: Entry[] = [];

  child(value: unknown, key: string, path: string, seen: Set<object>): unknown {
    const before = this.rest.length;
    const json = walk(value, path, this.rest, seen);
    // A leaf annotation (Date, undefined) for an index-like key moves to the front.
    if (this.rest.length === before + 1 && this.rest[before]![0] === path && isIndexKey(key)) {
      this.lead.push(this.rest.pop()!);
    }
    return json;
  }

  flushInto(out: Entry[]): void {
    for (const entry of this.lead) out.push(entry);
    for (const entry of this.rest) out.push(entry);
  }
}

/** `path` is null for the root value itself (an empty string is a key like any other). */
function walk(value: unknown, path: string | null, out: Entry[], seen: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // NaN, ±Infinity and -0 carry superjson annotations of their own.
      if (!Number.isFinite(value) || Object.is(value, -0)) throw NEEDS_SUPERJSON;
      return value;
    case 'undefined':
      if (path === null) throw NEEDS_SUPERJSON;
      out.push([path, ['undefined']]);
      return null;
    case 'object': {
      if (value === null) return null;
      // superjson records every object reached twice (Dates included) as a referential equality.
      if (seen.has(value)) throw NEEDS_SUPERJSON;
      seen.add(value);
      if (value instanceof Date) {
        if (path === null || Number.isNaN(value.getTime())) throw NEEDS_SUPERJSON;
        out.push([path, ['Date']]);
        return toIsoString(value);
      }
      const prefix = path === null ? '' : `${path}.`;
      const level = new Level();
      let json: unknown[] | Record<string, unknown>;
      if (Array.isArray(value)) {
        const items: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) throw NEEDS_SUPERJSON;
          items[i] = level.child(value[i], String(i), prefix + i, seen);
        }
        json = items;
      } else {
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== objectPrototype && proto !== null) throw NEEDS_SUPERJSON;
        const record = value as Record<string, unknown>;
        const fields: Record<string, unknown> = {};
        for (const key of Object.keys(record)) {
          if (forbiddenKeys.has(key)) throw NEEDS_SUPERJSON;
          fields[key] = level.child(record[key], key, prefix + escapeKey(key), seen);
        }
        json = fields;
      }
      level.flushInto(out);
      return json;
    }
    default:
      throw NEEDS_SUPERJSON;
  }
}

/** superjson.serialize's exact result, computed faster for JSON values and Dates. */
export function serializeOutput(value: unknown): SuperJSONResult {
  const entries: Entry[] = [];
  let json: SuperJSONResult['json'];
  try {
    // walk() emits JSON values only: everything else was annotated or sent to superjson.
    json = walk(value, null, entries, new Set()) as SuperJSONResult['json'];
  } catch (error) {
    if (error === NEEDS_SUPERJSON) return superjson.serialize(value as SuperJSONValue);
    throw error;
  }
  if (entries.length === 0) return { json };
  const values: Record<string, Annotation> = {};
  for (const [path, annotation] of entries) values[path] = annotation;
  return { json, meta: { values, v: 1 } };
}

export const transformer: CombinedDataTransformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value as SuperJSONValue),
    deserialize: (data: unknown) => {
      checkSuperjsonInput(data);
      const value = superjson.deserialize<unknown>(data as SuperJSONResult);
      // Only shared references can change the shape superjson hands back.
      if ((data as SuperJSONResult).meta?.referentialEqualities) checkDeserializedInput(value);
      return value;
    },
  },
  output: {
    serialize: serializeOutput,
    deserialize: (data: unknown) => superjson.deserialize<unknown>(data as SuperJSONResult),
  },
};
