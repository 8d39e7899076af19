// At most N open live-sync streams per user in this process: opening one more closes the oldest
// (a forgotten tab, a dead phone's half-open connection), which its client may reopen later.
export interface StreamLimiter {
  /** Registers a stream; `evict` is called if it becomes the oldest one too many. Returns release. */
  open(userId: string, evict: () => void): () => void;
}

export function createStreamLimiter(maxPerUser: number): StreamLimiter {
  // A Set keeps insertion order: its first entry is the user's oldest stream.
  const byUser = new Map<string, Set<() => void>>();
  return {
    open(userId, evict) {
      let streams = byUser.get(userId);
      if (!streams) byUser.set(userId, (streams = new Set()));
      const own = streams;
      const entry = () => evict();
      own.add(entry);
      if (own.size > maxPerUser) {
        const [oldest] = own;
        own.delete(oldest!);
        oldest!();
      }
      return () => {
        own.delete(entry);
        if (own.size === 0 && byUser.get(userId) === own) byUser.delete(userId);
      };
    },
  };
}
