// The task router: every read and write scoped to the caller, so another user's id answers
// NOT_FOUND exactly like an absent one. Recurrence and concurrency rules: README.md.
import type { TRPCRouterRecord } from '@trpc/server';
import { taskCreateInput, taskIdInput, taskListInput, taskUpdateInput } from '@repo/validators';
import { notFound } from '../errors';
import { protectedProcedure } from '../trpc';
import { listTasks } from './task/list-query';
import { taskSelect, toTask } from './task/select';
import { createTask, deleteTask, toggleComplete, updateTask } from './task/write';

export const taskRouter = {
  list: protectedProcedure
    .input(taskListInput)
    .query(({ ctx, input }) =>
      listTasks(
        { prisma: ctx.prisma, userId: ctx.user.id, cursorKey: ctx.services.cursorKey },
        input,
      ),
    ),

  byId: protectedProcedure.input(taskIdInput).query(async ({ ctx, input }) => {
    const row = await ctx.prisma.task.findFirst({
      where: { id: input.id, userId: ctx.user.id },
      select: taskSelect,
    });
    if (!row) throw notFound('Task');
    return toTask(row);
  }),

  create: protectedProcedure
    .input(taskCreateInput)
    .mutation(({ ctx, input }) =>
      createTask({ prisma: ctx.prisma, userId: ctx.user.id, now: ctx.services.now() }, input),
    ),

  update: protectedProcedure
    .input(taskUpdateInput)
    .mutation(({ ctx, input }) =>
      updateTask({ prisma: ctx.prisma, userId: ctx.user.id, now: ctx.services.now() }, input),
    ),

  delete: protectedProcedure
    .input(taskIdInput)
    .mutation(({ ctx, input }) =>
      deleteTask({ prisma: ctx.prisma, userId: ctx.user.id }, input.id),
    ),

  toggleComplete: protectedProcedure
    .input(taskIdInput)
    .mutation(({ ctx, input }) =>
      toggleComplete(
        { prisma: ctx.prisma, userId: ctx.user.id, now: ctx.services.now() },
        input.id,
      ),
    ),
} satisfies TRPCRouterRecord;
