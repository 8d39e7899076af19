// The built web app at `/`: hashed assets cached for good, index.html (never cached) for the
// app's routes, correct types, no listings, no way out of the build directory, and every other
// face of the server still in front of it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from './helpers/test-server';

let dir: string;
let server: TestServer;
const html = { accept: 'text/html,application/xhtml+xml' };

/** Raw path, as a browser or an attacker may send it (fetch would normalize `..`). */
function get(path: string, headers: Record<string, string> = {}) {
  const url = new URL(server.url);
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-app-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
  await writeFile(join(dir, 'assets', 'index-AbC123.css'), 'body{}');
  await writeFile(join(dir, 'favicon.svg'), '<svg/>');
  server = await startTestServer({ webAppDir: dir });
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web app at /', () => {
  it('serves index.html for / and client routes, never cached', async () => {
    for (const path of ['/', '/tasks', '/tasks?status=active', '/assets', '/account/sessions']) {
      const res = await get(path, html);
      expect([res.status, res.headers['content-type'], res.headers['cache-control']], path).toEqual(
        [200, 'text/html; charset=utf-8', 'no-cache'],
      );
      expect(res.body).toContain('<title>app</title>');
    }
  });

  it('serves hashed assets with their type, cached immutably', async () => {
    const js = await get('/assets/index-AbC123.js');
    expect([js.status, js.headers['content-type'], js.headers['cache-control']]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    expect((await get('/assets/index-AbC123.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('answers 404 for a missing asset, even to a browser, instead of the page', async () => {
    expect((await get('/assets/index-gone.js', html)).status).toBe(404);
    expect((await get('/no/such/file.js')).status).toBe(404);
  });

  it('lists no directory and refuses to leave the build directory', async () => {
    const listing = await get('/assets/', html);
    expect(listing.body).not.toContain('index-AbC123');
    for (const path of [
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/%00',
    ]) {
      const res = await get(path, html);
      expect(res.body, path).not.toContain('"name"');
    }
  });

  it('keeps /trpc, /api, /docs, /openapi.json and health in front of it', async () => {
    expect((await get('/healthz', html)).body).not.toContain('<title>app</title>');
    expect((await get('/openapi.json', html)).headers['content-type']).toMatch(
      /^application\/json/,
    );
    expect((await get('/docs', html)).body).not.toContain('<title>app</title>');
    expect((await get('/trpc/no.such', html)).status).toBe(404);
    expect((await get('/api/tasks', html)).status).toBe(401);
  });
});
