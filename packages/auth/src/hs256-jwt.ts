// Verifies our own HS256 JWTs synchronously with node:crypto's HMAC. jose's WebCrypto path costs
// a promise and a key operation per call on every authenticated request; this does the same checks,
// in jose's order, with one HMAC (measured in scripts/bench-access-token.ts; property-tested
// against jose in hs256-jwt.test.ts). jose still signs, and verifies external issuers' tokens.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Hs256VerifyOptions {
  issuer: string;
  audience: string;
  /** Expected `typ` header, compared as jose does (case-insensitive, "application/" optional). */
  typ: string;
  clockToleranceSeconds: number;
  now: Date;
  /** Claims that must be present (exp and iat are also type-checked). */
  requiredClaims: readonly string[];
}

export type JwtPayload = Record<string, unknown>;

/** Expiry is the one failure a client fixes by refreshing; everything else is `invalid`. */
export class Hs256VerifyError extends Error {
  override name = 'Hs256VerifyError';
  constructor(
    readonly reason: 'expired' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

const invalid = (message: string) => new Hs256VerifyError('invalid', message);

const normalizeTyp = (typ: string) => typ.toLowerCase().replace(/^application\//, '');

function decodeJsonObject(part: string, what: string): JwtPayload {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw invalid(`${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`${what} is not a JSON object`);
  }
  return value as JwtPayload;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function verifyHs256Jwt(
  token: string,
  key: Buffer,
  options: Hs256VerifyOptions,
): JwtPayload {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid('not a compact JWS');
  const [head = '', body = '', signature = ''] = parts;
  if (!BASE64URL.test(head) || !BASE64URL.test(body) || !BASE64URL.test(signature)) {
    throw invalid('not base64url');
  }

  const header = decodeJsonObject(head, 'header');
  if (header.alg !== 'HS256') throw invalid('algorithm not allowed');
  // No JWS extension is understood, so none may be critical (RFC 7515 4.1.11). Outside crit,
  // b64 (RFC 7797) has no effect, as in jose.
  if ('crit' in header) throw invalid('unsupported critical header parameter');

  // Compared as text: the last base64url character has padding bits, so only the canonical
  // spelling of the MAC is accepted.
  const expected = Buffer.from(
    createHmac('sha256', key).update(`${head}.${body}`).digest('base64url'),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('signature verification failed');
  }

  const payload = decodeJsonObject(body, 'payload');
  if (typeof header.typ !== 'string' || normalizeTyp(header.typ) !== normalizeTyp(options.typ)) {
    throw invalid('unexpected typ');
  }
  for (const claim of options.requiredClaims) {
    if (!(claim in payload)) throw invalid(`missing required claim ${claim}`);
  }
  if (payload.iss !== options.issuer) throw invalid('unexpected iss');
  const aud = payload.aud;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(options.audience)) throw invalid('unexpected aud');

  const now = Math.floor(options.now.getTime() / 1000);
  const tolerance = options.clockToleranceSeconds;
  if ('iat' in payload && typeof payload.iat !== 'number') throw invalid('iat must be a number');
  if ('nbf' in payload) {
    if (typeof payload.nbf !== 'number') throw invalid('nbf must be a number');
    if (payload.nbf > now + tolerance) throw invalid('not yet valid');
  }
  if ('exp' in payload) {
    if (typeof payload.exp !== 'number') throw invalid('exp must be a number');
    if (payload.exp <= now - tolerance) throw new Hs256VerifyError('expired', 'token expired');
  }
  return payload;
}
