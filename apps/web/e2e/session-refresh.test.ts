// Two tabs of one browser, access tokens of 5 seconds (the shortest the server allows), 30 s of
// use: the tabs refresh through one Web Lock and share each new token, so neither is ever sent to
// sign-in (a second refresh with an already rotated cookie would end the session:
// REFRESH_TOKEN_REUSED). The browser side is what is under test, so one engine is enough: the
// server's rotation under concurrency is tested on both in packages/api.
import { testEngines } from '@repo/db/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addTask,
  foreignRequests,
  launch,
  signUp,
  uniqueEmail,
  watchedContext,
  type Watched,
} from './helpers/browser';
import { type ProductionServer, startProductionServer } from './helpers/production-server';

const RUN_MS = 30_000;
const engine = testEngines.at(-1)!;

describe(`sessions with 5-second access tokens on ${engine}`, () => {
  let server: ProductionServer;
  let browser: Browser;
  let watched: Watched;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startProductionServer(engine, { ACCESS_TOKEN_TTL_SECONDS: '5' }),
      launch(),
    ]);
    watched = await watchedContext(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'keeps two tabs working through six token expiries without a sign-in',
    { timeout: RUN_MS + 60_000 },
    async () => {
      const { context } = watched;
      const first = await context.newPage();
      await signUp(first, uniqueEmail('ttl'));
      const second = await context.newPage();
      await second.goto('/tasks');
      await second.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();

      const refused: string[] = [];
      for (const page of [first, second]) {
        page.on('response', (response) => {
          if (response.url().includes('auth.refresh') && response.status() !== 200)
            refused.push(response.url());
        });
      }
      const titles: string[] = [];
      const started = Date.now();
      for (let round = 0; Date.now() - started < RUN_MS; round++) {
        const page = round % 2 === 0 ? first : second;
        const title = `Round ${round} task`;
        titles.push(title);
        // The row shows at once (optimistic); the reload below must not abort the write itself.
        const created = page.waitForResponse((r) => r.url().includes('task.create'));
        await addTask(page, title);
        expect((await created).status()).toBe(200);
        await page.getByRole('checkbox', { name: title }).waitFor();
        // Both tabs at once, as when a laptop wakes: the other tab reloads its list too.
        await Promise.all([first.getByRole('link', { name: 'Tasks' }).click(), second.reload()]);
        await Promise.all(
          [first, second].map((p) => p.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor()),
        );
        await page.waitForTimeout(3_000);
      }
      expect(new URL(first.url()).pathname).toBe('/tasks');
      expect(new URL(second.url()).pathname).toBe('/tasks');
      await second.reload();
      for (const title of titles) await second.getByRole('checkbox', { name: title }).waitFor();
      const refreshes = watched.requests.filter((url) => url.includes('auth.refresh')).length;
      // 30 s of 5 s tokens: several refreshes happened, and none was refused.
      expect(refreshes).toBeGreaterThan(3);
      expect(refused).toEqual([]);
      expect(watched.pageErrors).toEqual([]);
      expect(foreignRequests(watched.requests, server.url)).toEqual([]);
    },
  );
});
