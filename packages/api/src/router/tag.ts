// The tag router: a user's labels for tasks. Names are unique per user regardless of case, and
// the unique index on (userId, nameKey) decides it: no check-then-insert race between clients.
import type { TRPCRouterRecord } from '@trpc/server';
import { isUniqueViolation } from '@repo/db';
import {
  intIdOutput,
  tagCreateInput,
  tagIdInput,
  tagNameKey,
  tagOutput,
  tagUpdateInput,
} from '@repo/validators';
import { AppError, notFound } from '../errors';
import { recordWrite, recording } from '../sync/record';
import { protectedProcedure } from '../trpc';
import { tagRest } from './rest-paths';
import { tagSelect } from './tag/select';

/** Turns the unique index's verdict into CONFLICT on `name`; other errors pass through. */
function duplicateName(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError('CONFLICT', 'You already have a tag with this name', {
      field: 'name',
      cause: error,
    });
  }
  throw error;
}

export const tagRouter = {
  list: protectedProcedure
    .meta(tagRest.list)
    .output(tagOutput.array())
    .query(({ ctx }) =>
      ctx.prisma.tag.findMany({
        where: { userId: ctx.user.id },
        orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
        select: tagSelect,
      }),
    ),

  create: protectedProcedure
    .meta(tagRest.create)
    .input(tagCreateInput)
    .output(tagOutput)
    .mutation(({ ctx, input }) =>
      recordWrite(recording(ctx), async (tx) => {
        const tag = await tx.tag.create({
          data: {
            userId: ctx.user.id,
            name: input.name,
            nameKey: tagNameKey(input.name),
            color: input.color ?? null,
            createdAt: ctx.services.now(),
          },
          select: tagSelect,
        });
        return { result: tag, changes: [{ op: 'upsert', entity: 'tag', id: tag.id, data: tag }] };
      }).catch(duplicateName),
    ),

  update: protectedProcedure
    .meta(tagRest.update)
    .input(tagUpdateInput)
    .output(tagOutput)
    .mutation(({ ctx, input }) => {
      const { id, name, color } = input;
      // A rename is one tag event: clients relabel the tag on their cached tasks themselves.
      return recordWrite(recording(ctx), async (tx) => {
        const [tag] = await tx.tag.updateManyAndReturn({
          where: { id, userId: ctx.user.id },
          data: { color, ...(name !== undefined && { name, nameKey: tagNameKey(name) }) },
          select: tagSelect,
        });
        if (!tag) throw notFound('Tag');
        return { result: tag, changes: [{ op: 'upsert', entity: 'tag', id, data: tag }] };
      }).catch(duplicateName);
    }),

  delete: protectedProcedure
    .meta(tagRest.delete)
    .input(tagIdInput)
    .output(intIdOutput)
    .mutation(({ ctx, input }) =>
      // The database unlinks it from every task (TaskTag rows go with it: ON DELETE CASCADE);
      // those tasks are not re-sent: clients drop the tag from their cached tasks on its delete.
      recordWrite(recording(ctx), async (tx) => {
        const { count } = await tx.tag.deleteMany({ where: { id: input.id, userId: ctx.user.id } });
        if (count === 0) throw notFound('Tag');
        return {
          result: { id: input.id },
          changes: [{ op: 'delete', entity: 'tag', id: input.id }],
        };
      }),
    ),
} satisfies TRPCRouterRecord;
