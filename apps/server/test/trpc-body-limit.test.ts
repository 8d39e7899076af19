// /trpc has a smaller body limit than the REST mirror (TRPC_BODY_LIMIT_BYTES, default 128 KiB):
// its bodies are parsed before authentication. The default still fits the largest valid input,
// an asset with every field at its limit, built here from the validators' own constants.
import {
  MAX_IMAGE_URLS,
  MAX_IMAGE_URL_LENGTH,
  MAX_METADATA_BYTES,
  MAX_TAGS,
  MAX_TAG_LENGTH,
} from '@repo/validators';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, register, trpc } from './helpers/auth-http';
import { type TestServer, startTestServer } from './helpers/test-server';

/** Every field at its limit; the description's control characters take 6 bytes each in JSON. */
function largestAsset() {
  const url = (i: number) => `https://example.com/${i}/`.padEnd(MAX_IMAGE_URL_LENGTH, 'a');
  const tag = (i: number) => `${i}`.padEnd(MAX_TAG_LENGTH, 't');
  // {"k":"..."} is 8 bytes around the value.
  const metadata = { k: 'm'.repeat(MAX_METADATA_BYTES - 8) };
  return {
    name: '\u0001'.repeat(200),
    description: '\u0001'.repeat(10_000),
    category: 'c'.repeat(50),
    imageUrls: Array.from({ length: MAX_IMAGE_URLS }, (_, i) => url(i)),
    tags: Array.from({ length: MAX_TAGS }, (_, i) => tag(i)),
    metadata,
  };
}

/** A raw POST, with Content-Length or chunked; the status and the appCode of the answer. */
function post(
  url: string,
  body: string,
  chunked: boolean,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(chunked ? {} : { 'content-length': Buffer.byteLength(body) }),
      },
    });
    req.once('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may answer and close before the whole body is written.
    req.once('error', reject);
    req.end(body);
  });
}

describe('tRPC body limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('fits the largest valid input (an asset at every limit) under the default', async () => {
    const me = await register(server.url, 'token');
    const input = largestAsset();
    const bytes = Buffer.byteLength(JSON.stringify({ json: input }));
    expect(bytes).toBeGreaterThan(100 * 1024);
    expect(bytes).toBeLessThan(server.config.trpcBodyLimitBytes);
    const created = await trpc(server.url, 'asset.create', input, {
      headers: bearer(me.data!.accessToken),
    });
    expect(created.error).toBeUndefined();
    expect(created.status).toBe(200);
  });

  it('answers 413 PAYLOAD_TOO_LARGE past TRPC_BODY_LIMIT_BYTES, declared or chunked, where REST still reads it', async () => {
    const limit = server.config.trpcBodyLimitBytes;
    expect(limit).toBe(128 * 1024);
    expect(server.config.bodyLimitBytes).toBeGreaterThan(limit);
    const body = JSON.stringify({ json: { email: 'a@example.com', password: 'p'.repeat(limit) } });
    for (const chunked of [false, true]) {
      const reply = await post(`${server.url}/trpc/auth.login`, body, chunked);
      expect(reply.status).toBe(413);
      const envelope = JSON.parse(reply.text) as { error: { json: { data: { appCode: string } } } };
      expect(envelope.error.json.data.appCode).toBe('PAYLOAD_TOO_LARGE');
    }
    // The REST mirror's limit is BODY_LIMIT_BYTES: the same body is read and judged (400).
    const restReply = await post(
      `${server.url}/api/v1/auth/login`,
      JSON.stringify({ email: 'a@example.com', password: 'p'.repeat(limit) }),
      false,
    );
    expect(restReply.status).toBe(400);
    expect(JSON.parse(restReply.text)).toMatchObject({ code: 'PASSWORD_TOO_LONG' });
  });
});
