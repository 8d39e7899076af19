// fast-check arbitraries for the JSON Schema subset /openapi.json uses (types, enums, lengths,
// bounds, patterns, formats, anyOf/allOf, records), so a test can send what the document allows
// and nothing else: a home-grown Schemathesis "positive" generator.
import fc from 'fast-check';

export type Schema = Record<string, unknown>;

const MAX_ITEMS = 4;

export function schemaArbitrary(
  schema: Schema,
  resolve: (ref: string) => Schema,
): fc.Arbitrary<unknown> {
  const of = (s: Schema) => schemaArbitrary(s, resolve);
  if (typeof schema.$ref === 'string') return of(resolve(schema.$ref));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const anyOf = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (anyOf) return fc.oneof(...anyOf.map(of));
  const type = schema.type;
  if (Array.isArray(type)) return fc.oneof(...type.map((t: string) => of({ ...schema, type: t })));
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: lowest(schema, 1) ?? -1e6, max: highest(schema, 1) ?? 1e6 });
    case 'number':
      return fc.double({
        min: lowest(schema, Number.EPSILON) ?? -1e6,
        max: highest(schema, Number.EPSILON) ?? 1e6,
        noNaN: true,
      });
    case 'string':
      return stringArbitrary(schema);
    case 'array': {
      const items = of((schema.items as Schema | undefined) ?? {});
      const minLength = (schema.minItems as number | undefined) ?? 0;
      const maxLength = Math.max(
        minLength,
        Math.min((schema.maxItems as number | undefined) ?? MAX_ITEMS, MAX_ITEMS),
      );
      return fc.array(items, { minLength, maxLength });
    }
    case 'object':
    case undefined:
      return objectArbitrary(schema, of);
    default:
      throw new Error(`schema-arbitrary: no generator for type ${String(type)}`);
  }
}

function lowest(schema: Schema, step: number): number | undefined {
  const { minimum, exclusiveMinimum } = schema as {
    minimum?: number;
    exclusiveMinimum?: number | boolean;
  };
  if (typeof exclusiveMinimum === 'number') return exclusiveMinimum + step;
  if (exclusiveMinimum === true && minimum !== undefined) return minimum + step;
  return minimum;
}

function highest(schema: Schema, step: number): number | undefined {
  const { maximum, exclusiveMaximum } = schema as {
    maximum?: number;
    exclusiveMaximum?: number | boolean;
  };
  if (typeof exclusiveMaximum === 'number') return exclusiveMaximum - step;
  if (exclusiveMaximum === true && maximum !== undefined) return maximum - step;
  return maximum;
}

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  email: () =>
    fc
      .tuple(fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.stringMatching(/^[a-z0-9]{1,20}$/))
      .map(([local, domain]) => `${local}@${domain}.test`),
};

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = (schema.maxLength as number | undefined) ?? 300;
  const extra = ((schema.allOf as Schema[] | undefined) ?? [])
    .map((s) => s.pattern)
    .filter((p): p is string => typeof p === 'string')
    .map((p) => new RegExp(p));
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : undefined;
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  const base = pattern
    ? fc.stringMatching(pattern)
    : format
      ? format()
      : fc.string({ minLength, maxLength: Math.min(maxLength, 60), unit: 'binary' });
  return base.filter(
    (s) => s.length >= minLength && s.length <= maxLength && extra.every((p) => p.test(s)),
  );
}

function objectArbitrary(
  schema: Schema,
  of: (s: Schema) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = (schema.required ?? []) as string[];
  const known = fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, of(s)])),
    { requiredKeys: required },
  );
  const additional = schema.additionalProperties;
  if (!additional || typeof additional !== 'object') return known;
  const names = (schema.propertyNames ?? {}) as Schema;
  const forbidden = new Set(
    ((names.not as Schema | undefined)?.enum as string[] | undefined) ?? [],
  );
  const key = stringArbitrary({ ...names, maxLength: 20 }).filter(
    (k) => !forbidden.has(k) && !(k in properties),
  );
  return fc
    .tuple(known, fc.dictionary(key, of(additional as Schema), { maxKeys: 3 }))
    .map(([a, b]) => ({ ...b, ...(a as object) }));
}
