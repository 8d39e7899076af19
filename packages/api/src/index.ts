import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';

export { appRouter, type AppRouter } from './root';
export {
  createContextInner,
  type Context,
  type CreateContextOptions,
  type RequestInfo,
  type ResponseControl,
} from './context';
export { createCallerFactory } from './trpc';
export type { ProcedureMeta, RestSemantics } from './router/rest-paths';
export { AppError } from './errors';
export type { OutputText } from './transformer';
export type { AuthContext, AuthUser, RateLimitDecision, RateLimiter, Services } from './services';
export { createAuthenticate } from './auth/authenticate';
export { createSessionCache } from './auth/session-cache';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export {
  type BusListener,
  type BusMessage,
  type EventsMessage,
  type SyncBus,
  createDispatcher,
  createLocalBus,
} from './sync/bus';
export { pruneEvents } from './sync/log';
export { type StreamLimiter, createStreamLimiter } from './sync/stream-limit';
