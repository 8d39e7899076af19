import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrCreateExternalUser } from './external-user';

const issuer = 'https://front.test';

describe.each(testEngines)('external users on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db?.close());

  it('creates the user on first sight without a password, then finds the same one', async () => {
    const identity = { issuer, subject: 's-1', email: ' First@Example.COM ', name: 'First' };
    const created = await findOrCreateExternalUser(db.prisma, identity);
    expect(created.email).toBe('first@example.com');
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      passwordHash: null,
      externalIssuer: issuer,
      externalSubject: 's-1',
      name: 'First',
    });
    expect(
      await findOrCreateExternalUser(db.prisma, { ...identity, email: 'changed@example.com' }),
    ).toEqual(created);
  });

  it('creates exactly one user when first requests race', async () => {
    const identity = { issuer, subject: 's-race', email: 'race@example.com', name: null };
    const users = await Promise.all(
      Array.from({ length: 6 }, () => findOrCreateExternalUser(db.prisma, identity)),
    );
    expect(new Set(users.map((u) => u.id)).size).toBe(1);
    expect(await db.prisma.user.count({ where: { externalSubject: 's-race' } })).toBe(1);
  });

  it('never links to a local account by email: a taken or missing email gets a reserved address', async () => {
    const local = await db.prisma.user.create({
      data: { email: 'taken@example.com', passwordHash: 'x' },
    });
    const taken = await findOrCreateExternalUser(db.prisma, {
      issuer,
      subject: 's-2',
      email: 'taken@example.com',
      name: null,
    });
    expect(taken.id).not.toBe(local.id);
    expect(taken.email).toMatch(/^[0-9a-f]{32}@external\.invalid$/);
    const none = await findOrCreateExternalUser(db.prisma, {
      issuer,
      subject: 's-3',
      email: null,
      name: null,
    });
    expect(none.email).toMatch(/@external\.invalid$/);
    expect(none.email).not.toBe(taken.email);
  });

  it('keeps the same subject of two issuers apart', async () => {
    const a = await findOrCreateExternalUser(db.prisma, {
      issuer: 'https://a.test',
      subject: 'same',
      email: null,
      name: null,
    });
    const b = await findOrCreateExternalUser(db.prisma, {
      issuer: 'https://b.test',
      subject: 'same',
      email: null,
      name: null,
    });
    expect(a.id).not.toBe(b.id);
  });
});
