// The procedure context for a REST request, built from the same pieces as /trpc's: the same
// RequestInfo and the same ResponseControl, so the refresh cookie is set, rotated and cleared
// exactly as on the tRPC face.
import { type Context, type Services, createContextInner } from '@repo/api';
import type { Database } from '@repo/db';
import type { Config } from '../env';
import { REFRESH_COOKIE, createResponseControl, readCookie } from '../http/refresh-cookie';
import type { HttpContext } from '../http/routes';

export interface RestDeps {
  config: Config;
  db: Database;
  services: Services;
}

export function createRestContext(
  { config, db, services }: RestDeps,
  { req, res, requestId, ip }: HttpContext,
  /** False for the OAuth2 token endpoint, whose Authorization header holds client credentials. */
  withAuthorization = true,
): Context {
  return createContextInner({
    db,
    services,
    request: {
      requestId,
      ip,
      userAgent: req.headers['user-agent'] ?? null,
      authorization: withAuthorization ? (req.headers.authorization ?? null) : null,
      refreshCookie: readCookie(req.headers.cookie, REFRESH_COOKIE),
    },
    response: createResponseControl(res, {
      secure: config.nodeEnv === 'production',
      now: () => services.now(),
    }),
  });
}
