// Inputs of the asset router (KLECTR). Field rules live in asset-fields.ts; this file says which
// fields each procedure takes and what an absent or null value means there.
import { z } from 'zod';
import { assetConditions, currency, imageUrls, metadata, moneyCents, tags } from './asset-fields';
import {
  cursor,
  dateTime,
  hasNul,
  NUL_MESSAGE,
  pageLimit,
  plainText,
  searchText,
  sortOrder,
  trimmedText,
  uuidId,
} from './common';

export * from './asset-fields';

/** Blank category means "none": forms send '' for an emptied field. */
const category = z
  .string()
  .trim()
  .max(50)
  .refine((value) => !hasNul(value), NUL_MESSAGE)
  .transform((value) => (value === '' ? null : value));

// Nullable fields: null clears them on update; on create null and absent both mean "not set".
const fields = {
  name: trimmedText(1, 200),
  description: plainText(10_000).nullable(),
  category: category.nullable(),
  condition: z.enum(assetConditions).nullable(),
  /** Not in the future: checked by the server against its clock (Services.now). */
  acquiredAt: dateTime.nullable(),
  purchasePriceCents: moneyCents.nullable(),
  estimatedValueCents: moneyCents.nullable(),
  currency,
  imageUrls,
  tags,
  metadata,
};

export const assetCreateInput = z.object({
  name: fields.name,
  description: fields.description.optional(),
  category: fields.category.optional(),
  condition: fields.condition.optional(),
  acquiredAt: fields.acquiredAt.optional(),
  purchasePriceCents: fields.purchasePriceCents.optional(),
  estimatedValueCents: fields.estimatedValueCents.optional(),
  currency: fields.currency.default('USD'),
  imageUrls: fields.imageUrls.default([]),
  tags: fields.tags.default([]),
  metadata: fields.metadata.default({}),
});

export const assetIdInput = z.object({ id: uuidId });

/** A partial patch: absent fields are left alone. */
export const assetUpdateInput = z.object({
  id: uuidId,
  /** The updatedAt the client last saw; a newer row answers CONFLICT and nothing is written. */
  expectedUpdatedAt: dateTime.optional(),
  ...z.object(fields).partial().shape,
});

export const assetSorts = ['createdAt', 'name', 'estimatedValue', 'acquiredAt'] as const;
export type AssetSort = (typeof assetSorts)[number];

export const assetListInput = z
  .object({
    category: trimmedText(1, 50).optional(),
    condition: z.enum(assetConditions).optional(),
    /** Assets carrying this tag, compared case-insensitively. */
    tag: trimmedText(1, 30).optional(),
    /** Literal, case-insensitive substring of name or description; blank means no filter. */
    q: searchText.optional(),
    minValue: moneyCents.optional(),
    maxValue: moneyCents.optional(),
    sort: z.enum(assetSorts).default('createdAt'),
    order: sortOrder,
    limit: pageLimit,
    cursor,
  })
  .refine(
    (input) =>
      input.minValue === undefined ||
      input.maxValue === undefined ||
      input.minValue <= input.maxValue,
    {
      message: 'maxValue must not be below minValue',
      path: ['maxValue'],
    },
  )
  // Zod 4's .default() would skip parsing and so the inner defaults; .prefault() parses {}.
  .prefault({});

export type AssetCreateInput = z.infer<typeof assetCreateInput>;
export type AssetUpdateInput = z.infer<typeof assetUpdateInput>;
export type AssetListInput = z.infer<typeof assetListInput>;
