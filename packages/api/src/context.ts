// Context split (trpc next-prisma-starter): createContextInner is pure and used by tests through
// createCaller; the HTTP adapter builds RequestInfo/ResponseControl and calls it per request.
import { randomUUID } from 'node:crypto';
import type { Database } from '@repo/db';
import type { AuthContext, Services } from './services';

export interface RequestInfo {
  requestId: string;
  /** Client address: the socket's, or the proxy-reported one when TRUST_PROXY allows it. */
  ip: string;
  userAgent: string | null;
  authorization: string | null;
  /** The refresh token cookie, when the client sent one. */
  refreshCookie: string | null;
}

/** What a procedure may do to the HTTP response without knowing HTTP. */
export interface ResponseControl {
  setRefreshCookie(token: string, expiresAt: Date): void;
  clearRefreshCookie(): void;
}

export interface CreateContextOptions {
  db: Database;
  services: Services;
  request?: Partial<RequestInfo>;
  response?: ResponseControl;
  /** A caller resolved in advance (tests); otherwise the Authorization header is verified. */
  auth?: AuthContext;
}

const ignoreResponse: ResponseControl = { setRefreshCookie() {}, clearRefreshCookie() {} };

export function createContextInner(options: CreateContextOptions) {
  const request: RequestInfo = {
    ip: '127.0.0.1',
    userAgent: null,
    authorization: null,
    refreshCookie: null,
    ...options.request,
    requestId: options.request?.requestId ?? randomUUID(),
  };
  let auth: Promise<AuthContext> | undefined = options.auth && Promise.resolve(options.auth);
  return {
    db: options.db,
    prisma: options.db.prisma,
    services: options.services,
    request,
    response: options.response ?? ignoreResponse,
    /** Verifies the caller once per request, however many middlewares ask. */
    authenticate: () => (auth ??= options.services.authenticate(request.authorization)),
  };
}

export type Context = ReturnType<typeof createContextInner>;
