// /api: the REST mirror. Every operation is a procedure of the app router, called with the
// procedure's own validation and rules; this file only turns HTTP into its input and its result
// (or error) into HTTP. Everything that can be worked out ahead is, once, in restRoute().
import { serverErrorLog } from '../http/server-error-log';
import type { AnyTRPCRouter } from '@trpc/server';
import { callTRPCProcedure } from '@trpc/server';
import { AppError, type Context, appRouter } from '@repo/api';
import type { Logger } from 'pino';
import { sendJson } from '../http/json-response';
import type { HttpContext, Route } from '../http/routes';
import { type ContextDeps, createRequestContext } from '../http/request-context';
import { type RestError, toRestError } from './error-body';
import { inputFromQuery, withParams } from './input-plan';
import { type Match, type MethodLister, createMatcher, createMethodLister } from './match';
import { collectOperations } from './operations';
import { BodyTooLargeError, readFormBody, readJsonBody } from './read-body';
import { TOKEN_PATH, grantPasswordToken, inFormTerms } from './token-endpoint';
import { assertPathUser, parseUserPath } from './user-path';

export interface RestRouteOptions extends ContextDeps {
  logger: Logger;
  /** The router to mirror; the app's by default (tests pass their own). */
  router?: AnyTRPCRouter;
}

export function restRoute(options: RestRouteOptions): Route {
  const { config, logger } = options;
  const router = options.router ?? appRouter;
  const operations = collectOperations(router);
  const match = createMatcher(operations);
  const methodsAt = createMethodLister(operations);
  const limit = config.bodyLimitBytes;

  async function run({ operation, params }: Match, ctx: Context, http: HttpContext) {
    let input: unknown;
    if (operation.hasInput) {
      input =
        operation.inputFrom === 'query'
          ? inputFromQuery(operation.plan, new URLSearchParams(http.query), params)
          : bodyInput(await readJsonBody(http.req, limit), operation.plan, params);
    }
    const data: unknown = await callTRPCProcedure({
      router,
      path: operation.procedurePath,
      type: operation.type,
      ctx,
      getRawInput: () => Promise.resolve(input),
      signal: undefined,
      batchIndex: 0,
    });
    if (operation.semantics.successStatus === 204) {
      http.res.statusCode = 204;
      http.res.end();
    } else {
      sendJson(http.res, operation.semantics.successStatus, data ?? null);
    }
  }

  async function handle(http: HttpContext): Promise<void> {
    const { req, pathname } = http;
    const method = req.method ?? 'GET';
    if (pathname === TOKEN_PATH && method === 'POST') {
      const ctx = createRequestContext(options, http, false);
      const form = await readFormBody(req, limit);
      return sendJson(http.res, 200, await grantPasswordToken(router, ctx, form));
    }
    const direct = match(method, pathname);
    if (direct) return run(direct, createRequestContext(options, http), http);
    const userPath = parseUserPath(pathname);
    const scoped = userPath && match(method, userPath.pathname);
    if (!userPath || !scoped) throw wrongMethodOrNotFound(methodsAt, http, userPath?.pathname);
    const ctx = createRequestContext(options, http);
    await assertPathUser(ctx, userPath.userId);
    return run(scoped, ctx, http);
  }

  return {
    path: '/api',
    prefix: true,
    async handle(http) {
      try {
        await handle(http);
      } catch (cause) {
        const error = toRestError(router, cause, {
          path: undefined,
          type: 'unknown',
          input: undefined,
        });
        if (error.status >= 500) {
          serverErrorLog(logger)(
            { requestId: http.requestId, path: http.pathname },
            error.status,
            cause,
            'REST request failed',
          );
        }
        sendError(http, http.pathname === TOKEN_PATH ? inFormTerms(error) : error, cause);
      }
    },
  };
}

/**
 * 405 with `Allow` when the path exists under other methods (RFC 9110 15.5.6), else 404. Checked
 * before the path's user, so the answer says nothing about whose id it is.
 */
function wrongMethodOrNotFound(
  methodsAt: MethodLister,
  { res, req, pathname }: HttpContext,
  userScopedPath: string | undefined,
): AppError {
  const allowed =
    pathname === TOKEN_PATH
      ? ['POST']
      : [
          ...new Set([
            ...methodsAt(pathname),
            ...(userScopedPath ? methodsAt(userScopedPath) : []),
          ]),
        ];
  const method = req.method ?? 'GET';
  if (allowed.length === 0) return new AppError('NOT_FOUND', `No route for ${method} ${pathname}`);
  res.setHeader('allow', allowed.sort().join(', '));
  return new AppError(
    'METHOD_NOT_ALLOWED',
    `${method} is not allowed here; use ${allowed.join(', ')}`,
  );
}

/** A JSON object body, with the path's parameters on top; absent stays absent. */
function bodyInput(
  body: unknown,
  plan: Parameters<typeof withParams>[0],
  params: Record<string, string>,
): unknown {
  const hasParams = Object.keys(params).length > 0;
  if (body === undefined) return hasParams ? withParams(plan, {}, params) : undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('VALIDATION_ERROR', 'The body must be a JSON object');
  }
  return withParams(plan, { ...body }, params);
}

function sendError({ res }: HttpContext, error: RestError, cause: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error.retryAfter) res.setHeader('retry-after', String(error.retryAfter));
  // The rest of an oversized body is not worth reading: close instead of draining it.
  if (cause instanceof BodyTooLargeError) res.setHeader('connection', 'close');
  sendJson(res, error.status, error.body);
}
