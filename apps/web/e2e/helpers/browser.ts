// Debian's Chromium through playwright-core: one browser process, a context per "person" or
// device. Every context records its requests and page errors, and refuses anything not bound
// for the server under test.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromiumLaunchOptions } from '@repo/chromium-config';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

/** At the repository root, git-ignored. */
export const ARTIFACTS = resolve(import.meta.dirname, '../../../../test-artifacts/web');

export interface Watched {
  context: BrowserContext;
  requests: string[];
  pageErrors: string[];
}

export async function launch(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch(chromiumLaunchOptions());
}

export async function watchedContext(
  browser: Browser,
  origin: string,
  viewport = { width: 1280, height: 860 },
): Promise<Watched> {
  // Reduced motion: axe measures colours once, not halfway through a fade-in.
  const context = await browser.newContext({ viewport, baseURL: origin, reducedMotion: 'reduce' });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(String(error))));
  await context.route('**/*', (route) =>
    route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
  );
  return { context, requests, pageErrors };
}

/** Requests that left the server under test (its own data: and blob: URLs aside). */
export const foreignRequests = (requests: readonly string[], origin: string) =>
  requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob|about):/.test(url));

let emails = 0;
export const uniqueEmail = (label: string) =>
  `${label}-${Date.now().toString(36)}-${++emails}@example.com`;
export const PASSWORD = 'correct horse battery staple';

export async function signUp(page: Page, email: string): Promise<void> {
  await page.goto('/sign-up');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
}

export async function addTask(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'New task' });
  await input.fill(text);
  await input.press('Enter');
}

export function screenshot(page: Page, name: string) {
  return page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: false });
}
