// The asset router (KLECTR): a user's collectible items, every read and write scoped to the
// caller, so another user's id answers NOT_FOUND exactly like an absent one.
import type { TRPCRouterRecord } from '@trpc/server';
import { assetCreateInput, assetIdInput, assetListInput, assetUpdateInput } from '@repo/validators';
import { notFound } from '../errors';
import { protectedProcedure } from '../trpc';
import { listAssets } from './asset/list';
import { assetSelect, toAsset } from './asset/select';
import { createAsset, deleteAsset, updateAsset } from './asset/write';

export const assetRouter = {
  list: protectedProcedure
    .input(assetListInput)
    .query(({ ctx, input }) =>
      listAssets(
        { prisma: ctx.prisma, ownerId: ctx.user.id, cursorKey: ctx.services.cursorKey },
        input,
      ),
    ),

  byId: protectedProcedure.input(assetIdInput).query(async ({ ctx, input }) => {
    const row = await ctx.prisma.asset.findFirst({
      where: { id: input.id, ownerId: ctx.user.id },
      select: assetSelect,
    });
    if (!row) throw notFound('Asset');
    return toAsset(row);
  }),

  create: protectedProcedure
    .input(assetCreateInput)
    .mutation(({ ctx, input }) =>
      createAsset({ prisma: ctx.prisma, ownerId: ctx.user.id, now: ctx.services.now() }, input),
    ),

  update: protectedProcedure
    .input(assetUpdateInput)
    .mutation(({ ctx, input }) =>
      updateAsset({ prisma: ctx.prisma, ownerId: ctx.user.id, now: ctx.services.now() }, input),
    ),

  delete: protectedProcedure
    .input(assetIdInput)
    .mutation(({ ctx, input }) =>
      deleteAsset({ prisma: ctx.prisma, ownerId: ctx.user.id }, input.id),
    ),
} satisfies TRPCRouterRecord;
