// The document's error side: one `Error` schema (docs/contract.md's `{ detail, code, field? }`) and one
// shared response per status, referenced by every operation that can answer it. It replaces
// trpc-to-openapi's own error schemas, which describe a body this server never sends.
import { type AppCode, appCodeStatus } from '@repo/validators';
import type { ResponseComponents, ResponsesObject, SchemaObject } from './openapi-types';

const ERROR_REF = { $ref: '#/components/schemas/Error' };

export const errorSchema: SchemaObject = {
  type: 'object',
  required: ['detail', 'code'],
  properties: {
    detail: { type: 'string', description: 'What went wrong, for people.' },
    code: {
      type: 'string',
      enum: Object.keys(appCodeStatus),
      description: 'What went wrong, for programs: an app code of docs/contract.md.',
    },
    field: { type: 'string', description: 'The input field at fault, when there is one.' },
  },
  additionalProperties: false,
};

/** Name -> [status, an example code, description]. */
const responses = {
  BadRequest: [
    400,
    'VALIDATION_ERROR',
    'Invalid input or malformed JSON (VALIDATION_ERROR, INVALID_EMAIL, ...)',
  ],
  Unauthorized: [401, 'MISSING_TOKEN', 'Missing, invalid or expired token, or wrong credentials'],
  NotFound: [404, 'NOT_FOUND', "Absent, or someone else's"],
  Conflict: [
    409,
    'CONFLICT',
    'Duplicate, or changed since expectedUpdatedAt (CONFLICT, EMAIL_ALREADY_EXISTS)',
  ],
  PayloadTooLarge: [413, 'PAYLOAD_TOO_LARGE', 'Body over the size limit'],
  UnsupportedMediaType: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Body not in the expected content type'],
  TooManyRequests: [
    429,
    'RATE_LIMIT_EXCEEDED',
    'Too many sign-in attempts from this address, or password changes for this account',
  ],
  InternalError: [500, 'INTERNAL', 'A bug on our side; the request id is in X-Request-Id'],
  ServiceUnavailable: [
    503,
    'SERVICE_UNAVAILABLE',
    'The database is unreachable; try again shortly',
  ],
} as const satisfies Record<string, readonly [number, AppCode, string]>;

export type ErrorResponseName = keyof typeof responses;

export function errorResponseComponents(): ResponseComponents {
  return Object.fromEntries(
    Object.entries(responses).map(([name, [, code, description]]) => [
      name,
      {
        description,
        ...(name === 'TooManyRequests' && {
          headers: {
            'Retry-After': {
              description: 'Seconds to wait before trying again',
              schema: { type: 'integer', minimum: 1 },
            },
          },
        }),
        content: {
          'application/json': {
            schema: ERROR_REF,
            example: {
              detail: description,
              code,
              ...(code === 'VALIDATION_ERROR' && { field: 'title' }),
            },
          },
        },
      },
    ]),
  );
}

/** The error responses an operation can give, as references to the shared ones. */
export function errorResponses(names: Iterable<ErrorResponseName>): ResponsesObject {
  const result: ResponsesObject = {};
  for (const name of names) {
    result[String(responses[name][0])] = { $ref: `#/components/responses/${name}` };
  }
  return result;
}

export interface ErrorTraits {
  hasInput: boolean;
  readsBody: boolean;
  authenticated: boolean;
  /** Ids in the path or the input (tagIds) that may not be the caller's. */
  namesRows: boolean;
  /** A unique name or email, or a stale expectedUpdatedAt. */
  conflicts: boolean;
  rateLimited: boolean;
}

export function errorNamesFor(traits: ErrorTraits): ErrorResponseName[] {
  const names: ErrorResponseName[] = [];
  if (traits.hasInput || traits.readsBody) names.push('BadRequest');
  if (traits.authenticated) names.push('Unauthorized');
  if (traits.namesRows) names.push('NotFound');
  if (traits.conflicts) names.push('Conflict');
  if (traits.readsBody) names.push('PayloadTooLarge', 'UnsupportedMediaType');
  if (traits.rateLimited) names.push('TooManyRequests');
  names.push('InternalError', 'ServiceUnavailable');
  return names;
}
