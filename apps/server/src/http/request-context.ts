// The procedure context for an HTTP request, one builder for /trpc and the REST mirror: the same
// RequestInfo and the same ResponseControl, so the refresh cookie is set, rotated and cleared
// exactly alike on both faces.
import { type Context, type Services, createContextInner } from '@repo/api';
import type { Database } from '@repo/db';
import type { Config } from '../env';
import { createCookieOriginCheck } from './cookie-origin';
import { createResponseControl, readCookie, refreshCookieName } from './refresh-cookie';
import type { HttpContext } from './routes';

export interface ContextDeps {
  config: Config;
  db: Database;
  services: Services;
}

export function createRequestContext(
  { config, db, services }: ContextDeps,
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
      refreshCookie: cookieOriginCheck(config.corsOrigins)(req)
        ? readCookie(req.headers.cookie, refreshCookieName(secure(config)))
        : null,
    },
    response: createResponseControl(res, {
      secure: secure(config),
      now: () => services.now(),
    }),
  });
}

const secure = (config: Config) => config.nodeEnv === 'production';

// One check per CORS_ORIGINS list (per server), not one Set built per request.
const checks = new WeakMap<readonly string[], ReturnType<typeof createCookieOriginCheck>>();
function cookieOriginCheck(corsOrigins: readonly string[]) {
  let check = checks.get(corsOrigins);
  if (!check) checks.set(corsOrigins, (check = createCookieOriginCheck(corsOrigins)));
  return check;
}
