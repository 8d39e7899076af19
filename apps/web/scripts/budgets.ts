// Prints the web app's budgets (not a test: figures vary with the machine's load):
//   initial JS, gzipped, of what index.html loads (budget <= 200 KB; pages are separate chunks),
//   first task page render with 1,000 tasks (budget < 1 s after navigation),
//   DOM rows while scrolling through 10,000 tasks (budget <= 300).
// Usage: pnpm --filter @repo/web budgets   (after `pnpm build`; starts its own server on PGlite)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PASSWORD, launch, uniqueEmail, watchedContext } from '../e2e/helpers/browser';
import { startProductionServer } from '../e2e/helpers/production-server';

const dist = resolve(import.meta.dirname, '../dist');

function initialJsKb(): { kb: number; files: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length,
    0,
  );
  return { kb: bytes / 1024, files };
}

async function createTasks(url: string, token: string, count: number) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const res = await fetch(`${url}/api/tasks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: `Task number ${n}`,
          priority: ['low', 'medium', 'high'][n % 3],
        }),
      });
      if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function userWithTasks(url: string, count: number) {
  const email = uniqueEmail('budget');
  const res = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, session: 'token' }),
  });
  const { accessToken } = (await res.json()) as { accessToken: string };
  await createTasks(url, accessToken, count);
  return email;
}

const js = initialJsKb();
console.log(
  `initial JS (gzip): ${js.kb.toFixed(1)} KB in ${js.files.length} files (budget 200 KB)`,
);

const server = await startProductionServer('pglite');
const browser = await launch();
try {
  const { context } = await watchedContext(browser, server.url);
  const page = await context.newPage();
  const signIn = async (email: string) => {
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('listitem').first().waitFor();
  };

  await signIn(await userWithTasks(server.url, 1_000));
  const renders: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await page.goto('/tasks', { waitUntil: 'commit' });
    await page.getByRole('listitem').first().waitFor();
    renders.push(performance.now() - started);
  }
  console.log(
    `first task page render, 1,000 tasks: ${Math.round(Math.min(...renders))} ms best, ${Math.round(renders[renders.length - 1]!)} ms last of 3 (budget < 1000 ms, navigation to first row)`,
  );

  await context.clearCookies();
  await signIn(await userWithTasks(server.url, 10_000));
  let maxRows = 0;
  let loaded = 0;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const state = await page.evaluate(() => {
      const scroller = document.querySelector('.task-scroll')!;
      scroller.scrollTop = scroller.scrollHeight;
      return {
        rows: document.querySelectorAll('.task-list > li').length,
        count: document.querySelector('.page-head .muted')?.textContent ?? '',
      };
    });
    maxRows = Math.max(maxRows, state.rows);
    loaded = Number.parseInt(state.count, 10) || loaded;
    if (loaded >= 10_000) break;
    await page.waitForTimeout(150);
  }
  console.log(
    `scrolling 10,000 tasks: ${loaded} loaded, at most ${maxRows} rows in the DOM (budget <= 300)`,
  );
} finally {
  await browser.close();
  await server.close();
}
