// POST /api/v1/auth/token: OAuth2's password grant (RFC 6749 section 4.3), form-encoded, for the
// docs' Authorize button and OAuth2 tooling. It is auth.login under another spelling: the same
// procedure runs (validation, credentials check, rate limit, session), only the wire form differs.
import type { AnyTRPCRouter } from '@trpc/server';
import { callTRPCProcedure } from '@trpc/server';
import { AppError, type Context } from '@repo/api';
import type { AuthResult } from '@repo/validators';
import type { RestError } from './error-body';

export const TOKEN_PATH = '/api/v1/auth/token';

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  /** Seconds the access token stays valid. */
  expires_in: number;
  /** The session's refresh token: a 'token' session, as for the mobile app. */
  refresh_token: string | undefined;
}

/** A complaint about the login's `email` is about the form's `username`. */
export function inFormTerms(error: RestError): RestError {
  if (error.body.field !== 'email') return error;
  const detail = error.body.detail.replace(/^email\b/, 'username');
  return { ...error, body: { ...error.body, field: 'username', detail } };
}

export async function grantPasswordToken(
  router: AnyTRPCRouter,
  ctx: Context,
  form: URLSearchParams,
): Promise<TokenResponse> {
  const grantType = form.get('grant_type');
  if (grantType !== null && grantType !== 'password') {
    throw new AppError('VALIDATION_ERROR', 'Only grant_type=password is supported', {
      field: 'grant_type',
    });
  }
  const input = {
    email: form.get('username') ?? undefined,
    password: form.get('password') ?? undefined,
    session: 'token',
  };
  const result = (await callTRPCProcedure({
    router,
    path: 'auth.login',
    type: 'mutation',
    ctx,
    getRawInput: () => Promise.resolve(input),
    signal: undefined,
    batchIndex: 0,
  })) as AuthResult;
  const now = ctx.services.now().getTime();
  return {
    access_token: result.accessToken,
    token_type: 'bearer',
    expires_in: Math.max(0, Math.round((result.accessTokenExpiresAt.getTime() - now) / 1000)),
    refresh_token: result.refreshToken,
  };
}
