// Building blocks every input schema shares.
import { z } from 'zod';

/** PostgreSQL text cannot hold U+0000; refused on the way in rather than failing the write. */
export const hasNul = (value: string): boolean => value.includes('\u0000');
export const NUL_MESSAGE = 'Must not contain NUL (U+0000) characters';

// Regular expressions rather than refinements, so the OpenAPI document carries the same rule as
// a `pattern`. Both are linear: no two adjacent parts can match the same character.
// eslint-disable-next-line no-control-regex -- NUL is exactly the character to refuse
const NO_NUL = /^[^\u0000]*$/;
/** No NUL and at least one non-space character (what `.trim().min(1)` leaves non-empty). */
// eslint-disable-next-line no-control-regex -- as above
const NO_NUL_NOT_BLANK = /^\s*[^\s\u0000][^\u0000]*$/;

/** Any stored or searched text: at most `max` characters and no NUL. */
export const plainText = (max: number) => z.string().max(max).regex(NO_NUL, NUL_MESSAGE);

/** Text trimmed before its length is checked, so whitespace-only input is empty. */
export const trimmedText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(
      min > 0 ? NO_NUL_NOT_BLANK : NO_NUL,
      min > 0 ? 'Must not be blank or contain NUL (U+0000) characters' : NUL_MESSAGE,
    );

/** A search string: trimmed, blank means no filter. */
export const searchText = trimmedText(0, 200);

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email())
  // The document promises a plain subset of what z.email() takes, so what it allows is accepted.
  .meta({
    override: {
      type: 'string',
      format: 'email',
      maxLength: 254,
      pattern:
        '^[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*@[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:\\.[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)*\\.[A-Za-z]{2,}$',
    },
  });

/** The one statement of the password length rules; packages/auth enforces the same numbers. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** Exact bytes are hashed: never trimmed. Length bounds checked before any hashing work. */
export const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const sortOrder = z.enum(['asc', 'desc']).default('desc');

export const pageLimit = z.number().int().min(1).max(100).default(50);

/**
 * Calls one tRPC batch may carry: the server refuses more before any procedure runs, and the
 * clients' batch links split at the same number.
 */
export const DEFAULT_MAX_BATCH_SIZE = 16;

/** Opaque keyset cursor; its content is checked by the pagination helper. */
export const cursor = z.string().max(512).nullish();

/**
 * Every date a client may send lies in 1900-9999: PostgreSQL and JavaScript both represent far
 * more, but not the same "more" (a year +275760 date stored fine and then broke every read).
 */
export const MIN_DATE = new Date('1900-01-01T00:00:00.000Z');
export const MAX_DATE = new Date('9999-12-31T23:59:59.999Z');

/**
 * What the OpenAPI document promises for a date: the years 1901-9998 whatever the offset, just
 * inside what the server takes, so a string the document allows is never refused (1900 and
 * 9999 are accepted too, but an offset can move their first or last hours across the bound).
 */
const DOCUMENTED_YEARS =
  '^(?:19(?:0[1-9]|[1-9]\\d)|[2-8]\\d{3}|9(?:[0-8]\\d{2}|9[0-8]\\d|99[0-8]))-';

/** Adds the year bound to the rendered schema: JSON Schema allows one `pattern` per schema. */
const ISO_DATE_TIME = z.toJSONSchema(z.iso.datetime({ offset: true })).pattern;
const documentYears = ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
  delete jsonSchema.anyOf;
  jsonSchema.type = 'string';
  jsonSchema.format = 'date-time';
  jsonSchema.pattern = ISO_DATE_TIME;
  jsonSchema.allOf = [{ pattern: DOCUMENTED_YEARS }];
  jsonSchema.description ??= 'An ISO 8601 date-time with an offset, in the years 1900-9999';
};

const dateTimeText = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .meta({ override: documentYears });

/**
 * A date-time with an explicit offset (the REST mirror's strings) or a Date (superjson).
 * `z.coerce.date()` would also take null, numbers and loose formats such as "2024"; the
 * transform on the string branch keeps the schema describable in OpenAPI as a date-time string.
 */
export const dateTime = z
  .union([z.date(), dateTimeText])
  .refine(
    (date) => date.getTime() >= MIN_DATE.getTime() && date.getTime() <= MAX_DATE.getTime(),
    'Dates must fall in the years 1900 to 9999',
  )
  // The Date branch is superjson's; the document describes what REST clients send.
  .meta({ override: documentYears });

export const intId = z.number().int().positive().max(2_147_483_647);

export const uuidId = z.uuid();
