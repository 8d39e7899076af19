// The synchronous verifier must decide exactly as jose does on every token we can make up:
// accepted, expired, or invalid.
import fc from 'fast-check';
import { errors, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { Hs256VerifyError, verifyHs256Jwt } from './hs256-jwt';
import { hmacToken, unsignedToken } from './testing';

const secret = 'test-secret-0123456789abcdef0123456789abcdef';
const issuer = 'https://api.test';
const audience = 'https://app.test';
const now = new Date('2026-11-21T12:00:00.000Z');
const nowSeconds = Math.floor(now.getTime() / 1000);
const options = {
  issuer,
  audience,
  typ: 'at+jwt',
  clockToleranceSeconds: 5,
  now,
  requiredClaims: ['sub', 'iat', 'exp', 'jti'],
};

type Outcome = 'ok' | 'expired' | 'invalid';

function ours(token: string): Outcome {
  try {
    verifyHs256Jwt(token, Buffer.from(secret), options);
    return 'ok';
  } catch (error) {
    if (!(error instanceof Hs256VerifyError)) throw error;
    return error.reason;
  }
}

async function jose(token: string): Promise<Outcome> {
  try {
    await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      issuer,
      audience,
      typ: options.typ,
      clockTolerance: options.clockToleranceSeconds,
      currentDate: now,
      requiredClaims: [...options.requiredClaims],
    });
    return 'ok';
  } catch (error) {
    return error instanceof errors.JWTExpired ? 'expired' : 'invalid';
  }
}

/** The valid value most of the time, so every outcome (ok, expired, invalid) is common. */
const mostly = <T>(valid: T, ...others: T[]) =>
  fc.oneof(
    { weight: 7, arbitrary: fc.constant(valid) },
    { weight: 1, arbitrary: fc.constantFrom(...others) },
  );
const absent = undefined;
const seconds = (base: number) =>
  fc.oneof(
    { weight: 7, arbitrary: fc.integer({ min: base - 20, max: base + 20 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('1', null, absent) },
  );

const header = fc.record({
  alg: mostly<unknown>('HS256', 'HS384', 'none', 'hs256', 'RS256', absent),
  typ: mostly<unknown>('at+jwt', 'AT+JWT', 'application/at+jwt', 'JWT', absent, 1),
  crit: mostly<unknown>(absent, ['exp'], []),
  b64: mostly<unknown>(absent, false, true),
});

const claims = fc.record({
  sub: mostly<unknown>('user-1', '', absent),
  iss: mostly<unknown>(issuer, 'https://evil.test', absent),
  aud: mostly<unknown>(audience, [audience, 'x'], ['x'], 'https://other.test', absent),
  iat: seconds(nowSeconds),
  // Around the tolerance edge: now - 5 s is where a token stops being honoured.
  exp: seconds(nowSeconds - 5),
  nbf: mostly<unknown>(absent, nowSeconds + 4, nowSeconds + 6, nowSeconds + 60, 'x'),
  jti: mostly<unknown>('j1', '', absent),
});

const withoutAbsent = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== absent));

const token = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(header, claims, fc.boolean())
      .map(([h, c, right]) =>
        hmacToken(withoutAbsent(h), withoutAbsent(c), right ? secret : `${secret}-other`),
      ),
  },
  { weight: 1, arbitrary: claims.map((c) => unsignedToken(withoutAbsent(c))) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

describe('verifyHs256Jwt', () => {
  it('accepts, expires and refuses exactly the tokens jose does', async () => {
    const seen: Record<Outcome, number> = { ok: 0, expired: 0, invalid: 0 };
    await fc.assert(
      fc.asyncProperty(token, async (t) => {
        const outcome = ours(t);
        expect(outcome).toBe(await jose(t));
        seen[outcome]++;
      }),
      { numRuns: 3000 },
    );
    // The comparison means something only if every outcome came up often.
    for (const outcome of ['ok', 'expired', 'invalid'] as const) {
      expect(seen[outcome]).toBeGreaterThan(100);
    }
  });

  it('refuses a signature spelled differently that decodes to the same bytes', () => {
    const good = hmacToken(
      { alg: 'HS256', typ: 'at+jwt' },
      {
        sub: 'u',
        iss: issuer,
        aud: audience,
        iat: nowSeconds,
        exp: nowSeconds + 60,
        jti: 'j',
      },
      secret,
    );
    expect(ours(good)).toBe('ok');
    const last = good.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 32 MAC bytes end in a character holding 4 meaningful bits: its neighbour within the same
    // group of four decodes to the same bytes.
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    const respelled = good.slice(0, -1) + sibling;
    expect(Buffer.from(respelled.split('.')[2]!, 'base64url')).toEqual(
      Buffer.from(good.split('.')[2]!, 'base64url'),
    );
    expect(ours(respelled)).toBe('invalid');
  });
});
