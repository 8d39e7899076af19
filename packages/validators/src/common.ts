// Building blocks every input schema shares.
import { z } from 'zod';

/** Text trimmed before its length is checked, so whitespace-only input is empty. */
export const trimmedText = (min: number, max: number) => z.string().trim().min(min).max(max);

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** Exact bytes are hashed: never trimmed. Length bounds checked before any hashing work. */
export const password = z.string().min(8).max(256);

export const sortOrder = z.enum(['asc', 'desc']).default('desc');

export const pageLimit = z.number().int().min(1).max(100).default(50);

/** Opaque keyset cursor; its content is checked by the pagination helper. */
export const cursor = z.string().max(512).nullish();

/**
 * A date-time with an explicit offset (the REST mirror's strings) or a Date (superjson).
 * `z.coerce.date()` would also take null, numbers and loose formats such as "2024"; the
 * transform on the string branch keeps the schema describable in OpenAPI as a date-time string.
 */
export const dateTime = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
]);

export const intId = z.number().int().positive().max(2_147_483_647);

export const uuidId = z.uuid();
