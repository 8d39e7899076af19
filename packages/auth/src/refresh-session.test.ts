import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from './errors';
import { REUSE_GRACE_MS, rotateRefreshToken, startSession } from './refresh-session';
import { REFRESH_TOKEN_TTL_MS, hashRefreshToken } from './refresh-token';
import { manualClock } from './testing';

const client = { userAgent: 'vitest', ip: '10.0.0.1' };

describe.each(testEngines)('refresh sessions on %s', (engine) => {
  let db: TestDatabase;
  let userId: string;
  const clock = manualClock();
  const rotate = (token: string) => rotateRefreshToken(db.prisma, token, client, clock.now());
  const codeOf = (token: string) =>
    rotate(token).then(
      () => null,
      (e: unknown) => (e instanceof AuthError ? e.appCode : e),
    );

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    userId = (await db.prisma.user.create({ data: { email: 'r@example.com' } })).id;
  });
  afterAll(() => db?.close());
  beforeEach(() => clock.set(new Date('2026-11-21T12:00:00.000Z')));

  it('stores only the SHA-256 of a 256-bit token, with a 7-day expiry and the client', async () => {
    const started = await startSession(db.prisma, userId, client, clock.now());
    expect(started.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.prisma.refreshToken.findFirstOrThrow({
      where: { sessionId: started.sessionId },
    });
    expect(row.tokenHash).toBe(hashRefreshToken(started.refreshToken));
    expect(row.tokenHash).not.toContain(started.refreshToken);
    expect(row.expiresAt.getTime() - clock.now().getTime()).toBe(REFRESH_TOKEN_TTL_MS);
    const session = await db.prisma.session.findUniqueOrThrow({ where: { id: started.sessionId } });
    expect(session).toMatchObject({ userId, userAgent: 'vitest', ip: '10.0.0.1', revokedAt: null });
  });

  it('rotates on every use: a new token, the old one marked used and linked to it', async () => {
    const { sessionId, refreshToken } = await startSession(db.prisma, userId, client, clock.now());
    clock.advance(60_000);
    const next = await rotateRefreshToken(
      db.prisma,
      refreshToken,
      { userAgent: 'phone', ip: '10.0.0.2' },
      clock.now(),
    );
    expect(next.refreshToken).not.toBe(refreshToken);
    expect(next).toMatchObject({
      sessionId,
      userId,
      refreshTokenExpiresAt: new Date(clock.now().getTime() + REFRESH_TOKEN_TTL_MS),
    });
    const old = await db.prisma.refreshToken.findUniqueOrThrow({
      where: { tokenHash: hashRefreshToken(refreshToken) },
    });
    const successor = await db.prisma.refreshToken.findUniqueOrThrow({
      where: { tokenHash: hashRefreshToken(next.refreshToken!) },
    });
    expect(old.usedAt).toEqual(clock.now());
    expect(old.replacedById).toBe(successor.id);
    expect(successor.usedAt).toBeNull();
    const session = await db.prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session).toMatchObject({
      lastUsedAt: clock.now(),
      userAgent: 'phone',
      ip: '10.0.0.2',
      expiresAt: next.refreshTokenExpiresAt,
    });
    expect((await rotate(next.refreshToken!)).refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('inside the grace window answers without a new token and keeps the session alive', async () => {
    const { sessionId, refreshToken } = await startSession(db.prisma, userId, client, clock.now());
    const winner = await rotate(refreshToken);
    clock.advance(REUSE_GRACE_MS);
    const again = await rotate(refreshToken);
    expect(again).toEqual({
      sessionId,
      userId,
      refreshToken: null,
      refreshTokenExpiresAt: winner.refreshTokenExpiresAt,
    });
    expect(await db.prisma.refreshToken.count({ where: { sessionId } })).toBe(2);
    expect(
      (await db.prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt,
    ).toBeNull();
    expect((await rotate(winner.refreshToken!)).sessionId).toBe(sessionId);
  });

  it('after the grace window revokes the whole session: REFRESH_TOKEN_REUSED', async () => {
    const { sessionId, refreshToken } = await startSession(db.prisma, userId, client, clock.now());
    const successor = await rotate(refreshToken);
    clock.advance(REUSE_GRACE_MS + 1);
    expect(await codeOf(refreshToken)).toBe('REFRESH_TOKEN_REUSED');
    expect(
      (await db.prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt,
    ).toEqual(clock.now());
    // The thief and the victim alike are logged out: the live successor is dead too.
    expect(await codeOf(successor.refreshToken!)).toBe('INVALID_REFRESH_TOKEN');
    expect(await codeOf(refreshToken)).toBe('INVALID_REFRESH_TOKEN');
  });

  it('answers REFRESH_TOKEN_EXPIRED after 7 days, and INVALID_REFRESH_TOKEN for unknown or malformed tokens', async () => {
    const { refreshToken } = await startSession(db.prisma, userId, client, clock.now());
    clock.advance(REFRESH_TOKEN_TTL_MS - 1);
    const fresh = await rotate(refreshToken);
    clock.advance(REFRESH_TOKEN_TTL_MS);
    expect(await codeOf(fresh.refreshToken!)).toBe('REFRESH_TOKEN_EXPIRED');
    expect(await codeOf('A'.repeat(43))).toBe('INVALID_REFRESH_TOKEN');
    expect(await codeOf('short')).toBe('INVALID_REFRESH_TOKEN');
    expect(await codeOf(`${refreshToken}'; DROP TABLE "Session"; --`)).toBe(
      'INVALID_REFRESH_TOKEN',
    );
  });

  it('answers INVALID_REFRESH_TOKEN for a token of a revoked session', async () => {
    const { sessionId, refreshToken } = await startSession(db.prisma, userId, client, clock.now());
    await db.prisma.session.update({ where: { id: sessionId }, data: { revokedAt: clock.now() } });
    expect(await codeOf(refreshToken)).toBe('INVALID_REFRESH_TOKEN');
  });

  it('cuts an oversized user agent to its column instead of failing', async () => {
    const started = await startSession(
      db.prisma,
      userId,
      { userAgent: 'x'.repeat(2000), ip: '1'.repeat(100) },
      clock.now(),
    );
    const session = await db.prisma.session.findUniqueOrThrow({ where: { id: started.sessionId } });
    expect([session.userAgent?.length, session.ip?.length]).toEqual([512, 64]);
  });

  it('leaves exactly one live successor when one token is refreshed concurrently', async () => {
    const { sessionId, refreshToken } = await startSession(db.prisma, userId, client, clock.now());
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => rotate(refreshToken)));
    const issued = results.map((r) =>
      r.status === 'fulfilled' ? r.value.refreshToken : 'rejected',
    );
    expect(issued.filter((t) => typeof t === 'string' && t !== 'rejected')).toHaveLength(1);
    expect(issued.filter((t) => t === null)).toHaveLength(7);
    expect(await db.prisma.refreshToken.count({ where: { sessionId } })).toBe(2);
    expect(await db.prisma.refreshToken.count({ where: { sessionId, usedAt: null } })).toBe(1);
  });
});
