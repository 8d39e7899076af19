// Every task and tag procedure, called by user B with user A's ids: NOT_FOUND, A unchanged.
import { beforeAll, describe, expect } from 'vitest';
import { testEngines } from '@repo/db/testing';
import type { TestUser } from '../testing/caller';
import { useTestApi } from '../testing/fixtures';
import { type IsolationCase, itIsolates } from '../testing/isolation';

interface Ids {
  /** A's rows. */
  task: number;
  tag: number;
  tagName: string;
  /** B's own rows, to mix with A's ids. */
  ownTask: number;
  ownTag: number;
}

const cases: IsolationCase<Ids>[] = [
  {
    procedure: 'task.list',
    variant: 'unfiltered',
    call: (b) => b.task.list({}),
    expectResult: (page) =>
      expect(page).toMatchObject({ items: [{ title: 'B task' }], nextCursor: null }),
  },
  {
    procedure: 'task.list',
    variant: "filtered by A's tag",
    call: (b, ids) => b.task.list({ tagIds: [ids.tag] }),
  },
  { procedure: 'task.byId', call: (b, ids) => b.task.byId({ id: ids.task }) },
  {
    procedure: 'task.create',
    variant: "with A's tag",
    call: (b, ids) => b.task.create({ title: 'x', tagIds: [ids.ownTag, ids.tag] }),
  },
  {
    procedure: 'task.update',
    call: (b, ids) => b.task.update({ id: ids.task, title: 'pwned', completed: true }),
  },
  {
    procedure: 'task.update',
    variant: "of B's task with A's tag",
    call: (b, ids) => b.task.update({ id: ids.ownTask, tagIds: [ids.tag] }),
  },
  { procedure: 'task.delete', call: (b, ids) => b.task.delete({ id: ids.task }) },
  { procedure: 'task.toggleComplete', call: (b, ids) => b.task.toggleComplete({ id: ids.task }) },
  {
    procedure: 'tag.list',
    call: (b) => b.tag.list(),
    expectResult: (tags) => expect(tags).toMatchObject([{ name: 'B tag' }]),
  },
  {
    procedure: 'tag.create',
    variant: "with A's tag name (names are unique per user: no CONFLICT leaks it)",
    call: (b, ids) => b.tag.create({ name: ids.tagName.toUpperCase() }),
    expectResult: (tag) => expect(tag).toMatchObject({ name: 'A TAG' }),
  },
  {
    procedure: 'tag.update',
    call: (b, ids) => b.tag.update({ id: ids.tag, name: 'pwned', color: '#000000' }),
  },
  { procedure: 'tag.delete', call: (b, ids) => b.tag.delete({ id: ids.tag }) },
];

describe.each(testEngines)('task and tag isolation on %s', (engine) => {
  const api = useTestApi(engine);
  let a: TestUser;
  let b: TestUser;
  let ids: Ids;
  beforeAll(async () => {
    [a, b] = await Promise.all([api.newUser('a'), api.newUser('b')]);
    const tag = await a.caller.tag.create({ name: 'A tag', color: '#123456' });
    const task = await a.caller.task.create({
      title: 'A task',
      dueDate: new Date('2026-01-06T09:00:00Z'),
      recurrenceRule: 'FREQ=DAILY',
      tagIds: [tag.id],
    });
    const ownTag = await b.caller.tag.create({ name: 'B tag' });
    const ownTask = await b.caller.task.create({ title: 'B task' });
    ids = { task: task.id, tag: tag.id, tagName: tag.name, ownTask: ownTask.id, ownTag: ownTag.id };
  });

  // A's rows, and B's task links (a foreign tag must not get linked to B's task either).
  const snapshot = async () => ({
    tasks: await api.db.prisma.task.findMany({
      where: { userId: a.user.id },
      include: { tags: true },
      orderBy: { id: 'asc' },
    }),
    tags: await api.db.prisma.tag.findMany({
      where: { userId: a.user.id },
      orderBy: { id: 'asc' },
    }),
    links: await api.db.prisma.taskTag.findMany({ orderBy: [{ taskId: 'asc' }, { tagId: 'asc' }] }),
    taskCount: await api.db.prisma.task.count(),
  });

  itIsolates(['task', 'tag'], cases, () => ({ intruder: b.caller, ids, snapshot }));
});
