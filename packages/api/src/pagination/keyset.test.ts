// The paginator against a real database: every page walk, for any data, sort, order and page
// size, yields exactly the rows in the order a full sort would, with no duplicates or gaps,
// with its segments read through Prisma (prisma-segment.ts) and in SQL (sql-segment.ts).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Priority } from '@repo/db';
import { type TestDatabase, createTestDatabase, testEngines } from '@repo/db/testing';
import { type FetchSegment, type SortKey, paginate } from './keyset';
import { prismaSegment } from './prisma-segment';
import { SqlParams, sqlSegment } from './sql-segment';

const cursorKey = new Uint8Array(32).fill(1);
const priorities = ['low', 'medium', 'high'] as const;
const sorts: SortKey[] = [
  { name: 'createdAt', field: 'createdAt', kind: 'date', nullable: false },
  { name: 'dueDate', field: 'dueDate', kind: 'date', nullable: true },
  { name: 'priority', field: 'priority', kind: 'enum', nullable: false, enumValues: priorities },
  { name: 'title', field: 'title', kind: 'string', nullable: false },
];

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));
// Few distinct values so ties (the id tie-break) and nulls are common.
const taskArb = fc.record({
  title: fc.constantFrom('alpha', 'beta', 'gamma', 'delta'),
  dueDate: fc.option(fc.integer({ min: 0, max: 3 }).map(day), { nil: null }),
  createdAt: fc.integer({ min: 0, max: 3 }).map(day),
  priority: fc.constantFrom(...priorities),
});

type Row = { id: number; title: string; dueDate: Date | null; createdAt: Date; priority: Priority };

function expectedOrder(rows: Row[], sort: SortKey, order: 'asc' | 'desc'): number[] {
  const sign = order === 'asc' ? 1 : -1;
  const key = (row: Row): number | string | null => {
    const v = row[sort.field as keyof Row];
    if (v === null) return null;
    if (v instanceof Date) return v.getTime();
    if (sort.kind === 'enum') return priorities.indexOf(v as Priority);
    return v;
  };
  return [...rows]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1; // nulls last in both directions
      } else if (ka !== kb) {
        return (ka < kb ? -1 : 1) * sign;
      }
      return (a.id - b.id) * sign;
    })
    .map((row) => row.id);
}

type Reader = (db: TestDatabase, userId: string) => FetchSegment<Row>;

const readers: Record<'Prisma' | 'SQL', Reader> = {
  Prisma: (db, userId) => (segment) =>
    db.prisma.task.findMany({ ...prismaSegment(segment, [{ userId }]) }),
  SQL: (db, userId) => (segment) => {
    const params = new SqlParams();
    const owner = `t."userId" = ${params.add(userId)}::uuid`;
    const page = sqlSegment(segment, 't', params);
    return db.query<Row>(
      `SELECT t.id, t.title, t."dueDate", t."createdAt", t.priority FROM "Task" t
        WHERE ${[owner, ...page.where].join(' AND ')} ORDER BY ${page.orderBy} LIMIT ${page.limit}`,
      params.values,
    );
  },
};

const cases = testEngines.flatMap((engine) =>
  (['Prisma', 'SQL'] as const).map((reader) => ({ engine, reader })),
);

describe.each(cases)('keyset pagination on $engine, read by $reader', ({ engine, reader }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db.close();
  });

  it('walks every page of any data set exactly once, in order', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskArb, { maxLength: 25 }),
        fc.constantFrom(...sorts),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.integer({ min: 1, max: 7 }),
        async (tasks, sort, order, limit) => {
          const user = await db.prisma.user.create({
            data: { email: `u${run++}-${engine}-${reader}@example.com` },
          });
          await db.prisma.task.createMany({
            data: tasks.map((task) => ({ ...task, userId: user.id })),
          });
          const rows = await db.prisma.task.findMany({ where: { userId: user.id } });

          const seen: number[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page: { items: Row[]; nextCursor: string | null } = await paginate<Row>(
              { sort, order, limit, cursor, cursorKey, idKind: 'int' },
              readers[reader](db, user.id),
            );
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items.map((item) => item.id));
            cursor = page.nextCursor;
            pages++;
          } while (cursor && pages < 100);

          expect(seen).toEqual(expectedOrder(rows, sort, order));
          expect(pages).toBe(Math.max(1, Math.ceil(rows.length / limit)));
        },
      ),
      { numRuns: 40 },
    );
  });
});
