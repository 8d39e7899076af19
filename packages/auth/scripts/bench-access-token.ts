// Access-token verification per second on one core: jose's WebCrypto path (key imported once)
// against the synchronous node:crypto verifier the server uses (src/hs256-jwt.ts).
//   pnpm --filter @repo/auth bench:access-token
import { jwtVerify } from 'jose';
import { createAccessTokens } from '../src/access-token';
import { importHmacKey } from '../src/hmac-key';

const secret = 'bench-secret-0123456789abcdef0123456789abcdef';
const config = { secret, issuer: 'typed-backend', audience: 'typed-backend-clients' };
const tokens = createAccessTokens(config);
const { token } = await tokens.sign({ userId: 'u', email: 'a@example.com', sessionId: 's' });
const key = await importHmacKey(secret, 'JWT_SECRET');
const N = Number(process.env.BENCH_ITERATIONS ?? 50_000);

async function rate(name: string, verify: () => Promise<unknown>) {
  for (let i = 0; i < 2_000; i++) await verify();
  const started = performance.now();
  for (let i = 0; i < N; i++) await verify();
  const ms = performance.now() - started;
  console.log(
    `${name.padEnd(34)} ${Math.round((N / ms) * 1000).toLocaleString('en')} /s  ${((ms * 1000) / N).toFixed(1)} µs each`,
  );
}

await rate('jose jwtVerify (CryptoKey reused)', () =>
  jwtVerify(token, key, {
    algorithms: ['HS256'],
    issuer: config.issuer,
    audience: config.audience,
  }),
);
await rate('verifyHs256Jwt (node:crypto, sync)', () => tokens.verify(token));
