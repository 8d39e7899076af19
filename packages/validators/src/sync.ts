// The live-sync contract (sync.events): what the server yields and what both clients apply.
// Each event travels as tRPC's tracked(id, event); `id` is opaque, increasing per user in
// commit order, and is what a client sends back as lastEventId to resume.
import { z } from 'zod';
import { intIdOutput } from './outputs/common';
import { assetOutput, uuidIdOutput } from './outputs/asset';
import { tagOutput, taskOutput } from './outputs/task';

/** Resume point: the last event id the client applied (tRPC fills it from Last-Event-ID). */
export const syncEventsInput = z.object({ lastEventId: z.string().max(128).nullish() }).nullish();
export type SyncEventsInput = z.infer<typeof syncEventsInput>;

export const syncEntities = ['task', 'tag', 'asset'] as const;
export type SyncEntity = (typeof syncEntities)[number];

/** The session whose token made the change, so a device can skip its own echoes; null without one. */
const sessionId = z.string().nullable();

const upsert = <E extends SyncEntity, I extends z.ZodType, D extends z.ZodType>(
  entity: E,
  id: I,
  data: D,
) => z.object({ op: z.literal('upsert'), entity: z.literal(entity), id, data, sessionId });

const remove = <E extends SyncEntity, I extends z.ZodType>(entity: E, id: I) =>
  z.object({ op: z.literal('delete'), entity: z.literal(entity), id, sessionId });

const intId = intIdOutput.shape.id;
const uuidId = uuidIdOutput.shape.id;

/** `data` is exactly what that entity's byId answers at the moment of the change. */
export const syncEvent = z.union([
  upsert('task', intId, taskOutput),
  upsert('tag', intId, tagOutput),
  upsert('asset', uuidId, assetOutput),
  remove('task', intId),
  remove('tag', intId),
  remove('asset', uuidId),
  /** lastEventId is not in the log (too old, or garbage): refetch everything, then live events follow. */
  z.object({ op: z.literal('resync') }),
]);
export type SyncEvent = z.infer<typeof syncEvent>;
export type SyncUpsertEvent = Extract<SyncEvent, { op: 'upsert' }>;
export type SyncDeleteEvent = Extract<SyncEvent, { op: 'delete' }>;
