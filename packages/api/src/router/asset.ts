// The asset router (KLECTR): a user's collectible items, every read and write scoped to the
// caller, so another user's id answers NOT_FOUND exactly like an absent one.
import type { TRPCRouterRecord } from '@trpc/server';
import {
  assetCreateInput,
  assetIdInput,
  assetListInput,
  assetOutput,
  assetPageOutput,
  assetUpdateInput,
  uuidIdOutput,
} from '@repo/validators';
import { notFound } from '../errors';
import { recording } from '../sync/record';
import { protectedProcedure } from '../trpc';
import { assetRest } from './rest-paths';
import { listAssets } from './asset/list';
import { assetSelect, toAsset } from './asset/select';
import { createAsset, deleteAsset, updateAsset } from './asset/write';

export const assetRouter = {
  list: protectedProcedure
    .meta(assetRest.list)
    .input(assetListInput)
    .output(assetPageOutput)
    .query(({ ctx, input }) =>
      listAssets(
        { prisma: ctx.prisma, ownerId: ctx.user.id, cursorKey: ctx.services.cursorKey },
        input,
      ),
    ),

  byId: protectedProcedure
    .meta(assetRest.byId)
    .input(assetIdInput)
    .output(assetOutput)
    .query(async ({ ctx, input }) => {
      const row = await ctx.prisma.asset.findFirst({
        where: { id: input.id, ownerId: ctx.user.id },
        select: assetSelect,
      });
      if (!row) throw notFound('Asset');
      return toAsset(row);
    }),

  create: protectedProcedure
    .meta(assetRest.create)
    .input(assetCreateInput)
    .output(assetOutput)
    .mutation(({ ctx, input }) =>
      createAsset({ ...recording(ctx), ownerId: ctx.user.id, now: ctx.services.now() }, input),
    ),

  update: protectedProcedure
    .meta(assetRest.update)
    .input(assetUpdateInput)
    .output(assetOutput)
    .mutation(({ ctx, input }) =>
      updateAsset({ ...recording(ctx), ownerId: ctx.user.id, now: ctx.services.now() }, input),
    ),

  delete: protectedProcedure
    .meta(assetRest.delete)
    .input(assetIdInput)
    .output(uuidIdOutput)
    .mutation(({ ctx, input }) =>
      deleteAsset({ ...recording(ctx), ownerId: ctx.user.id }, input.id),
    ),
} satisfies TRPCRouterRecord;
