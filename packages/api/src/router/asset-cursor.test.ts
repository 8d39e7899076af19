// asset.list cursors: anything but a cursor this list made for the same sort and order is
// INVALID_CURSOR (400, field `cursor`), never a silently different page.
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@repo/db/testing';
import type { AssetSort } from '@repo/validators';
import { encodeCursor } from '../pagination';
import { type TestUser, testCursorKey } from '../testing/caller';
import { errorOf } from '../testing/error-shape';
import { useTestApi } from '../testing/fixtures';

describe.each(testEngines)('asset.list cursors on %s', (engine) => {
  const api = useTestApi(engine);
  let me: TestUser;
  let cursor: string;
  beforeAll(async () => {
    me = await api.newUser('cursor');
    for (const name of ['a', 'b', 'c'])
      await me.caller.asset.create({ name, estimatedValueCents: 100 });
    cursor =
      (await me.caller.asset.list({ sort: 'name', order: 'asc', limit: 1 })).nextCursor ?? '';
  });

  const flip = (text: string, at: number) =>
    text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

  it('continues from its own cursor', async () => {
    const page = await me.caller.asset.list({ sort: 'name', order: 'asc', limit: 1, cursor });
    expect(page.items.map((item) => item.name)).toEqual(['b']);
  });

  const cases: [string, () => string, AssetSort, 'asc' | 'desc'][] = [
    ['garbage', () => 'not-a-cursor', 'name', 'asc'],
    ['a tampered body', () => flip(cursor, 3), 'name', 'asc'],
    ['a tampered signature', () => flip(cursor, cursor.length - 2), 'name', 'asc'],
    ['another sort', () => cursor, 'createdAt', 'asc'],
    ['another order', () => cursor, 'name', 'desc'],
    ['over 512 characters', () => 'a'.repeat(513), 'name', 'asc'],
    // Signed with the right key but made by the task list: an integer id is no asset id.
    [
      'a task cursor',
      () => encodeCursor({ s: 'name', o: 'asc', v: 'a', i: 7 }, testCursorKey),
      'name',
      'asc',
    ],
    [
      'a value of the wrong kind',
      () =>
        encodeCursor(
          { s: 'estimatedValue', o: 'asc', v: 'abc', i: '00000000-0000-4000-8000-000000000000' },
          testCursorKey,
        ),
      'estimatedValue',
      'asc',
    ],
  ];

  it.each(cases)('refuses %s as INVALID_CURSOR', async (_label, make, sort, order) => {
    expect(await errorOf(me.caller.asset.list({ sort, order, cursor: make() }))).toMatchObject({
      status: 400,
      appCode: 'INVALID_CURSOR',
      field: 'cursor',
    });
  });
});
