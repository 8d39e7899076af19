// A banner-worthy server state (503: database down) seen by any query or mutation, shown by
// <ServerBanner/> until a later request succeeds.
import { appCodeOf, httpStatusOf } from '@repo/client';

type Listener = (trouble: string | null) => void;
const listeners = new Set<Listener>();
let current: string | null = null;

function set(trouble: string | null) {
  if (trouble === current) return;
  current = trouble;
  for (const listener of listeners) listener(current);
}

export function reportServerTrouble(error: unknown): void {
  if (appCodeOf(error) === 'SERVICE_UNAVAILABLE' || httpStatusOf(error) === 503) {
    set('The service is temporarily unavailable. Your changes are not saved; try again shortly.');
  } else if (
    error instanceof TypeError ||
    (error as { message?: string }).message === 'Failed to fetch'
  ) {
    set('Cannot reach the server. Check your connection.');
  }
}

export const clearServerTrouble = () => set(null);
export const getServerTrouble = () => current;
export function subscribeServerTrouble(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
