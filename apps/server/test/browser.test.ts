// The two interactive faces in a real browser: /docs authorizes through the OAuth2 token
// endpoint and lists tasks from the page; /panel registers, sets the bearer header as its
// description says, and creates a task. Nothing may be fetched from anywhere but the server.
import { join } from 'node:path';
import { CHROMIUM } from '@repo/chromium-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from './helpers/auth-http';
import {
  ARTIFACTS,
  type Browser,
  foreignRequests,
  hasChromium,
  launchBrowser,
} from './helpers/browser';
import { registerRest, rest } from './helpers/rest-http';
import { type TestServer, startTestServer } from './helpers/test-server';

const MISSING = `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`;
// In CI a skipped browser suite would hide broken pages: fail instead.
if (!hasChromium && process.env.CI) throw new Error(`CI: ${MISSING}`);
if (!hasChromium) console.warn(`Notice: browser tests skipped (${MISSING})`);

describe.skipIf(!hasChromium)(
  `docs and panel in Chromium${hasChromium ? '' : ` (skipped: ${MISSING})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;
    beforeAll(async () => {
      server = await startTestServer({ config: { rateLimitAuthPoints: 1000 } });
      browser = await launchBrowser(server.url);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('authorizes /docs through the token endpoint and lists tasks from the page', async () => {
      const user = await registerRest(server.url);
      await rest(server.url, 'POST', '/api/tasks', {
        token: user.accessToken,
        body: { title: 'Seen from the docs' },
      });
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/docs`);

      await page.locator('.btn.authorize').first().click();
      const dialog = page.locator('.modal-ux');
      await dialog.locator('#oauth_username').fill(user.email);
      await dialog.locator('#oauth_password').fill(PASSWORD);
      const [token] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/token')),
        dialog.getByRole('button', { name: 'Apply given OAuth2 credentials' }).click(),
      ]);
      expect(token.status()).toBe(200);
      await dialog.locator('.btn-done').last().click();

      const list = page
        .locator('.opblock-get', {
          has: page.locator('.opblock-summary-path[data-path="/api/tasks"]'),
        })
        .first();
      await list.locator('.opblock-summary').click();
      const [answer] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/tasks'),
        list.locator('.execute').click(),
      ]);
      expect(answer.status()).toBe(200);
      expect(answer.request().headers().authorization).toMatch(/^Bearer ey/);
      await expect
        .poll(() => list.locator('.live-responses-table').textContent())
        .toContain('Seen from the docs');
      await page.screenshot({ path: join(ARTIFACTS, 'docs.png'), fullPage: false });
      await list.screenshot({ path: join(ARTIFACTS, 'docs-get-tasks.png') });
      await page.close();
    });

    it('registers in /panel, sets the bearer header and creates a task', async () => {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/panel`);

      await page.getByRole('heading', { name: 'auth', exact: true }).click();
      await page.locator('span.text-lg', { hasText: /^register$/ }).click();
      const register = page.locator('form', {
        has: page.getByRole('button', { name: 'Execute register' }),
      });
      await register
        .getByPlaceholder('Enter value for email*')
        .fill(`panel-${Date.now()}@example.com`);
      await register.getByPlaceholder('Enter value for password*').fill(PASSWORD);
      const [registered] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/trpc/auth.register')),
        register.getByRole('button', { name: 'Execute register' }).click(),
      ]);
      const [{ result }] = (await registered.json()) as [
        { result: { data: { json: { accessToken: string } } } },
      ];

      // The panel's own way, as its description tells a developer: Headers -> Add -> Confirm.
      await page.getByRole('button', { name: 'Headers' }).click();
      const headers = page.locator('form', { has: page.getByRole('heading', { name: 'Headers' }) });
      await headers.getByRole('button', { name: 'Add' }).click();
      await headers.getByPlaceholder('Enter value for Key').fill('Authorization');
      await headers
        .getByPlaceholder('Enter value for Value')
        .fill(`Bearer ${result.data.json.accessToken}`);
      await headers.getByRole('button', { name: 'Confirm' }).click();

      await page.getByRole('heading', { name: 'task', exact: true }).click();
      await page
        .locator('span.text-lg', { hasText: /^create$/ })
        .first()
        .click();
      const create = page
        .locator('form', { has: page.getByRole('button', { name: 'Execute create' }) })
        .first();
      await create.getByPlaceholder('Enter value for title*').fill('Made in the panel');
      const [created] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/trpc/task.create')),
        create.getByRole('button', { name: 'Execute create' }).click(),
      ]);
      expect(created.status()).toBe(200);
      const card = page.locator('div.bg-mutationBg', { has: create });
      await expect.poll(() => card.textContent()).toContain('"Made in the panel"');

      // The raw-JSON editor is Monaco, which must come from /panel/monaco, not a CDN.
      await create.locator('button:has(svg)').nth(2).click();
      await page.locator('.monaco-editor').first().waitFor();
      expect(browser.requests.some((url) => url.endsWith('/panel/monaco/vs/loader.js'))).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'panel.png'), fullPage: false });
      await page.close();
    });

    it('made no request outside the test server', () => {
      expect(browser.requests.length).toBeGreaterThan(5);
      expect(foreignRequests(browser.requests, server.url)).toEqual([]);
    });
  },
);
