// The web app end to end: Debian's chromium against the production server (the bundle serving
// the built app), on PGlite and, with TEST_DATABASE_URL, on a fresh PostgreSQL database.
import { testEngines } from '@repo/db/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe';
import {
  addTask,
  foreignRequests,
  launch,
  screenshot,
  signIn,
  signUp,
  uniqueEmail,
  watchedContext,
  type Watched,
} from './helpers/browser';
import { type ProductionServer, startProductionServer } from './helpers/production-server';

describe.each(testEngines)('web app on %s', (engine) => {
  let server: ProductionServer;
  let browser: Browser;
  const watched: Watched[] = [];
  const open = async () => {
    const w = await watchedContext(browser, server.url);
    watched.push(w);
    return w;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startProductionServer(engine), launch()]);
  });

  afterAll(async () => {
    // Whatever the tests did, no page threw and nothing left for another host.
    const errors = watched.flatMap((w) => w.pageErrors);
    const foreign = watched.flatMap((w) => foreignRequests(w.requests, server.url));
    await browser?.close();
    await server?.close();
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('signs up, adds a task, and a reload keeps both the task and the session', async () => {
    const { context } = await open();
    const page = await context.newPage();
    await signUp(page, uniqueEmail('reload'));
    await addTask(page, 'Buy oat milk');
    await expect
      .poll(() => page.getByRole('listitem').filter({ hasText: 'Buy oat milk' }).count())
      .toBe(1);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
    await page.getByRole('checkbox', { name: 'Buy oat milk' }).waitFor();
    expect(page.url()).toBe(`${server.url}/tasks`);
  });

  it('completes a task, and completing a recurring one brings its next occurrence', async () => {
    const { context } = await open();
    const page = await context.newPage();
    await signUp(page, uniqueEmail('complete'));
    await addTask(page, 'Pay invoice');
    await addTask(page, 'Water plants every week');
    const plain = page.getByRole('checkbox', { name: 'Pay invoice' });
    const saved = page.waitForResponse((r) => r.url().includes('task.toggleComplete') && r.ok());
    await plain.check();
    await saved;
    await page.reload();
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Pay invoice' }).isChecked())
      .toBe(true);

    await page.getByRole('checkbox', { name: 'Water plants' }).waitFor();
    await page.getByRole('checkbox', { name: 'Water plants' }).check();
    // The completed occurrence stays (checked) and the next one appears, open.
    await expect.poll(() => page.getByRole('checkbox', { name: 'Water plants' }).count()).toBe(2);
    const states = await page
      .getByRole('checkbox', { name: 'Water plants' })
      .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked).sort());
    expect(states).toEqual([false, true]);
  });

  it('keeps filters in the URL, and a URL restores them', async () => {
    const { context } = await open();
    const page = await context.newPage();
    await signUp(page, uniqueEmail('filters'));
    await addTask(page, 'Urgent report !high');
    await addTask(page, 'Someday novel !low');
    await page.getByRole('checkbox', { name: 'Someday novel' }).waitFor();
    await page.getByLabel('Priority').selectOption('high');
    await expect.poll(() => page.url()).toContain('priority=high');
    await expect.poll(() => page.getByRole('checkbox', { name: 'Someday novel' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Active' }).click();
    await page.getByRole('searchbox').fill('report');
    await expect
      .poll(() => new URL(page.url()).search)
      .toBe('?status=active&priority=high&q=report');

    await page.goto('/tasks?priority=low');
    await page.getByRole('checkbox', { name: 'Someday novel' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Urgent report' }).count()).toBe(0);
    expect(await page.getByLabel('Priority').inputValue()).toBe('low');
  });

  it('shows the conflict dialog when two browsers edit one task, and Keep mine wins', async () => {
    const email = uniqueEmail('conflict');
    const a = (await open()).context;
    const b = (await open()).context;
    const pageA = await a.newPage();
    await signUp(pageA, email);
    await addTask(pageA, 'Plan trip');
    await pageA.getByRole('checkbox', { name: 'Plan trip' }).waitFor();
    const pageB = await b.newPage();
    await signIn(pageB, email);

    await pageA.getByRole('button', { name: 'Plan trip', exact: true }).click();
    await pageB.getByRole('button', { name: 'Plan trip', exact: true }).click();
    await pageB.getByRole('textbox', { name: 'Title' }).fill('Plan trip to Lisbon');
    await pageB.getByRole('button', { name: 'Save' }).click();
    await pageB.getByRole('dialog').waitFor({ state: 'detached' });

    await pageA.getByRole('textbox', { name: 'Title' }).fill('Plan trip to Porto');
    await pageA.getByRole('button', { name: 'Save' }).click();
    const dialog = pageA.getByRole('dialog', { name: /changed/ });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Plan trip to Lisbon');
    await screenshot(pageA, `conflict-${engine}`);
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await pageA.getByRole('checkbox', { name: 'Plan trip to Porto' }).waitFor();
    await pageB.reload();
    await pageB.getByRole('checkbox', { name: 'Plan trip to Porto' }).waitFor();
  });

  it('shows a change made in another browser within 3 s, live, without a reload', async () => {
    const email = uniqueEmail('live');
    const pageA = await (await open()).context.newPage();
    await signUp(pageA, email);
    const pageB = await (await open()).context.newPage();
    await signIn(pageB, email);
    for (const page of [pageA, pageB]) {
      await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    }

    const started = Date.now();
    await addTask(pageA, 'Seen live elsewhere');
    await pageB.getByRole('checkbox', { name: 'Seen live elsewhere' }).waitFor({ timeout: 3_000 });
    expect(Date.now() - started).toBeLessThan(3_000);

    await pageA.getByRole('checkbox', { name: 'Seen live elsewhere' }).check();
    await expect
      .poll(() => pageB.getByRole('checkbox', { name: 'Seen live elsewhere' }).isChecked(), {
        timeout: 3_000,
      })
      .toBe(true);
  });

  it('"Sign out other sessions" sends the other browser to sign-in', async () => {
    const email = uniqueEmail('others');
    const mine = await (await open()).context.newPage();
    const other = await (await open()).context.newPage();
    await signUp(mine, email);
    await signIn(other, email);
    await mine.getByRole('link', { name: 'Account' }).click();
    await mine.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await expect.poll(() => mine.getByRole('button', { name: /^Revoke/ }).count()).toBe(1);
    await mine.getByRole('button', { name: 'Sign out other sessions' }).click();
    await expect.poll(() => mine.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);

    // The other browser's next request is refused; it lands on sign-in with the reason.
    await addTask(other, 'Written after revocation');
    await other.getByRole('button', { name: 'Sign in' }).waitFor();
    await other.getByText('Your session has ended').waitFor();
    expect(new URL(other.url()).pathname).toBe('/sign-in');
  });

  it('creates assets with money in their currency, and passes axe on every page', async () => {
    const { context } = await open();
    const page = await context.newPage();
    await page.goto('/sign-in');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, `sign-in-${engine}`);
    await signUp(page, uniqueEmail('assets'));

    await page.getByRole('link', { name: 'Assets' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assets' }).waitFor();
    for (const [name, category, price, value] of [
      ['Charizard holo', 'Trading cards', '12.34', '450'],
      ['Omega Speedmaster', 'Watches', '3200', '5400.5'],
      ['Amazing Fantasy #15', 'Comics', '80', '1200'],
    ] as const) {
      await page.getByRole('button', { name: 'New asset' }).click();
      await page.getByRole('textbox', { name: 'Name' }).fill(name);
      await page.getByRole('textbox', { name: 'Category' }).fill(category);
      await page.getByRole('textbox', { name: 'Purchase price' }).fill(price);
      await page.getByRole('textbox', { name: 'Estimated value' }).fill(value);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    await page.getByText('paid $12.34').waitFor();
    await page.getByText('$5,400.50').first().waitFor();
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, `assets-${engine}`);

    await page.getByRole('link', { name: 'Tasks' }).click();
    await addTask(page, 'Insure the watch tomorrow !high #collection');
    await addTask(page, 'Grade the Charizard every month #cards');
    await addTask(page, 'Frame the comic');
    await page.getByRole('checkbox', { name: 'Frame the comic' }).waitFor();
    // Optimistic rows are replaced by the server's once the list refetches.
    await expect.poll(() => page.locator('.task-row.pending').count()).toBe(0);
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, `tasks-${engine}`);
    await page.getByRole('button', { name: 'Grade the Charizard', exact: true }).click();
    await page.getByRole('textbox', { name: 'Title' }).waitFor();
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, `task-editor-${engine}`);
    await page.keyboard.press('Escape');

    for (const name of ['Tags', 'Account']) {
      await page.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.waitForLoadState('networkidle');
      expect((await seriousViolations(page)).join('\n'), name).toBe('');
      await screenshot(page, `${name.toLowerCase()}-${engine}`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Tasks' }).click();
    await page.getByRole('checkbox', { name: 'Frame the comic' }).waitFor();
    await screenshot(page, `tasks-phone-${engine}`);
  });
});
