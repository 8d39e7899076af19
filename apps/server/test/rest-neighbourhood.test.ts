// Around each REST operation's schema: inputs the document allows with any field replaced by
// arbitrary JSON (or the whole body by one), sent through the real server. Whatever comes back
// is never a 5xx, and every error is docs/contract.md's body with an app code.
import fc from 'fast-check';
import { appCodeStatus } from '@repo/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestUser, registerRest, rest } from './helpers/rest-http';
import { type Schema, schemaArbitrary } from './helpers/schema-arbitrary';
import { type TestServer, startTestServer } from './helpers/test-server';

interface Operation {
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

const SKIPPED = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/token']);

/** Hostile leaves: NUL, far dates, huge numbers, prototype keys, deep nesting. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '+275760-09-13T00:00:00.000Z',
    '0000-01-01T00:00:00Z',
    1e308,
    -1,
    2 ** 53,
    '',
    ' ',
    { __proto__: 1 },
    JSON.parse('{"__proto__":{"x":1},"constructor":1}') as unknown,
    JSON.parse('['.repeat(200) + ']'.repeat(200)) as unknown,
  ),
);

function mutate(value: unknown, keys: string[]): fc.Arbitrary<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || keys.length === 0) {
    return oddValue;
  }
  return fc.oneof(
    oddValue,
    fc
      .record({ key: fc.constantFrom(...keys), odd: oddValue })
      .map(({ key, odd }) => ({ ...value, [key]: odd })),
  );
}

describe('REST neighbourhood', () => {
  let server: TestServer;
  let user: RestUser;
  let paths: Record<string, Record<string, Operation>>;
  let schemas: Record<string, Schema>;
  beforeAll(async () => {
    server = await startTestServer({ config: { rateLimitAuthPoints: 1_000_000 } });
    user = await registerRest(server.url);
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: typeof paths;
      components: { schemas?: typeof schemas };
    };
    paths = document.paths;
    schemas = document.components.schemas ?? {};
  });
  afterAll(() => server?.close());

  it('never answers 5xx, and every error carries an app code', async () => {
    const resolve = (ref: string) => schemas[ref.replace('#/components/schemas/', '')]!;
    let sent = 0;
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (SKIPPED.has(`${method.toUpperCase()} ${path}`) || path.includes('{userId}')) continue;
        const schema = operation.requestBody?.content['application/json']?.schema;
        const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
        const keys = Object.keys((schema?.properties as object | undefined) ?? {});
        const input = schema
          ? schemaArbitrary(schema, resolve).chain((valid) => mutate(valid, keys))
          : fc.dictionary(fc.constantFrom('x', ...query.map((p) => p.name)), oddValue, {
              maxKeys: 3,
            });
        const id = fc.oneof(fc.constantFrom('1', '0', '-1', '99999999999', 'x', '%00'), fc.uuid());
        await fc.assert(
          fc.asyncProperty(input, id, async (value, idText) => {
            let url = path.replace(/\{[^}]+\}/g, idText);
            const options: Parameters<typeof rest>[3] = { token: user.accessToken };
            if (schema) options.body = value;
            else {
              const search = new URLSearchParams();
              for (const [k, v] of Object.entries(value as object))
                search.append(k, JSON.stringify(v));
              url = `${url}?${search.toString()}`;
            }
            const reply = await rest(server.url, method.toUpperCase(), url, options).catch(
              (e: unknown) => {
                throw new Error(
                  `${method.toUpperCase()} ${url} ${JSON.stringify(value)?.slice(0, 300)}: no answer`,
                  { cause: e },
                );
              },
            );
            sent++;
            const where = `${method.toUpperCase()} ${url} ${JSON.stringify(value)?.slice(0, 200)} -> ${reply.status} ${reply.text.slice(0, 200)}`;
            expect(reply.status, where).toBeLessThan(500);
            if (reply.status >= 400) {
              const code = (reply.body as { code?: string }).code;
              expect(code !== undefined && code in appCodeStatus, where).toBe(true);
            }
          }),
          { numRuns: 20, seed: 4_242 },
        );
      }
    }
    expect(sent).toBeGreaterThan(300);
  }, 240_000);
});
