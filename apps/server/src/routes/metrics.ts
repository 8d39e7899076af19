// GET /metrics in Prometheus' text format. With METRICS_TOKEN set it answers only
// `Authorization: Bearer <token>`; in production without a token the route does not exist.
import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../env';
import { sendProblem } from '../http/json-response';
import type { Route } from '../http/routes';
import { metricsRegistry } from '../ops/metrics';

export function metricsRoutes(config: Pick<Config, 'nodeEnv' | 'metricsToken'>): Route[] {
  const { metricsToken } = config;
  if (config.nodeEnv === 'production' && !metricsToken) return [];
  const expected = metricsToken && Buffer.from(`Bearer ${metricsToken}`);
  return [
    {
      path: '/metrics',
      methods: ['GET'],
      async handle({ req, res }) {
        if (expected) {
          const given = Buffer.from(req.headers.authorization ?? '');
          if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
            return sendProblem(res, 401, 'INVALID_TOKEN', 'A valid metrics token is required');
          }
        }
        const body = await metricsRegistry.metrics();
        res.writeHead(200, {
          'content-type': metricsRegistry.contentType,
          'cache-control': 'no-store',
        });
        res.end(body);
      },
    },
  ];
}
