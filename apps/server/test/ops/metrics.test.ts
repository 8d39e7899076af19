// GET /metrics in Prometheus' text format: requests by procedure/route and status, latency
// histograms, event-loop lag, pool usage, rate-limit refusals; token-protected when
// METRICS_TOKEN is set, absent in production without one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, trpc, uniqueEmail } from '../helpers/auth-http';
import { type TestServer, startTestServer } from '../helpers/test-server';

const TOKEN = 'metrics-token-0123456789';

describe('/metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { metricsToken: TOKEN, rateLimitAuthPoints: 1 } });
  });
  afterAll(() => server.close());

  const scrape = async () => {
    const res = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it('refuses a scrape without the token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
  });

  it('counts requests by procedure and status, with latency, lag, pool and refusals', async () => {
    await fetch(`${server.url}/healthz`);
    await trpc(server.url, 'auth.me', undefined, { query: true });
    for (let i = 0; i < 2; i++) {
      await trpc(server.url, 'auth.login', { email: uniqueEmail('m'), password: PASSWORD });
    }
    // Made-up procedure names never become labels.
    await fetch(`${server.url}/trpc/no.such${Math.random()}`);
    const text = await scrape();
    expect(text).toContain('http_requests_total{route="/healthz",method="GET",status="200"}');
    expect(text).toContain('http_requests_total{route="trpc:auth.me",method="GET",status="401"}');
    expect(text).toContain(
      'http_requests_total{route="trpc:auth.login",method="POST",status="429"}',
    );
    expect(text).toContain('http_requests_total{route="trpc:unknown",method="GET",status="404"}');
    expect(text).not.toContain('no.such');
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.005",route="trpc:auth\.login"/,
    );
    expect(text).toContain('rate_limit_refusals_total{limiter="trpc:auth.login"}');
    expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds \d/);
    expect(text).toMatch(/db_pool_connections\{state="idle"\} \d/);
  });
});

describe('/metrics in production', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    const server = await startTestServer({ config: { nodeEnv: 'production' } });
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
