// The one place tRPC is initialised: context -> init -> the builders procedures use.
import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import { appCodeForIssue } from '@repo/validators';
import type { Context } from './context';
import { AppError, appCodeForTrpcCode, isDatabaseUnavailable } from './errors';
import type { ProcedureMeta } from './router/rest-paths';
import { transformer } from './transformer';

// ProcedureMeta: procedures may declare their REST form (`.meta({ openapi, rest })`) for the mirror.
const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // superjson on the wire; responses serialized by its faster twin (see transformer.ts).
    transformer,
    // Live sync: pings every 10 s keep proxies from closing an idle stream, and clients that hear
    // nothing for 15 s reconnect (with their lastEventId).
    sse: {
      ping: { enabled: true, intervalMs: 10_000 },
      client: { reconnectAfterInactivityMs: 15_000 },
    },
    errorFormatter({ shape, error }) {
      const { stack: _stack, ...data } = shape.data;
      const cause = error.cause;
      if (error instanceof AppError) {
        return {
          ...shape,
          data: {
            ...data,
            appCode: error.appCode,
            field: error.field,
            retryAfter: error.retryAfter,
          },
        };
      }
      // Only the input's ZodError is the client's mistake (BAD_REQUEST); an output that fails its
      // schema is our bug and falls through to INTERNAL below.
      if (cause instanceof ZodError && error.code === 'BAD_REQUEST') {
        const first = cause.issues[0];
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of cause.issues) {
          const key = issue.path.join('.') || '_';
          (fieldErrors[key] ??= []).push(issue.message);
        }
        const field = first?.path.join('.') || undefined;
        return {
          ...shape,
          message: first ? `${field ?? 'input'}: ${first.message}` : 'Invalid input',
          data: {
            ...data,
            appCode: first ? appCodeForIssue(first) : 'VALIDATION_ERROR',
            field,
            fieldErrors,
          },
        };
      }
      const appCode = appCodeForTrpcCode(error.code);
      // A bug's message may carry SQL or internals: clients only learn that it was ours.
      const message = appCode === 'INTERNAL' ? 'Internal server error' : shape.message;
      return { ...shape, message, data: { ...data, appCode } };
    },
  });

/** Turns "the database is down" from any layer into SERVICE_UNAVAILABLE instead of a 500. */
const mapUnavailable = t.middleware(async ({ next }) => {
  const result = await next();
  if (
    !result.ok &&
    !(result.error instanceof AppError) &&
    isDatabaseUnavailable(result.error.cause ?? result.error)
  ) {
    throw new AppError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly', {
      cause: result.error,
    });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapUnavailable);

/** A procedure whose ctx.user and ctx.sessionId are the verified caller's. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const { user, sessionId, expiresAt } = await ctx.authenticate();
  return next({ ctx: { user, sessionId, expiresAt } });
});
