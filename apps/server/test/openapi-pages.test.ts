// /openapi.json, /docs and /panel as served: local files only (no CDN, no web font), the panel
// on by default outside production and off when PANEL_ENABLED says so.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/env';
import { type TestServer, startTestServer } from './helpers/test-server';

/** Every absolute URL a page would load: script src, link href, CSS url(). */
const externalLoads = (html: string) =>
  [
    ...html.matchAll(/(?:src|href)\s*=\s*["'](https?:)?\/\/[^"']+|url\(\s*["']?https?:\/\/[^)]+/g),
  ].map((m) => m[0]);

/** A GET whose path is sent as written: fetch would resolve the `..` segments itself. */
const rawStatus = (base: TestServer, path: string) =>
  new Promise<number>((resolve, reject) => {
    const { hostname, port } = new URL(base.url);
    request({ hostname, port, path }, (res) => resolve(res.resume().statusCode ?? 0))
      .on('error', reject)
      .end();
  });

describe('the docs and panel pages', () => {
  let server: TestServer;
  let dark: TestServer;
  const get = (base: TestServer, path: string) => fetch(`${base.url}${path}`);
  beforeAll(async () => {
    [server, dark] = await Promise.all([
      startTestServer(),
      startTestServer({ config: { panelEnabled: false } }),
    ]);
  });
  afterAll(() => Promise.all([server?.close(), dark?.close()]));

  it('serves the document as JSON, the same bytes every time', async () => {
    const [a, b] = await Promise.all([get(server, '/openapi.json'), get(server, '/openapi.json')]);
    expect([a.status, a.headers.get('content-type')]).toEqual([
      200,
      'application/json; charset=utf-8',
    ]);
    expect(await a.text()).toBe(await b.text());
  });

  it('serves Swagger UI from local files, pointed at /openapi.json with no validator badge', async () => {
    const page = await get(server, '/docs');
    const html = await page.text();
    expect([page.status, page.headers.get('content-type')]).toEqual([
      200,
      'text/html; charset=utf-8',
    ]);
    expect(externalLoads(html)).toEqual([]);
    const scripts = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    for (const path of [...scripts, ...styles]) {
      const res = await get(server, path);
      expect([path, res.status]).toEqual([path, 200]);
      const body = await res.text();
      if (path.endsWith('.css'))
        expect(body).not.toMatch(/@import|fonts\.googleapis|url\(\s*["']?https?:/);
    }
    const init = await (await get(server, '/docs/init.js')).text();
    expect(init).toContain('"url":"/openapi.json"');
    expect(init).toContain('"validatorUrl":null');
    expect(await rawStatus(server, '/docs/assets/../../package.json')).toBe(404);
  });

  it('serves the panel with its Monaco editor from our own files, never the CDN', async () => {
    const page = await get(server, '/panel');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toContain('cdn.jsdelivr.net');
    expect(html).toContain('"/panel/monaco/vs"');
    const loader = await get(server, '/panel/monaco/vs/loader.js');
    expect([loader.status, loader.headers.get('content-type')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
    expect((await get(server, '/panel/monaco/vs/editor/editor.main.js')).status).toBe(200);
    for (const escape of [
      '/panel/monaco/vs/../../package.json',
      '/panel/monaco/vs/%2e%2e/%2e%2e/package.json',
    ]) {
      expect((await get(server, escape)).status, escape).toBe(404);
    }
  });

  it('lists every procedure in the panel', async () => {
    const html = await (await get(server, '/panel')).text();
    for (const name of [
      'register',
      'login',
      'refresh',
      'logout',
      'changePassword',
      'toggleComplete',
      'byId',
    ]) {
      expect(html, name).toContain(`"${name}"`);
    }
  });

  it('hides the panel when it is disabled, and disables it by default in production only', async () => {
    expect((await get(dark, '/panel')).status).toBe(404);
    expect((await get(dark, '/docs')).status).toBe(200);
    const base = { JWT_SECRET: 'k'.repeat(48), DATA_DIR: '/tmp/typed-backend-test' };
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).panelEnabled).toBe(false);
    expect(
      loadConfig({ ...base, NODE_ENV: 'production', PANEL_ENABLED: 'true' }).panelEnabled,
    ).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).panelEnabled).toBe(true);
  });
});
