// The HTTP server: what every request goes through (request id, client IP, access log, CORS,
// body limit) and then the route table. No business rules live here.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Services } from '@repo/api';
import type { Database } from '@repo/db';
import type { Logger } from 'pino';
import type { Config } from './env';
import { docsRoutes } from './docs/docs-route';
import { createOpenApiDocument } from './docs/openapi-document';
import { clientIp } from './http/client-ip';
import { capConnections, httpServerOptions } from './http/connection-limits';
import { createCors } from './http/cors';
import { sendProblem } from './http/json-response';
import { requestIdFrom } from './http/request-id';
import { createSecurityHeaders } from './http/security-headers';
import { serverErrorLog } from './http/server-error-log';
import { type HttpContext, type Route, matchRoute } from './http/routes';
import { panelRoute } from './panel/panel-route';
import type { ShutdownHooks } from './ops/shutdown';
import type { ReadinessResult } from './readiness';
import { restRoute } from './rest/rest-route';
import { recordRequest, routeLabel } from './ops/request-metrics';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { testOnlyRoutes } from './routes/test-only';
import { TRPC_PATH, trpcRoute } from './routes/trpc';
import { findWebAppDir, webAppRoute } from './routes/web-app';

export interface AppOptions {
  config: Config;
  db: Database;
  services: Services;
  logger: Logger;
  checkReadiness: () => Promise<ReadinessResult>;
  /** Where routes holding long-lived responses register to end them when shutdown begins. */
  onShutdown: ShutdownHooks;
  /** The built web app to serve at `/`; default: found next to the bundle; null: none. */
  webAppDir?: string | null;
}

export function createApp(options: AppOptions): Server {
  const { config, logger } = options;
  const webAppDir = options.webAppDir === undefined ? findWebAppDir() : options.webAppDir;
  const routes: Route[] = [
    ...healthRoutes(options.checkReadiness),
    ...metricsRoutes(config),
    trpcRoute(options),
    // The REST mirror, its document and reference page, and the panel: all built here, once.
    restRoute(options),
    ...docsRoutes(createOpenApiDocument()),
    ...(config.panelEnabled ? [panelRoute(TRPC_PATH)] : []),
    ...(config.nodeEnv === 'test' ? testOnlyRoutes() : []),
    // Last: every path no face above claims is the web app's (when it was built).
    ...(webAppDir ? [webAppRoute(webAppDir)] : []),
  ];
  const applyCors = createCors(config.corsOrigins);
  const applySecurityHeaders = createSecurityHeaders(config.trustProxy);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const query = queryAt === -1 ? '' : url.slice(queryAt + 1);
    const method = req.method ?? 'GET';
    const ip = clientIp(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      config.trustProxy,
    );

    const route = matchRoute(routes, method, pathname);
    // One line per request, written when it ends; the query string is left out as it may carry
    // tRPC input or a token. Not even logged when the level hides it.
    const logRequest = logger.isLevelEnabled('info');
    res.once('close', () => {
      const seconds = (performance.now() - startedAt) / 1000;
      recordRequest(routeLabel(route, pathname), method, res.statusCode, seconds);
      if (logRequest)
        logger.info(
          {
            requestId,
            method,
            path: pathname,
            status: res.statusCode,
            ms: Math.round(seconds * 1000),
            ip,
            ...(res.writableFinished ? {} : { aborted: true }),
          },
          'request',
        );
    });

    try {
      applySecurityHeaders(req, res, pathname);
      if (applyCors(req, res)) return;
      // Refused before routing, so an oversized upload is never read, whatever its path.
      if (!route?.ownsBodyLimit && declaredBodyLength(req) > config.bodyLimitBytes) {
        return sendProblem(
          res,
          413,
          'PAYLOAD_TOO_LARGE',
          `Request body exceeds ${config.bodyLimitBytes} bytes`,
        );
      }
      if (!route) return sendProblem(res, 404, 'NOT_FOUND', 'Not found');
      const http: HttpContext = {
        req,
        res,
        pathname,
        query,
        requestId,
        ip,
      };
      await route.handle(http);
    } catch (error) {
      serverErrorLog(logger)({ requestId }, 500, error, 'request failed');
      answerInternalError(res);
    }
  }

  // handle() never rejects: every error is answered inside it.
  const server = createServer(httpServerOptions(config.http), (req, res) => void handle(req, res));
  capConnections(server, config.http);
  return server;
}

function declaredBodyLength(req: IncomingMessage): number {
  return Number(req.headers['content-length'] ?? 0) || 0;
}

function answerInternalError(res: ServerResponse): void {
  if (res.headersSent) res.destroy();
  else sendProblem(res, 500, 'INTERNAL', 'Internal server error');
}
