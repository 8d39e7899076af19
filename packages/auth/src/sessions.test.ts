import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateRefreshToken, startSession } from './refresh-session';
import {
  findSessionByRefreshToken,
  listLiveSessions,
  revokeSession,
  revokeUserSessions,
} from './sessions';
import { manualClock } from './testing';

describe.each(testEngines)('sessions on %s', (engine) => {
  let db: TestDatabase;
  const clock = manualClock();
  const client = { userAgent: 'ua', ip: '127.0.0.1' };
  const newUser = async (email: string) => (await db.prisma.user.create({ data: { email } })).id;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db?.close());

  it('lists only live sessions, most recently used first', async () => {
    const userId = await newUser('list@example.com');
    const a = await startSession(db.prisma, userId, client, clock.now());
    clock.advance(1000);
    const b = await startSession(db.prisma, userId, client, clock.now());
    const c = await startSession(db.prisma, userId, client, clock.now());
    await revokeSession(db.prisma, userId, c.sessionId, clock.now());
    clock.advance(1000);
    await rotateRefreshToken(db.prisma, a.refreshToken, client, clock.now());
    const ids = (await listLiveSessions(db.prisma, userId, clock.now())).map((s) => s.id);
    expect(ids).toEqual([a.sessionId, b.sessionId]);
    clock.advance(8 * 24 * 3600 * 1000);
    expect(await listLiveSessions(db.prisma, userId, clock.now())).toEqual([]);
  });

  it("revokes only the owner's session", async () => {
    const owner = await newUser('owner@example.com');
    const other = await newUser('other@example.com');
    const { sessionId } = await startSession(db.prisma, owner, client, clock.now());
    expect(await revokeSession(db.prisma, other, sessionId, clock.now())).toBe(false);
    expect(await revokeSession(db.prisma, owner, sessionId, clock.now())).toBe(true);
    expect(await revokeSession(db.prisma, owner, sessionId, clock.now())).toBe(false);
  });

  it('revokes every session of a user but the one kept, leaving other users alone', async () => {
    const userId = await newUser('all@example.com');
    const bystander = await startSession(
      db.prisma,
      await newUser('by@example.com'),
      client,
      clock.now(),
    );
    const kept = await startSession(db.prisma, userId, client, clock.now());
    await startSession(db.prisma, userId, client, clock.now());
    await startSession(db.prisma, userId, client, clock.now());
    expect(
      await revokeUserSessions(db.prisma, userId, {
        keepSessionId: kept.sessionId,
        now: clock.now(),
      }),
    ).toBe(2);
    expect((await listLiveSessions(db.prisma, userId, clock.now())).map((s) => s.id)).toEqual([
      kept.sessionId,
    ]);
    expect(await revokeUserSessions(db.prisma, userId, { now: clock.now() })).toBe(1);
    expect(await listLiveSessions(db.prisma, userId, clock.now())).toEqual([]);
    expect(
      await db.prisma.session.count({ where: { id: bystander.sessionId, revokedAt: null } }),
    ).toBe(1);
  });

  it('finds the session of any token of its family, and says whether it is live', async () => {
    const userId = await newUser('find@example.com');
    const { sessionId, refreshToken } = await startSession(db.prisma, userId, client, clock.now());
    const next = await rotateRefreshToken(db.prisma, refreshToken, client, clock.now());
    expect(await findSessionByRefreshToken(db.prisma, refreshToken, clock.now())).toEqual({
      id: sessionId,
      userId,
      live: true,
      current: false,
    });
    expect(await findSessionByRefreshToken(db.prisma, next.refreshToken!, clock.now())).toEqual({
      id: sessionId,
      userId,
      live: true,
      current: true,
    });
    await revokeSession(db.prisma, userId, sessionId, clock.now());
    expect(await findSessionByRefreshToken(db.prisma, next.refreshToken!, clock.now())).toEqual({
      id: sessionId,
      userId,
      live: false,
      current: false,
    });
    expect(await findSessionByRefreshToken(db.prisma, 'B'.repeat(43), clock.now())).toBeNull();
    expect(await findSessionByRefreshToken(db.prisma, 'nope', clock.now())).toBeNull();
  });
});
