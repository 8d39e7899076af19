// Liveness and readiness for orchestrators: /healthz answers while the process runs (restart it
// if not); /readyz answers 200 only when requests can be served (route traffic to it if so).
import { sendJson } from '../http/json-response';
import type { Route } from '../http/routes';
import type { ReadinessResult } from '../readiness';

export function healthRoutes(checkReadiness: () => Promise<ReadinessResult>): Route[] {
  return [
    {
      path: '/healthz',
      methods: ['GET', 'HEAD'],
      handle({ res }) {
        res.setHeader('cache-control', 'no-store');
        sendJson(res, 200, { status: 'ok' });
      },
    },
    {
      path: '/readyz',
      methods: ['GET', 'HEAD'],
      async handle({ res }) {
        const result = await checkReadiness();
        res.setHeader('cache-control', 'no-store');
        if (result.ready) sendJson(res, 200, { status: 'ok' });
        else sendJson(res, 503, { status: 'unavailable', reason: result.reason });
      },
    },
  ];
}
