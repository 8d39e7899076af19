// The sync router: one subscription carrying every change of the caller's tasks, tags and
// assets (contract: packages/validators/src/sync.ts and the README's "Live sync").
import type { TRPCRouterRecord } from '@trpc/server';
import { syncEventsInput } from '@repo/validators';
import { syncStream } from '../sync/stream';
import { protectedProcedure } from '../trpc';

export const syncRouter = {
  events: protectedProcedure
    .input(syncEventsInput)
    .subscription(({ ctx, input, signal }) =>
      syncStream(
        ctx,
        { user: ctx.user, sessionId: ctx.sessionId, expiresAt: ctx.expiresAt },
        input?.lastEventId,
        signal,
      ),
    ),
} satisfies TRPCRouterRecord;
