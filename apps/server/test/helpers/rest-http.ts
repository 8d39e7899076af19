// Plain fetch against the REST mirror, as a seed's client would call it: JSON in, JSON out, no
// tRPC client and no superjson anywhere.
import { beforeAll, expect } from 'vitest';
import { PASSWORD, uniqueEmail } from './auth-http';

export interface RestReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when there is none (204). */
  body: T;
}

export interface RestOptions {
  token?: string;
  /** Sent as JSON unless it is a string (sent as is) or URLSearchParams (form-encoded). */
  body?: unknown;
  headers?: Record<string, string>;
}

export async function rest<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  { token, body, headers = {} }: RestOptions = {},
): Promise<RestReply<T>> {
  const sent: Record<string, string> = { ...headers };
  if (token) sent.authorization = `Bearer ${token}`;
  let payload: string | URLSearchParams | undefined;
  if (body instanceof URLSearchParams || typeof body === 'string') payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    sent['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers: sent, body: payload });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

export interface RestUser {
  id: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

/** A fresh account through POST /api/v1/auth/register (session 'token', as a mobile client). */
export async function registerRest(baseUrl: string): Promise<RestUser> {
  const email = uniqueEmail('rest');
  const res = await rest<{ user: { id: string }; accessToken: string; refreshToken: string }>(
    baseUrl,
    'POST',
    '/api/v1/auth/register',
    { body: { email, password: PASSWORD, session: 'token' } },
  );
  if (res.status !== 201) throw new Error(`register answered ${res.status}: ${res.text}`);
  const { user, accessToken, refreshToken } = res.body;
  return { id: user.id, email, accessToken, refreshToken };
}

/** Every REST error body is exactly { detail, code, field? }: no stack, no tRPC envelope. */
export function errorOf<T>(reply: RestReply<T>): {
  code: unknown;
  field?: unknown;
  keys: string[];
} {
  const body = reply.body as Record<string, unknown>;
  return { code: body.code, field: body.field, keys: Object.keys(body).sort() };
}

/** Asserts the status, code and field, the exact key set, and that nothing internal leaked. */
export function expectRestError<T>(
  reply: RestReply<T>,
  status: number,
  code: string,
  field?: string,
) {
  const error = errorOf(reply);
  expect({ status: reply.status, code: error.code, field: error.field }).toEqual({
    status,
    code,
    field,
  });
  expect(error.keys).toEqual(field ? ['code', 'detail', 'field'] : ['code', 'detail']);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  expect(reply.text).not.toMatch(/stack|at .*\.ts|SELECT|prisma/i);
}

/**
 * A fresh account on `server` for the enclosing describe block, registered in its beforeAll
 * (after the server's own): read it in hooks and tests only.
 */
export function useRestUser(server: { url: string }): RestUser {
  const user = {} as RestUser;
  beforeAll(async () => {
    Object.assign(user, await registerRest(server.url));
  });
  return user;
}
