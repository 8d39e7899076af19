import { createAccessTokens } from '@repo/auth';
import { describe, expect, it } from 'vitest';
import { mintAccessToken } from '../src/tokens';

const config = {
  secret: 'a-bench-secret-that-is-long-enough-for-hs256-0123456789',
  issuer: 'typed-backend-bench',
  audience: 'typed-backend-bench-clients',
};
const session = {
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'bench-1@bench.test',
  sessionId: '00000000-0000-4000-8000-000000000002',
};

describe('bench access tokens', () => {
  it("are accepted by @repo/auth's verifier with the same secret, issuer and audience", async () => {
    const token = await mintAccessToken(config, session);
    const claims = await createAccessTokens(config).verify(token);
    expect(claims).toMatchObject({
      userId: session.userId,
      email: session.email,
      sessionId: session.sessionId,
    });
  });

  it('are refused by a verifier with another audience', async () => {
    const token = await mintAccessToken(config, session);
    await expect(
      createAccessTokens({ ...config, audience: 'other' }).verify(token),
    ).rejects.toThrow(/^Invalid access token$/);
  });
});
