// Reads a sync.events subscription through a caller: the tracked events as { id, event }, taken
// a given number at a time, with a deadline so a missing event fails the test instead of hanging.
import type { SyncEvent } from '@repo/validators';
import type { Caller } from './caller';

export interface SeenEvent {
  id: string;
  event: SyncEvent;
}

export interface SyncReader {
  /** The next `count` events; rejects when they do not all arrive within `ms`. */
  take(count: number, ms?: number): Promise<SeenEvent[]>;
  /** Resolves with the error that ended the stream (rejects if it yields or stays open). */
  ended(ms?: number): Promise<unknown>;
  close(): Promise<void>;
}

export async function openSync(caller: Caller, lastEventId?: string | null): Promise<SyncReader> {
  const iterable = (await caller.sync.events({ lastEventId })) as AsyncIterable<
    [string, SyncEvent, unknown]
  >;
  const iterator = iterable[Symbol.asyncIterator]();
  const next = (ms: number) =>
    Promise.race([
      iterator.next(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no sync event within ${ms} ms`)), ms),
      ),
    ]);
  return {
    async take(count, ms = 5000) {
      const seen: SeenEvent[] = [];
      while (seen.length < count) {
        const result = await next(ms);
        if (result.done) throw new Error('stream ended');
        const [id, event] = result.value;
        seen.push({ id, event });
      }
      return seen;
    },
    async ended(ms = 5000) {
      try {
        const result = await next(ms);
        if (!result.done) throw new Error(`stream yielded ${JSON.stringify(result.value)}`);
        throw new Error('stream completed without an error');
      } catch (error) {
        return error;
      }
    },
    async close() {
      await iterator.return?.();
    },
  };
}
