// /openapi.json's content: a valid OpenAPI 3.1 document that tells the truth about the REST
// mirror (statuses, error shape, security) and covers every procedure of the router.
import { Validator } from '@seriousme/openapi-schema-validator';
import { appRouter } from '@repo/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOpenApiDocument } from '../src/docs/openapi-document';
import { HTTP_METHODS, type OpenAPIObject, type OperationObject } from '../src/docs/openapi-types';
import { collectOperations } from '../src/rest/operations';
import { proceduresOf } from '../src/trpc-internals';

/** docs/contract.md's REST mirror: every path and method, and the copies under /api/{userId}. */
const AUTH_PATHS = [
  'post /api/v1/auth/register',
  'post /api/v1/auth/login',
  'post /api/v1/auth/refresh',
  'get /api/v1/auth/me',
  'post /api/v1/auth/logout',
  'get /api/v1/auth/sessions',
  'delete /api/v1/auth/sessions/{sessionId}',
  'post /api/v1/auth/change-password',
  'post /api/v1/auth/token',
];
const RESOURCE_PATHS = [
  'get /api/tasks',
  'post /api/tasks',
  'get /api/tasks/{id}',
  'put /api/tasks/{id}',
  'delete /api/tasks/{id}',
  'patch /api/tasks/{id}/complete',
  'get /api/tags',
  'post /api/tags',
  'put /api/tags/{id}',
  'delete /api/tags/{id}',
  'get /api/assets',
  'post /api/assets',
  'get /api/assets/{id}',
  'put /api/assets/{id}',
  'delete /api/assets/{id}',
];

/** The operations of the document that list `status` among their responses. */
const withStatus = (operations: [string, OperationObject][], status: string) =>
  new Set(operations.filter(([, op]) => status in (op.responses ?? {})).map(([key]) => key));

/** An operation and its copy under /api/{userId} (auth has no copies). */
const andUserPath = (key: string) =>
  key.includes('/api/v1/') ? [key] : [key, key.replace('/api/', '/api/{userId}/')];

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  const operations: [string, OperationObject][] = [];
  beforeAll(() => {
    document = createOpenApiDocument();
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (operation) operations.push([`${method} ${path}`, operation]);
      }
    }
  });

  it('is valid OpenAPI 3.1 for a schema validator', async () => {
    const result = await new Validator().validate(
      JSON.parse(JSON.stringify(document)) as Parameters<Validator['validate']>[0],
    );
    expect(result.errors).toBeUndefined();
    expect([result.valid, document.openapi]).toEqual([true, '3.1.0']);
  });

  it("has exactly docs/contract.md's paths, and an operation for every procedure of the router", () => {
    const keys = operations.map(([key]) => key);
    // Sets, each key once: a count alone would let a missing and a doubled path cancel.
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(new Set([...AUTH_PATHS, ...RESOURCE_PATHS.flatMap(andUserPath)]));
    const rest = collectOperations(appRouter).map((op) => op.procedurePath);
    expect(new Set(rest).size).toBe(rest.length);
    expect(new Set(rest)).toEqual(
      new Set(
        proceduresOf(appRouter)
          .filter(({ type }) => type !== 'subscription')
          .map(({ path }) => path),
      ),
    );
  });

  it("lists 401, 409 and 429 exactly where the procedures' meta says they can happen", () => {
    // 429: the sign-in budgets (per IP, and per user for password changes).
    expect(withStatus(operations, '429')).toEqual(
      new Set([
        'post /api/v1/auth/register',
        'post /api/v1/auth/login',
        'post /api/v1/auth/token',
        'post /api/v1/auth/change-password',
      ]),
    );
    // 409: a unique email or tag name, or a stale expectedUpdatedAt; creating a task or an
    // asset cannot conflict.
    expect(withStatus(operations, '409')).toEqual(
      new Set(
        [
          'post /api/v1/auth/register',
          'put /api/tasks/{id}',
          'post /api/tags',
          'put /api/tags/{id}',
          'put /api/assets/{id}',
        ].flatMap(andUserPath),
      ),
    );
    // 401 on public operations only where they check credentials or a refresh token.
    const publicOnes = ['register', 'login', 'refresh', 'logout', 'token'].map(
      (name) => `post /api/v1/auth/${name}`,
    );
    expect(new Set(publicOnes.filter((key) => withStatus(operations, '401').has(key)))).toEqual(
      new Set(['login', 'refresh', 'logout', 'token'].map((name) => `post /api/v1/auth/${name}`)),
    );
  });

  it('gives every operation a summary, a tag and the shared error responses', () => {
    for (const [key, operation] of operations) {
      expect(operation.summary, key).toMatch(/\S/);
      expect(operation.tags?.length, key).toBeGreaterThan(0);
      const refs = Object.entries(operation.responses ?? {}).filter(
        ([status]) => Number(status) >= 400,
      );
      expect(
        refs.map(([status]) => status),
        key,
      ).toEqual(expect.arrayContaining(['500', '503']));
      for (const [, response] of refs) expect(response, key).toHaveProperty('$ref');
    }
    const responses = Object.values(document.components?.responses ?? {});
    for (const response of responses) {
      expect(response).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      });
    }
    expect(document.components?.schemas?.Error).toMatchObject({ required: ['detail', 'code'] });
    expect(
      Object.keys(document.components?.schemas ?? {}).filter((name) => name.startsWith('error.')),
    ).toEqual([]);
  });

  it('documents the real success statuses: 201 for create, 204 without a body for delete', () => {
    const responsesOf = (key: string) => Object.fromEntries(operations)[key]?.responses ?? {};
    for (const key of [
      'post /api/tasks',
      'post /api/tags',
      'post /api/assets',
      'post /api/v1/auth/register',
    ]) {
      expect(Object.keys(responsesOf(key)), key).toContain('201');
      expect(responsesOf(key), key).not.toHaveProperty('200');
      expect(responsesOf(key)['201'], key).toHaveProperty('content.application/json.schema');
    }
    for (const [key] of operations.filter(([k]) => k.startsWith('delete '))) {
      expect(responsesOf(key)['204'], key).toStrictEqual({ description: 'Done; no body' });
      expect(responsesOf(key), key).not.toHaveProperty('200');
    }
    expect(Object.keys(responsesOf('get /api/tasks/{id}'))).toContain('200');
    expect(responsesOf('post /api/v1/auth/login')).toHaveProperty(
      '429.$ref',
      '#/components/responses/TooManyRequests',
    );
    expect(document.components?.responses?.TooManyRequests).toHaveProperty('headers.Retry-After');
  });

  it('declares bearer tokens and the OAuth2 password flow, and uses them on protected operations only', () => {
    expect(document.components?.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      oauth2: {
        type: 'oauth2',
        flows: { password: { tokenUrl: '/api/v1/auth/token', scopes: {} } },
      },
    });
    const byKey = Object.fromEntries(operations);
    expect(byKey['get /api/tasks']?.security).toEqual([{ bearerAuth: [] }, { oauth2: [] }]);
    for (const open of ['register', 'login', 'refresh', 'logout', 'token']) {
      expect(byKey[`post /api/v1/auth/${open}`]?.security, open).toBeUndefined();
    }
    const token = byKey['post /api/v1/auth/token']?.requestBody;
    expect(token).toHaveProperty(
      ['content', 'application/x-www-form-urlencoded', 'schema', 'required'],
      ['username', 'password'],
    );
  });

  it('describes query parameters as text a REST client sends, arrays included', () => {
    const parameters = Object.fromEntries(operations)['get /api/tasks']?.parameters ?? [];
    const byName = new Map(parameters.flatMap((p) => ('name' in p ? [[p.name, p] as const] : [])));
    expect(byName.get('dueBefore')).toMatchObject({
      in: 'query',
      schema: { type: 'string', format: 'date-time' },
    });
    expect(byName.get('priority')).toMatchObject({ in: 'query', schema: { type: 'array' } });
    expect(byName.get('limit')).toMatchObject({ schema: { type: 'integer', maximum: 100 } });
  });
});
