// Asset writes, each scoped to the owner. Only row work happens here: image processing and the
// like belong to a queue later (seed 000), not to the request.
import type { Prisma, PrismaClient } from '@repo/db';
import { type AssetCreateInput, type AssetUpdateInput, tagKey } from '@repo/validators';
import { AppError, notFound } from '../../errors';
import { centsToStorage } from './money';
import { type Asset, assetSelect, toAsset } from './select';

export interface WriteContext {
  prisma: PrismaClient;
  ownerId: string;
  now: Date;
}

/** The server's clock decides "future", so a client cannot move it and tests can fix it. */
function checkAcquiredAt(acquiredAt: Date | null | undefined, now: Date): void {
  if (acquiredAt && acquiredAt.getTime() > now.getTime()) {
    throw new AppError('VALIDATION_ERROR', 'acquiredAt must not be in the future', {
      field: 'acquiredAt',
    });
  }
}

/** Input fields as Prisma writes them: a create's full set or an update's patch. */
function toData({
  purchasePriceCents,
  estimatedValueCents,
  metadata,
  ...rest
}: Partial<AssetCreateInput>) {
  return {
    ...rest,
    tagKeys: rest.tags?.map(tagKey),
    purchasePriceCents: centsToStorage(purchasePriceCents),
    estimatedValueCents: centsToStorage(estimatedValueCents),
    // The schema admits only JSON objects; Prisma's input type spells JSON differently.
    metadata: metadata as Prisma.InputJsonObject | undefined,
  };
}

export async function createAsset(ctx: WriteContext, input: AssetCreateInput): Promise<Asset> {
  checkAcquiredAt(input.acquiredAt, ctx.now);
  const row = await ctx.prisma.asset.create({
    data: {
      ...toData(input),
      name: input.name,
      ownerId: ctx.ownerId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
    select: assetSelect,
  });
  return toAsset(row);
}

const conflict = () =>
  new AppError('CONFLICT', 'The asset was changed since expectedUpdatedAt', {
    field: 'expectedUpdatedAt',
  });

/** Another writer may land between our read and write; then we read again, a few times. */
const MAX_ATTEMPTS = 3;

/**
 * Compare-and-set on updatedAt: the write only lands on the version just read, and each write
 * moves updatedAt strictly forward, so two writes in one millisecond still differ and a stale
 * expectedUpdatedAt is always seen. Nothing is written on NOT_FOUND or CONFLICT.
 */
export async function updateAsset(ctx: WriteContext, input: AssetUpdateInput): Promise<Asset> {
  const { id, expectedUpdatedAt, ...patch } = input;
  checkAcquiredAt(patch.acquiredAt, ctx.now);
  const data = toData(patch);
  for (let attempt = 1; ; attempt++) {
    const current = await ctx.prisma.asset.findFirst({
      where: { id, ownerId: ctx.ownerId },
      select: { updatedAt: true },
    });
    if (!current) throw notFound('Asset');
    if (expectedUpdatedAt && current.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
      throw conflict();
    }
    const updatedAt = new Date(Math.max(ctx.now.getTime(), current.updatedAt.getTime() + 1));
    const [row] = await ctx.prisma.asset.updateManyAndReturn({
      where: { id, ownerId: ctx.ownerId, updatedAt: current.updatedAt },
      data: { ...data, updatedAt },
      select: assetSelect,
    });
    if (row) return toAsset(row);
    // Lost the race: the next read answers NOT_FOUND (deleted) or CONFLICT (stale) as due.
    if (attempt >= MAX_ATTEMPTS) throw conflict();
  }
}

export async function deleteAsset(
  ctx: Omit<WriteContext, 'now'>,
  id: string,
): Promise<{ id: string }> {
  const { count } = await ctx.prisma.asset.deleteMany({ where: { id, ownerId: ctx.ownerId } });
  if (count === 0) throw notFound('Asset');
  return { id };
}
