// Each answered request in http_requests_total and http_request_duration_seconds. Labels stay
// bounded whatever clients send: a tRPC path counts only when it names a real procedure, other
// requests by the route that served them, never by their raw path.
import { appRouter } from '@repo/api';
import type { Route } from '../http/routes';
import { TRPC_PATH } from '../routes/trpc';
import { proceduresOf } from '../trpc-internals';
import { httpDuration, httpRequests, rateLimitRefusals } from './metrics';

const procedures = new Set(proceduresOf(appRouter).map(({ path }) => path));

export function routeLabel(route: Route | undefined, pathname: string): string {
  if (!route) return 'unmatched';
  if (route.path !== TRPC_PATH) return route.path;
  const names = pathname.slice(TRPC_PATH.length + 1);
  if (names.includes(',')) return 'trpc:batch';
  return procedures.has(names) ? `trpc:${names}` : 'trpc:unknown';
}

export function recordRequest(route: string, method: string, status: number, seconds: number) {
  const labels = { route, method, status: String(status) };
  httpRequests.inc(labels);
  httpDuration.observe(labels, seconds);
  if (status === 429) rateLimitRefusals.inc({ limiter: route });
}
