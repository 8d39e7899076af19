// Inputs of the task router, shared with the clients so forms validate exactly as the server.
import { z } from 'zod';
import {
  cursor,
  dateTime,
  intId,
  pageLimit,
  plainText,
  searchText,
  sortOrder,
  trimmedText,
} from './common';
import { recurrenceRuleProblem } from './recurrence-rule';

export {
  RRule,
  parseRecurrenceRule,
  recurrenceRuleParts,
  recurrenceRuleProblem,
} from './recurrence-rule';

export const taskPriorities = ['low', 'medium', 'high'] as const;
export type TaskPriority = (typeof taskPriorities)[number];

/** RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;BYDAY=MO,WE`; see recurrence-rule.ts for the subset. */
export const recurrenceRule = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .superRefine((rule, ctx) => {
    const problem = recurrenceRuleProblem(rule);
    if (problem) ctx.addIssue({ code: 'custom', message: `Invalid recurrence rule: ${problem}` });
  })
  // The document states a simple subset every rule of which is valid; the full subset is in the
  // README (a regular expression cannot say "BYMONTHDAY=30 never falls in February").
  .meta({
    override: {
      pattern:
        '^FREQ=(?:DAILY|WEEKLY|MONTHLY|YEARLY)(?:;INTERVAL=[1-9]\\d?)?(?:;COUNT=[1-9]\\d?)?$',
      description:
        'An RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,WE (see the README for the subset)',
    },
  });

/** Distinct tag ids; every one must be the caller's (checked by the server). */
export const tagIds = z
  .array(intId)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'Tag ids must be distinct');

// Nullable fields: null clears them on update; on create null and absent both mean "not set".
const fields = {
  title: trimmedText(1, 200),
  description: plainText(10_000).nullable(),
  priority: z.enum(taskPriorities),
  dueDate: dateTime.nullable(),
  recurrenceRule: recurrenceRule.nullable(),
  tagIds,
};

export const taskCreateInput = z.object({
  ...fields,
  description: fields.description.optional(),
  priority: fields.priority.default('medium'),
  dueDate: fields.dueDate.optional(),
  recurrenceRule: fields.recurrenceRule.optional(),
  tagIds: fields.tagIds.default([]),
});
export type TaskCreateInput = z.infer<typeof taskCreateInput>;

export const taskIdInput = z.object({ id: intId });

/** A partial patch: absent fields are left alone; `tagIds` replaces the whole set. */
export const taskUpdateInput = z.object({
  id: intId,
  /** The updatedAt the client last saw; a newer row answers CONFLICT and nothing is written. */
  expectedUpdatedAt: dateTime.optional(),
  ...z.object(fields).partial().shape,
  /** Same effect as toggleComplete when it changes the state (a recurring task repeats). */
  completed: z.boolean().optional(),
});
export type TaskUpdateInput = z.infer<typeof taskUpdateInput>;

export const taskSorts = ['createdAt', 'dueDate', 'priority', 'title'] as const;
export type TaskSort = (typeof taskSorts)[number];

export const taskListInput = z.object({
  status: z.enum(['all', 'active', 'completed']).default('all'),
  /** Any of these priorities; absent or empty means all. */
  priority: z.array(z.enum(taskPriorities)).max(3).optional(),
  /** Tasks carrying every one of these tags. */
  tagIds: tagIds.optional(),
  /** dueDate < dueBefore (exclusive); tasks without a due date never match a due filter. */
  dueBefore: dateTime.optional(),
  /** dueDate >= dueAfter (inclusive), so [dueAfter, dueBefore) tiles a calendar. */
  dueAfter: dateTime.optional(),
  /** Case-insensitive literal substring of title or description; blank means no filter. */
  q: searchText.optional(),
  sort: z.enum(taskSorts).default('createdAt'),
  order: sortOrder,
  limit: pageLimit,
  cursor,
});
export type TaskListInput = z.infer<typeof taskListInput>;
