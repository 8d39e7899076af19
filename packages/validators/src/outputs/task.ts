// Outputs of the task and tag routers: what packages/api's task/select.ts and tag/select.ts
// return, field for field.
import { z } from 'zod';
import { taskPriorities } from '../task';
import { dateTimeOutput } from './common';

export const tagOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  color: z.string().nullable(),
  createdAt: dateTimeOutput,
});
export type TagOutput = z.infer<typeof tagOutput>;

export const taskOutput = z.object({
  id: z.number().int(),
  /** The owner, as assets carry `ownerId`. */
  userId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  completed: z.boolean(),
  completedAt: dateTimeOutput.nullable(),
  priority: z.enum(taskPriorities),
  dueDate: dateTimeOutput.nullable(),
  recurrenceRule: z.string().nullable(),
  createdAt: dateTimeOutput,
  updatedAt: dateTimeOutput,
  /** In name order. */
  tags: z.array(tagOutput),
});
export type TaskOutput = z.infer<typeof taskOutput>;

export const taskPageOutput = z.object({
  items: z.array(taskOutput),
  /** Pass it back as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
