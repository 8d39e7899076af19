// /trpc: the app router through tRPC's own resolveResponse (trpc-node-adapter.ts). The adapter's
// part is only turning the HTTP request into RequestInfo and giving procedures a way to set the
// refresh cookie.
import { AppError, type Services, appRouter } from '@repo/api';
import type { Database } from '@repo/db';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Logger } from 'pino';
import type { Config } from '../env';
import { createRequestContext } from '../http/request-context';
import type { Route } from '../http/routes';
import { serverErrorLog } from '../http/server-error-log';
import { handleTrpcRequest } from './trpc-node-adapter';

export interface TrpcRouteOptions {
  config: Config;
  db: Database;
  services: Services;
  logger: Logger;
}

export const TRPC_PATH = '/trpc';

export function trpcRoute({ config, db, services, logger }: TrpcRouteOptions): Route {
  const logServerError = serverErrorLog(logger);
  return {
    path: TRPC_PATH,
    prefix: true,
    ownsBodyLimit: true,
    handle: (http) => {
      const { req, res, pathname, requestId } = http;
      return handleTrpcRequest({
        router: appRouter,
        req,
        res,
        path: pathname.slice(TRPC_PATH.length + 1),
        // Bodies without Content-Length (chunked) are cut off by tRPC while streaming.
        maxBodySize: config.trpcBodyLimitBytes,
        // One request may not carry thousands of calls (a 15 KB GET of empty paths once held the
        // event loop for seconds); refused before any input is parsed or procedure runs.
        maxBatchSize: config.trpcMaxBatchSize,
        directCalls: config.trpcDirectCalls,
        // A declared length over the limit is refused before a byte is read, in tRPC's envelope.
        error:
          Number(req.headers['content-length'] ?? 0) > config.trpcBodyLimitBytes
            ? new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: 'Request body too large' })
            : null,
        // tRPC sets its own Vary header, replacing the adapter's (Origin, from CORS); handing the
        // adapter's back through responseMeta makes tRPC append it, so caches keep both.
        // RATE_LIMIT_EXCEEDED carries the seconds to wait; HTTP clients read them from Retry-After.
        responseMeta: ({ errors }) => {
          const vary = res.getHeader('vary');
          const waits = errors.map((e) => (e instanceof AppError ? (e.retryAfter ?? 0) : 0));
          const retryAfter = Math.max(0, ...waits);
          if (!vary && retryAfter === 0) return {};
          const headers = new Headers();
          if (vary) headers.set('vary', String(vary));
          if (retryAfter > 0) headers.set('retry-after', String(retryAfter));
          return { headers };
        },
        createContext: ({ info }) =>
          Promise.resolve(
            createRequestContext({ config, db, services }, http, true, info.connectionParams),
          ),
        onError({ error, path }) {
          // Client mistakes (4xx) are the client's business; 5xx are ours to investigate. The
          // input is never logged: it may hold a password or a token.
          const status = getHTTPStatusCodeFromError(error);
          if (status >= 500)
            logServerError({ requestId, procedure: path }, status, error, 'procedure failed');
        },
      });
    },
  };
}
