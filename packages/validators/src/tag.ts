// Inputs of the tag router. Names are unique per user regardless of case: the server stores
// `nameKey` (the lower-cased name) under a unique index, so "Work" and "work" collide.
import { z } from 'zod';
import { intId, trimmedText } from './common';

/** The case-insensitive identity of a tag name, as the unique index compares it. */
export const tagNameKey = (name: string): string => name.toLowerCase();

// A few letters grow when lower-cased ("İ" -> "i̇"); the key column holds 50 characters too.
export const tagName = trimmedText(1, 50).refine(
  (name) => [...tagNameKey(name)].length <= 50,
  'Too long once lower-cased',
);

/** `#RRGGBB`; null means no colour. Stored as given, so clients should send one case. */
export const tagColor = z
  .string()
  .regex(/^#[0-9A-Fa-f]{6}$/, 'Expected a colour as #RRGGBB')
  .nullable();

export const tagCreateInput = z.object({
  name: tagName,
  color: tagColor.optional(),
});

export const tagIdInput = z.object({ id: intId });

/** A partial patch: absent fields are left alone, color null clears it. */
export const tagUpdateInput = z.object({
  id: intId,
  name: tagName.optional(),
  color: tagColor.optional(),
});

export type TagCreateInput = z.infer<typeof tagCreateInput>;
export type TagUpdateInput = z.infer<typeof tagUpdateInput>;
