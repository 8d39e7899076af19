// What an asset looks like to clients, and the one place stored values are mapped to it.
import type { Prisma } from '@repo/db';
import type { AssetConditionValue } from '@repo/validators';
import { centsFromStorage } from './money';

// Explicit columns: a column added to the model later is not exposed until it is listed here.
export const assetSelect = {
  id: true,
  ownerId: true,
  name: true,
  description: true,
  category: true,
  condition: true,
  acquiredAt: true,
  purchasePriceCents: true,
  estimatedValueCents: true,
  currency: true,
  imageUrls: true,
  tags: true,
  metadata: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.AssetSelect;

export type AssetRow = Prisma.AssetGetPayload<{ select: typeof assetSelect }>;

export interface Asset {
  id: string;
  ownerId: string;
  name: string;
  description: string | null;
  category: string | null;
  condition: AssetConditionValue | null;
  acquiredAt: Date | null;
  /** Integer minor units of `currency`, as a JSON-safe number (stored as BIGINT). */
  purchasePriceCents: number | null;
  estimatedValueCents: number | null;
  currency: string;
  imageUrls: string[];
  tags: string[];
  metadata: Prisma.JsonObject;
  createdAt: Date;
  updatedAt: Date;
}

export function toAsset(row: AssetRow): Asset {
  return {
    ...row,
    purchasePriceCents: centsFromStorage(row.purchasePriceCents),
    estimatedValueCents: centsFromStorage(row.estimatedValueCents),
    // Only objects are ever written (the metadata schema); the column type cannot say so.
    metadata: row.metadata as Prisma.JsonObject,
  };
}
