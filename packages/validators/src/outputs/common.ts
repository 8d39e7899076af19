// Building blocks of the procedures' outputs. Outputs are what the REST mirror documents (its
// OpenAPI document is generated from them) and what tRPC checks every answer against.
import { z } from 'zod';

/** A Date on the tRPC face (superjson), an ISO 8601 string in JSON: documented as the latter. */
export const dateTimeOutput = z.date().meta({ format: 'date-time' });

/** Ids the database made: documented as UUIDs, not re-checked on every answer. */
export const uuidOutput = z.string().meta({ format: 'uuid' });

export const intIdOutput = z.object({ id: z.number().int() });
