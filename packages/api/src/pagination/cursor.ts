// Opaque keyset cursors: base64url JSON of (sort, order, last value, last id), HMAC-signed so a
// tampered or hand-made cursor is refused instead of silently starting somewhere else.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors';

const payloadSchema = z.strictObject({
  s: z.string().max(32),
  o: z.enum(['asc', 'desc']),
  v: z.union([z.string().max(1000), z.number(), z.null()]),
  i: z.union([z.number().int(), z.string().max(64)]),
});

export type CursorPayload = z.infer<typeof payloadSchema>;

const SIGNATURE_BYTES = 16;

function sign(body: string, key: Uint8Array): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, SIGNATURE_BYTES);
}

export function encodeCursor(payload: CursorPayload, key: Uint8Array): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body, key).toString('base64url')}`;
}

const invalid = (why: string) =>
  new AppError('INVALID_CURSOR', `Invalid cursor: ${why}`, { field: 'cursor' });

/** Decodes a cursor made by encodeCursor for the same sort and order, or throws INVALID_CURSOR. */
export function decodeCursor(
  cursor: string,
  key: Uint8Array,
  expected: { sort: string; order: 'asc' | 'desc' },
): CursorPayload {
  const [body, signature, extra] = cursor.split('.');
  if (!body || !signature || extra !== undefined) throw invalid('malformed');
  // Compared as text, not decoded bytes: base64url's last character carries padding bits, so
  // several spellings decode to the same bytes; only the one encodeCursor wrote is accepted.
  const given = Buffer.from(signature);
  const wanted = Buffer.from(sign(body, key).toString('base64url'));
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) throw invalid('tampered');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalid('malformed');
  }
  const result = payloadSchema.safeParse(parsed);
  if (!result.success) throw invalid('malformed');
  if (result.data.s !== expected.sort || result.data.o !== expected.order) {
    throw invalid('it belongs to another sort or order');
  }
  return result.data;
}
