// The task router: every read and write scoped to the caller, so another user's id answers
// NOT_FOUND exactly like an absent one. Recurrence and concurrency rules: README.md.
import type { TRPCRouterRecord } from '@trpc/server';
import {
  intIdOutput,
  taskCreateInput,
  taskIdInput,
  taskListInput,
  taskOutput,
  taskPageOutput,
  taskUpdateInput,
} from '@repo/validators';
import { notFound } from '../errors';
import { recording } from '../sync/record';
import { protectedProcedure } from '../trpc';
import { taskRest } from './rest-paths';
import { listTasks } from './task/list-query';
import { taskSelect, toTask } from './task/select';
import { createTask, deleteTask, toggleComplete, updateTask } from './task/write';

export const taskRouter = {
  list: protectedProcedure
    .meta(taskRest.list)
    .input(taskListInput)
    .output(taskPageOutput)
    .query(({ ctx, input }) =>
      listTasks({ db: ctx.db, userId: ctx.user.id, cursorKey: ctx.services.cursorKey }, input),
    ),

  byId: protectedProcedure
    .meta(taskRest.byId)
    .input(taskIdInput)
    .output(taskOutput)
    .query(async ({ ctx, input }) => {
      const row = await ctx.prisma.task.findFirst({
        where: { id: input.id, userId: ctx.user.id },
        select: taskSelect,
      });
      if (!row) throw notFound('Task');
      return toTask(row);
    }),

  create: protectedProcedure
    .meta(taskRest.create)
    .input(taskCreateInput)
    .output(taskOutput)
    .mutation(({ ctx, input }) =>
      createTask({ ...recording(ctx), userId: ctx.user.id, now: ctx.services.now() }, input),
    ),

  update: protectedProcedure
    .meta(taskRest.update)
    .input(taskUpdateInput)
    .output(taskOutput)
    .mutation(({ ctx, input }) =>
      updateTask({ ...recording(ctx), userId: ctx.user.id, now: ctx.services.now() }, input),
    ),

  delete: protectedProcedure
    .meta(taskRest.delete)
    .input(taskIdInput)
    .output(intIdOutput)
    .mutation(({ ctx, input }) => deleteTask({ ...recording(ctx), userId: ctx.user.id }, input.id)),

  toggleComplete: protectedProcedure
    .meta(taskRest.toggleComplete)
    .input(taskIdInput)
    .output(taskOutput)
    .mutation(({ ctx, input }) =>
      toggleComplete({ ...recording(ctx), userId: ctx.user.id, now: ctx.services.now() }, input.id),
    ),
} satisfies TRPCRouterRecord;
