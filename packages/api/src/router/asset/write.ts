// Asset writes, each scoped to the owner. Only row work happens here: image processing and the
// like belong to a queue later (docs/contract.md: assets), not to the request.
// Every write also records its live-sync event in the same transaction (sync/record.ts).
import type { Prisma } from '@repo/db';
import { type AssetCreateInput, type AssetUpdateInput, tagKey } from '@repo/validators';
import { lockVersion, nextUpdatedAt } from '../../concurrency';
import { AppError, notFound } from '../../errors';
import { type RecordingContext, recordWrite } from '../../sync/record';
import { centsToStorage } from './money';
import { type Asset, assetSelect, toAsset } from './select';

export interface WriteContext extends RecordingContext {
  ownerId: string;
  now: Date;
}

const upserted = (asset: Asset) => ({
  result: asset,
  changes: [{ op: 'upsert', entity: 'asset', id: asset.id, data: asset }] as const,
});

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
  return recordWrite(ctx, async (tx) => {
    const row = await tx.asset.create({
      data: {
        ...toData(input),
        name: input.name,
        ownerId: ctx.ownerId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
      select: assetSelect,
    });
    return upserted(toAsset(row));
  });
}

/** The rule tasks follow (concurrency.ts): lock, compare expectedUpdatedAt, move updatedAt forward. */
export async function updateAsset(ctx: WriteContext, input: AssetUpdateInput): Promise<Asset> {
  const { id, expectedUpdatedAt, ...patch } = input;
  checkAcquiredAt(patch.acquiredAt, ctx.now);
  const data = toData(patch);
  return recordWrite(ctx, async (tx) => {
    const current = await lockVersion(tx, 'Asset', {
      id,
      ownerId: ctx.ownerId,
      expected: expectedUpdatedAt,
    });
    const row = await tx.asset.update({
      where: { id },
      data: { ...data, updatedAt: nextUpdatedAt(current.updatedAt, ctx.now) },
      select: assetSelect,
    });
    return upserted(toAsset(row));
  });
}

export function deleteAsset(ctx: Omit<WriteContext, 'now'>, id: string): Promise<{ id: string }> {
  return recordWrite(ctx, async (tx) => {
    const { count } = await tx.asset.deleteMany({ where: { id, ownerId: ctx.ownerId } });
    if (count === 0) throw notFound('Asset');
    return { result: { id }, changes: [{ op: 'delete', entity: 'asset', id }] };
  });
}
