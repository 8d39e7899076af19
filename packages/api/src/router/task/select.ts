// What a task looks like to clients (with its tags), and the one place rows are mapped to it.
import type { Prisma } from '@repo/db';
import { type Tag, tagSelect } from '../tag/select';

// Explicit columns: a column added to the model later is not exposed until it is listed here.
export const taskColumns = {
  id: true,
  userId: true,
  title: true,
  description: true,
  completed: true,
  completedAt: true,
  priority: true,
  dueDate: true,
  recurrenceRule: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.TaskSelect;

export const taskSelect = {
  ...taskColumns,
  // Name order, so a task's tags read the same on every screen.
  tags: { select: { tag: { select: tagSelect } }, orderBy: { tag: { nameKey: 'asc' } } },
} satisfies Prisma.TaskSelect;

type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;

export type Task = Omit<TaskRow, 'tags'> & { tags: Tag[] };

export const toTask = ({ tags, ...task }: TaskRow): Task => ({
  ...task,
  tags: tags.map((link) => link.tag),
});
