// The document's entry for POST /api/v1/auth/token, which is not a procedure of its own (it
// runs auth.login; see rest/token-endpoint.ts), so it is described here by hand.
import { errorNamesFor, errorResponses } from './error-responses';
import type { OperationObject } from './openapi-types';

export const tokenOperation: OperationObject = {
  operationId: 'auth-token',
  summary: 'Get an access token (OAuth2 password grant)',
  description:
    'Signs in like `POST /api/v1/auth/login` (same checks and rate limit) for OAuth2 tools and ' +
    "this page's Authorize button. `username` is the account's email.",
  tags: ['auth'],
  requestBody: {
    required: true,
    content: {
      'application/x-www-form-urlencoded': {
        schema: {
          type: 'object',
          required: ['username', 'password'],
          properties: {
            grant_type: { type: 'string', enum: ['password'] },
            username: { type: 'string', format: 'email' },
            password: { type: 'string', format: 'password' },
            scope: { type: 'string', description: 'Ignored: a token grants all of its user.' },
          },
        },
      },
    },
  },
  responses: {
    '200': {
      description: 'An access token, and the refresh token of the new session',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['access_token', 'token_type', 'expires_in'],
            properties: {
              access_token: { type: 'string' },
              token_type: { type: 'string', enum: ['bearer'] },
              expires_in: { type: 'integer', description: 'Seconds the access token is valid' },
              refresh_token: { type: 'string' },
            },
          },
        },
      },
    },
    ...errorResponses(
      errorNamesFor({
        hasInput: true,
        readsBody: true,
        authenticated: true,
        namesRows: false,
        conflicts: false,
        rateLimited: true,
      }),
    ),
  },
};
