// Field rules of an asset (KLECTR), one schema per field, so create, update and the clients'
// forms agree on every limit.
import { z } from 'zod';
import { NUL_MESSAGE, hasNul, trimmedText } from './common';

export const assetConditions = ['mint', 'near_mint', 'excellent', 'good', 'fair', 'poor'] as const;
export type AssetConditionValue = (typeof assetConditions)[number];

/** Ten billion in major units: far above any collectible, far below 2^53 so JSON keeps it exact. */
export const MAX_MONEY_CENTS = 1_000_000_000_000;
export const MAX_IMAGE_URLS = 20;
export const MAX_IMAGE_URL_LENGTH = 2048;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 30;
export const MAX_METADATA_BYTES = 16_384;

export const moneyCents = z.number().int().min(0).max(MAX_MONEY_CENTS);

// Intl's list is ICU's maintained ISO 4217 table (active codes only: no XXX/XTS test codes).
// Runtimes without it (older Hermes) fall back to the shape check; the server always has it.
const currencyCodes: ReadonlySet<string> | null =
  typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;

export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Expected a three-letter ISO 4217 currency code')
  .refine((code) => currencyCodes?.has(code) ?? true, 'Unknown ISO 4217 currency code')
  .meta(currencyCodes ? { override: { enum: [...currencyCodes] } } : {});

/** Absolute https URL, stored as given: re-serialising could change or lengthen it. */
export const imageUrl = z
  .string()
  .max(MAX_IMAGE_URL_LENGTH)
  .refine((value) => {
    // The URL parser forgives leading spaces and "https:host"; a stored link should not need it.
    if (!/^https:\/\/[^\s]+$/i.test(value) || hasNul(value) || !URL.canParse(value)) return false;
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  }, 'Expected an absolute https: URL')
  // The document promises a plain subset (host names, a simple path), all of which pass above.
  .meta({
    override: {
      format: 'uri',
      pattern: '^https://(?:[a-z0-9]+(?:-[a-z0-9]+)*\\.)+[a-z]{2,}(?:/[A-Za-z0-9._~-]*)*$',
    },
  });

export const imageUrls = z.array(imageUrl).max(MAX_IMAGE_URLS);

/** The case-insensitive identity of a tag: what de-duplication and the list filter compare. */
export const tagKey = (tag: string): string => tag.toLowerCase();

/** At most 20 tags; the first spelling of each case-insensitive duplicate is kept, in order. */
export const tags = z
  .array(trimmedText(1, MAX_TAG_LENGTH))
  .max(MAX_TAGS)
  .transform((list) => {
    const seen = new Set<string>();
    return list.filter((tag) => {
      const key = tagKey(tag);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

/** UTF-8 bytes of the value's JSON text, or null when it has none (BigInt, cycles, too deep). */
function jsonBytes(value: unknown): number | null {
  try {
    const text = JSON.stringify(value) as string | undefined;
    return text === undefined ? null : new TextEncoder().encode(text).length;
  } catch {
    return null;
  }
}

/**
 * Keys that would reach an object's prototype when copied (`__proto__`) or shadow what code
 * reads off every object: refused at any depth, so metadata is always plain data.
 */
export const FORBIDDEN_METADATA_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** The first reason a JSON value cannot be stored as metadata, or null. */
function metadataProblem(value: unknown): string | null {
  if (typeof value === 'string') return hasNul(value) ? NUL_MESSAGE : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_METADATA_KEYS.has(key)) return `The key "${key}" is not allowed in metadata`;
    if (hasNul(key)) return NUL_MESSAGE;
    const problem = metadataProblem((value as Record<string, unknown>)[key]);
    if (problem) return problem;
  }
  return null;
}

/**
 * A JSON object (not an array, scalar or null) of at most 16 KB serialised. The size is checked
 * first, so a cyclic or absurdly nested value is refused before the recursive JSON check walks it.
 */
export const metadata = z
  .unknown()
  .superRefine((value, ctx) => {
    const bytes = jsonBytes(value);
    if (bytes === null) {
      ctx.addIssue({ code: 'custom', message: 'Expected a JSON object' });
    } else if (bytes > MAX_METADATA_BYTES) {
      ctx.addIssue({
        code: 'custom',
        message: `Metadata is over ${MAX_METADATA_BYTES} bytes as JSON`,
      });
    } else {
      // Bounded by the size check above: at most 16 KB of JSON to walk.
      const problem = metadataProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
  })
  .pipe(z.record(z.string(), z.json()))
  .meta({
    override: {
      type: 'object',
      description: `A JSON object of at most ${MAX_METADATA_BYTES} bytes; no key __proto__, constructor or prototype and no NUL, at any depth`,
      propertyNames: { pattern: '^[^\\u0000]*$', not: { enum: [...FORBIDDEN_METADATA_KEYS] } },
      additionalProperties: {
        type: ['string', 'number', 'boolean', 'null'],
        pattern: '^[^\\u0000]*$',
      },
    },
  });
