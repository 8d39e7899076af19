// One refresh token presented 20 times at once, spread over three instances on one PostgreSQL
// database: exactly one presentation rotates it, five rounds in a row. The rotation's row lock
// is the only coordination, so this holds however many instances run.
import { testDatabaseUrl } from '@repo/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { type RunningServer, startServer } from '../../src/server';
import { type AuthBody, trpc } from '../helpers/auth-http';
import { registerRest } from '../helpers/rest-http';
import { type TestServer, startTestServer } from '../helpers/test-server';

describe.runIf(testDatabaseUrl)('refresh across three instances', () => {
  let base: TestServer | undefined;
  const others: RunningServer[] = [];
  afterAll(async () => {
    for (const other of others) await other.close();
    await base?.close();
  });

  it('gives exactly one successor for 20 concurrent presentations, 5 rounds', async () => {
    base = await startTestServer({ engine: 'postgres', config: { rateLimitAuthPoints: 1000 } });
    for (let i = 0; i < 2; i++) {
      others.push(await startServer(base.config, { logger: createLogger({ logLevel: 'silent' }) }));
    }
    const urls = [base.url, ...others.map((o) => o.url)];
    let token = (await registerRest(base.url)).refreshToken;
    for (let round = 0; round < 5; round++) {
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          trpc<AuthBody>(urls[i % 3]!, 'auth.refresh', { refreshToken: token }),
        ),
      );
      const successors = new Set(
        replies.flatMap((r) => (r.data?.refreshToken ? [r.data.refreshToken] : [])),
      );
      expect(successors.size).toBe(1);
      // Losers of the race are refused or handed the same successor (the grace window), never a 500.
      for (const reply of replies) expect([200, 401]).toContain(reply.status);
      token = [...successors][0]!;
    }
  }, 60_000);
});
