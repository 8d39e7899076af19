// A page of tasks gets its tags in one more query: the page carries only each task's tag ids,
// and the few distinct tags they name are read once. Embedding every tag in every task row
// (a LATERAL join per task) cost PostgreSQL 5.1 ms a page against 0.8 ms for the ids, and Prisma
// mapped the same tag again for each task that has it.
import type { Prisma, PrismaClient } from '@repo/db';
import { type Tag, tagSelect } from '../tag/select';
import { type Task, taskColumns } from './select';

export const taskWithTagIds = {
  ...taskColumns,
  tags: { select: { tagId: true } },
} satisfies Prisma.TaskSelect;

type TaskRowWithTagIds = Prisma.TaskGetPayload<{ select: typeof taskWithTagIds }>;

export async function attachTags(
  prisma: PrismaClient,
  userId: string,
  rows: TaskRowWithTagIds[],
): Promise<Task[]> {
  const ids = [...new Set(rows.flatMap((row) => row.tags.map((link) => link.tagId)))];
  // In name order from PostgreSQL, so a task's tags sort by the database's collation, as
  // everywhere else; a tag's position in this list is its rank.
  const tags =
    ids.length === 0
      ? []
      : await prisma.tag.findMany({
          where: { userId, id: { in: ids } },
          orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
          select: tagSelect,
        });
  const ranked = new Map(tags.map((tag, rank) => [tag.id, { tag, rank }]));
  return rows.map(({ tags: links, ...task }) => ({
    ...task,
    tags: links
      .flatMap((link) => ranked.get(link.tagId) ?? [])
      .sort((a, b) => a.rank - b.rank)
      // A copy per task: a tag object (or Date) shared between tasks would be sent by superjson
      // as a referential equality, and take its slow path (see ../../transformer.ts).
      .map(({ tag }): Tag => ({ ...tag, createdAt: new Date(tag.createdAt) })),
  }));
}
