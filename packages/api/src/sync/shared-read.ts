// One log read per user per wake-up in this process, however many of the user's streams it
// wakes: ten devices' streams would otherwise run ten identical queries for every change. A
// stream may join a read already in flight only if that read started after the wake-up the
// stream is answering, so a shared read never misses an event the stream was woken for.
import { type LogSource, type LoggedEvent, readEventsAfter } from './log';

/** Counts wake-ups as they arrive: a read started at count A sees every commit they announced. */
let arrivals = 0;

/** Notes a wake-up; returns the count a read must have started at (or after) to answer it. */
export const noteArrival = (): number => ++arrivals;

interface InFlight {
  startedAt: number;
  promise: Promise<LoggedEvent[]>;
}

// Per database, so two test databases in one process never share a read.
const inFlightByClient = new WeakMap<LogSource, Map<string, InFlight>>();

/** readEventsAfter, shared with the user's other streams when it is fresh enough for `needed`. */
export function readShared(
  db: LogSource,
  userId: string,
  after: bigint,
  limit: number,
  needed: number,
): Promise<LoggedEvent[]> {
  let inFlight = inFlightByClient.get(db);
  if (!inFlight) inFlightByClient.set(db, (inFlight = new Map<string, InFlight>()));
  const reads = inFlight;
  const key = `${userId}:${after}:${limit}`;
  const running = reads.get(key);
  if (running && running.startedAt >= needed) return running.promise;
  const read: InFlight = {
    startedAt: arrivals,
    promise: readEventsAfter(db, userId, after, limit),
  };
  reads.set(key, read);
  const forget = () => {
    if (reads.get(key) === read) reads.delete(key);
  };
  read.promise.then(forget, forget);
  return read.promise;
}
