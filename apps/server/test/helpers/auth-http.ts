// Raw tRPC-over-HTTP calls for auth tests: the wire format (superjson envelope), status codes,
// headers and cookies exactly as a browser or the mobile app sees them, no client library between.
import superjson from 'superjson';

export interface TrpcReply<T = unknown> {
  status: number;
  headers: Headers;
  /** The Set-Cookie lines, one per cookie. */
  cookies: string[];
  text: string;
  data: T | undefined;
  error:
    | { message: string; appCode: string; field?: string; retryAfter?: number; httpStatus: number }
    | undefined;
}

type Envelope = Parameters<typeof superjson.deserialize>[0];
type ErrorShape = {
  message: string;
  data: { appCode: string; field?: string; retryAfter?: number; httpStatus: number };
};
type Body = { result?: { data: Envelope }; error?: Envelope };

export async function trpc<T = Record<string, unknown>>(
  baseUrl: string,
  procedure: string,
  input?: unknown,
  options: { headers?: Record<string, string>; query?: boolean } = {},
): Promise<TrpcReply<T>> {
  const serialized = input === undefined ? undefined : superjson.serialize(input);
  const url = `${baseUrl}/trpc/${procedure}`;
  const res = options.query
    ? await fetch(
        serialized ? `${url}?input=${encodeURIComponent(JSON.stringify(serialized))}` : url,
        { headers: options.headers },
      )
    : await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        // As @trpc/client does: a mutation without input still sends superjson's envelope
        // (tRPC 11.22 answers an empty JSON body with a parse error).
        body: JSON.stringify(superjson.serialize(input)),
      });
  const text = await res.text();
  const body = JSON.parse(text) as Body;
  const data = body.result ? superjson.deserialize<T>(body.result.data) : undefined;
  const shape = body.error && superjson.deserialize<ErrorShape>(body.error);
  const error = shape && { message: shape.message, ...shape.data };
  return {
    status: res.status,
    headers: res.headers,
    cookies: res.headers.getSetCookie(),
    text,
    data,
    error,
  };
}

/** The `rt` value of a Set-Cookie line list, or undefined. */
export function refreshCookieOf(cookies: string[]): string | undefined {
  const line = cookies.find((c) => c.startsWith('rt='));
  return line === undefined ? undefined : decodeURIComponent(line.slice(3, line.indexOf(';')));
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const cookie = (token: string) => ({ cookie: `rt=${encodeURIComponent(token)}` });

export interface AuthBody {
  user: { id: string; email: string; name: string | null; createdAt: Date; updatedAt: Date };
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
  refreshToken?: string;
}

export const PASSWORD = 'correct horse battery';

let n = 0;
/** A fresh address per call, so tests never collide on EMAIL_ALREADY_EXISTS. */
export const uniqueEmail = (tag = 'user') =>
  `${tag}-${process.pid}-${++n}-${Date.now()}@example.com`;

export function register(
  baseUrl: string,
  session: 'cookie' | 'token',
  headers: Record<string, string> = {},
) {
  return trpc<AuthBody>(
    baseUrl,
    'auth.register',
    { email: uniqueEmail(), password: PASSWORD, session },
    { headers },
  );
}
