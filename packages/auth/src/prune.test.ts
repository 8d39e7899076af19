import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRUNE_AFTER_MS, pruneSessions } from './prune';
import { rotateRefreshToken, startSession } from './refresh-session';
import { findSessionByRefreshToken, revokeSession } from './sessions';
import { manualClock } from './testing';

describe.each(testEngines)('pruning on %s', (engine) => {
  let db: TestDatabase;
  const clock = manualClock();
  const client = { userAgent: 'ua', ip: '127.0.0.1' };
  const DAY = 24 * 3600 * 1000;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db?.close());

  it('deletes ended sessions and expired tokens a day on, keeping everything still usable', async () => {
    const userId = (await db.prisma.user.create({ data: { email: 'prune@example.com' } })).id;
    const live = await startSession(db.prisma, userId, client, clock.now(), 30 * DAY);
    const revoked = await startSession(db.prisma, userId, client, clock.now());
    await revokeSession(db.prisma, userId, revoked.sessionId, clock.now());
    const expiring = await startSession(db.prisma, userId, client, clock.now(), DAY);
    // The live session's first token: rotated out now, expired after 2 days (rotated with 2 days).
    const short = await startSession(db.prisma, userId, client, clock.now(), 2 * DAY);
    const next = await rotateRefreshToken(
      db.prisma,
      short.refreshToken,
      client,
      clock.now(),
      30 * DAY,
    );

    expect(await pruneSessions(db.prisma, clock.now())).toEqual({ sessions: 0, refreshTokens: 0 });
    clock.advance(2 * DAY + PRUNE_AFTER_MS + 1000);
    expect(await pruneSessions(db.prisma, clock.now())).toEqual({ sessions: 2, refreshTokens: 1 });

    const sessions = await db.prisma.session.findMany({ select: { id: true } });
    expect(sessions.map((s) => s.id).sort()).toEqual([live.sessionId, short.sessionId].sort());
    expect(await findSessionByRefreshToken(db.prisma, short.refreshToken, clock.now())).toBeNull();
    expect(
      await findSessionByRefreshToken(db.prisma, next.refreshToken!, clock.now()),
    ).toMatchObject({
      live: true,
      current: true,
    });
    expect(await db.prisma.session.count({ where: { id: expiring.sessionId } })).toBe(0);
  });
});
