// Debian's Chromium driven by playwright-core (no browser download): a fresh profile per run,
// every request it makes recorded, and anything not bound for the test server refused, so a
// page that reaches for a CDN fails the test instead of quietly working online.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, chromiumLaunchOptions } from '@repo/chromium-config';
import { type BrowserContext, chromium } from 'playwright-core';

export const hasChromium = existsSync(CHROMIUM);
/** At the repository root, git-ignored. */
export const ARTIFACTS = resolve(import.meta.dirname, '../../../../test-artifacts');

export interface Browser {
  context: BrowserContext;
  /** Every URL the browser asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function launchBrowser(allowedOrigin: string): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'typed-backend-chromium-'));
  await mkdir(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(),
    viewport: { width: 1280, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) =>
    route.request().url().startsWith(`${allowedOrigin}/`) ? route.continue() : route.abort(),
  );
  return {
    context,
    requests,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Requests that left the test server: anything but its origin and the page's own data/blob URLs. */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !/^(data|blob|about):/.test(url),
  );
}
