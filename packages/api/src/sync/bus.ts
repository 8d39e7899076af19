// The live-sync bus: how a write on one instance wakes the streams on every instance. Messages
// are small wake-ups (a user id and the newest event id); the event log is the data. apps/server
// backs it with PostgreSQL LISTEN/NOTIFY, or with this in-process emitter on PGlite (one process).
import type { Prisma } from '@repo/db';

export type BusMessage =
  /** The user has events up to `lastEventId`: their streams read the log past their cursor. */
  | { type: 'events'; userId: string; lastEventId: string }
  /** Some of the user's sessions were revoked: their streams recheck their own session. */
  | { type: 'sessions'; userId: string }
  /** Messages may have been lost (the listener reconnected): every stream catches up. */
  | { type: 'resume' }
  /** This process is stopping (never sent between instances): its streams end with a 503. */
  | { type: 'shutdown' };

export type BusListener = (message: BusMessage) => void;

/** Run after the writing transaction commits (never when it rolls back). */
export type AfterCommit = () => void;

/** The wake-up that follows a committed write. */
export type EventsMessage = Extract<BusMessage, { type: 'events' }>;

export interface SyncBus {
  /**
   * Wakes `message.userId`'s streams on every instance about events that have committed; the
   * writer calls it after its COMMIT. It neither waits for the database nor throws, and wake-ups
   * may be coalesced: the log is the data, a wake-up only says "read it".
   * Not queued in the writer's transaction: a transaction that NOTIFYs takes PostgreSQL's one
   * notify-queue lock at commit and holds it through the WAL flush, so every concurrent writer of
   * every user queued behind it (PostgreSQL's lock log in the sync bench; README, Live sync).
   */
  announce(message: EventsMessage): void;
  /**
   * Sends `message` as part of `tx`, so it is delivered when `tx` commits and never if it rolls
   * back, even when this process dies right after the commit (PostgreSQL queues a NOTIFY in the
   * transaction). For revocations, which must not be lost; a bus that cannot do that returns what
   * the writer runs once `tx` has committed.
   */
  publishInTransaction(
    tx: Prisma.TransactionClient,
    message: BusMessage,
  ): Promise<AfterCommit | null>;
  /** Listens to one user's messages (and to `resume`); returns the unsubscribe function. */
  subscribe(userId: string, listener: BusListener): () => void;
  /** Ends this process's streams (shutdown), so they reconnect to another instance. */
  endLocalStreams(): void;
}

/** Per-process fan-out by user, shared by every bus: a message costs O(that user's streams). */
export function createDispatcher() {
  const byUser = new Map<string, Set<BusListener>>();
  return {
    subscribe: (userId: string, listener: BusListener): (() => void) => {
      let set = byUser.get(userId);
      if (!set) byUser.set(userId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && byUser.get(userId) === set) byUser.delete(userId);
      };
    },
    /** The users with a listener here. */
    users: (): IterableIterator<string> => byUser.keys(),
    dispatch: (message: BusMessage): void => {
      if (message.type === 'resume' || message.type === 'shutdown') {
        for (const set of byUser.values()) for (const listener of set) listener(message);
        return;
      }
      for (const listener of byUser.get(message.userId) ?? []) listener(message);
    },
  };
}

/** The single-process bus (PGlite, tests): publish is a local dispatch. */
export function createLocalBus(): SyncBus {
  const dispatcher = createDispatcher();
  return {
    announce: dispatcher.dispatch,
    // One process: nothing to queue in the database; dispatch once the writer has committed.
    publishInTransaction: (_tx, message) => Promise.resolve(() => dispatcher.dispatch(message)),
    subscribe: dispatcher.subscribe,
    endLocalStreams: () => dispatcher.dispatch({ type: 'shutdown' }),
  };
}
