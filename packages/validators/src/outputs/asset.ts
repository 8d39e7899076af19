// Outputs of the asset router: what packages/api's asset/select.ts returns, field for field.
import { z } from 'zod';
import { assetConditions } from '../asset-fields';
import { dateTimeOutput, uuidOutput } from './common';

export const assetOutput = z.object({
  id: uuidOutput,
  ownerId: uuidOutput,
  name: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  condition: z.enum(assetConditions).nullable(),
  acquiredAt: dateTimeOutput.nullable(),
  /** Integer minor units of `currency`. */
  purchasePriceCents: z.number().int().nullable(),
  estimatedValueCents: z.number().int().nullable(),
  currency: z.string(),
  imageUrls: z.array(z.string()),
  tags: z.array(z.string()),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: dateTimeOutput,
  updatedAt: dateTimeOutput,
});
export type AssetOutput = z.infer<typeof assetOutput>;

export const assetPageOutput = z.object({
  items: z.array(assetOutput),
  /** Pass it back as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});

export const uuidIdOutput = z.object({ id: uuidOutput });
