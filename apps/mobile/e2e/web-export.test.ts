// The web export in a phone-sized Chromium against the production server: sign up, add a task
// and find it stored, complete it, reload and still be signed in, see a task made elsewhere
// arrive live, sign out, with no page error on the way.
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppRouter } from '@repo/api';
import { chromiumLaunchOptions } from '@repo/chromium-config';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import superjson from 'superjson';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueEmail } from '../../web/e2e/helpers/browser';
import {
  type ProductionServer,
  startProductionServer,
} from '../../web/e2e/helpers/production-server';
import { E2E_API_HOST, E2E_API_URL } from './helpers/export-build';
import { type StaticExport, serveExport } from './helpers/static-export';

const DIST = resolve(import.meta.dirname, '../dist');
const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts/mobile');
const PHONE = { width: 390, height: 844 };

function builtForE2e(): boolean {
  const bundles = join(DIST, '_expo/static/js/web');
  return readdirSync(bundles).some((file) =>
    readFileSync(join(bundles, file), 'utf8').includes(E2E_API_URL),
  );
}

const apiAs = (url: string, accessToken: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url}/trpc`,
        transformer: superjson,
        headers: { authorization: `Bearer ${accessToken}` },
      }),
    ],
  });

async function signInThroughApi(url: string, email: string) {
  const anonymous = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/trpc`, transformer: superjson })],
  });
  const { accessToken } = await anonymous.auth.login.mutate({
    email,
    password: PASSWORD,
    session: 'token',
  });
  return apiAs(url, accessToken);
}

describe('the web export on a phone-sized screen', () => {
  let site: StaticExport;
  let server: ProductionServer;
  let browser: Browser;
  let page: Page;
  let context: BrowserContext;
  const pageErrors: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    if (!builtForE2e()) {
      throw new Error(`dist/ is not built for ${E2E_API_URL}: run the package's test script`);
    }
    await mkdir(ARTIFACTS, { recursive: true });
    site = await serveExport(DIST);
    const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
    server = await startProductionServer(engine, { CORS_ORIGINS: site.origin });
    const apiPort = new URL(server.url).port;
    browser = await chromium.launch(
      chromiumLaunchOptions([`--host-resolver-rules=MAP ${E2E_API_HOST}:80 127.0.0.1:${apiPort}`]),
    );
  }, 120_000);

  // Each test on a fresh phone: its own storage, so one test's session cannot leak into the next.
  beforeEach(async () => {
    context = await browser.newContext({ viewport: PHONE, hasTouch: true, baseURL: site.origin });
    // Only the export's host and the server: a request anywhere else is a bug (and refused).
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${site.origin}/`) || url.startsWith(`${E2E_API_URL}/`)) {
        return route.continue();
      }
      refused.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  });

  afterEach(async () => {
    await context.close();
    pageErrors.length = 0;
    refused.length = 0;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.close();
  });

  it('signs up, adds, completes, survives a reload, goes live, signs out', async () => {
    const email = uniqueEmail('mobile-web');
    await page.goto('/sign-up');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    const api = await signInThroughApi(server.url, email);

    const newTask = page.getByRole('textbox', { name: 'New task' });
    await newTask.fill('Buy oat milk !high');
    await newTask.press('Enter');
    const milk = page.getByRole('checkbox', { name: 'Buy oat milk' });
    await milk.waitFor();
    await expect
      .poll(async () =>
        (await api.task.list.query({})).items.map((t) => [t.title, t.priority, t.completed]),
      )
      .toEqual([['Buy oat milk', 'high', false]]);

    await milk.click();
    await expect.poll(async () => milk.getAttribute('aria-checked')).toBe('true');
    await expect
      .poll(async () => (await api.task.list.query({})).items.map((t) => t.completed))
      .toEqual([true]);

    await page.reload();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await expect.poll(async () => milk.getAttribute('aria-checked')).toBe('true');
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    await api.task.create.mutate({ title: 'Made on the laptop' });
    await page.getByRole('checkbox', { name: 'Made on the laptop' }).waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'tasks.png') });

    await page.getByRole('tab', { name: 'Account' }).click();
    await page.getByText(email).waitFor();
    // A reload here was a blank page: the saved cache brought the sessions' dates back as
    // strings and formatting them threw.
    await page.reload();
    await page
      .getByText(/^Last used /)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'signed-out.png') });

    expect(pageErrors).toEqual([]);
    expect(refused).toEqual([]);
  }, 120_000);

  it('keeps tags, picks one in the task editor, and an asset priced in its own currency', async () => {
    const email = uniqueEmail('mobile-web-collection');
    await page.goto('/sign-up');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    const api = await signInThroughApi(server.url, email);

    await page.getByRole('tab', { name: 'Tags' }).click();
    await page.getByRole('textbox', { name: 'Tag name' }).fill('garden');
    await page.getByRole('button', { name: 'Add tag' }).click();
    const tagName = page.getByRole('textbox', { name: 'Name of garden' });
    await tagName.fill('allotment');
    await tagName.press('Enter');
    await expect
      .poll(async () => (await api.tag.list.query()).map((t) => t.name))
      .toEqual(['allotment']);

    // The task editor picks tags as the web one does: the stored task carries the one picked.
    const task = await api.task.create.mutate({ title: 'Dig the beds' });
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.getByRole('button', { name: 'Edit Dig the beds' }).click();
    const chip = page.getByRole('checkbox', { name: 'allotment' });
    await chip.click();
    await expect.poll(async () => chip.getAttribute('aria-checked')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'task-editor.png') });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await expect
      .poll(async () => (await api.task.byId.query({ id: task.id })).tags.map((t) => t.name))
      .toEqual(['allotment']);

    await page.getByRole('tab', { name: 'Tags' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await api.tag.list.query()).length).toBe(0);

    await page.getByRole('tab', { name: 'Assets' }).click();
    await page.getByRole('button', { name: 'New asset' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Blue vase');
    await page.getByRole('textbox', { name: 'Currency' }).fill('EUR');
    await page.getByRole('textbox', { name: 'Estimated value' }).fill('12.5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Blue vase' }).waitFor();
    await expect
      .poll(async () =>
        (await api.asset.list.query({})).items.map((a) => [a.currency, a.estimatedValueCents]),
      )
      .toEqual([['EUR', 1250]]);
    await page.getByText('€12.50').waitFor();
    await page.getByRole('button', { name: 'Blue vase' }).click();
    await page.getByRole('heading', { name: 'Blue vase' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'asset.png') });

    expect(pageErrors).toEqual([]);
    expect(refused).toEqual([]);
  }, 120_000);
});
