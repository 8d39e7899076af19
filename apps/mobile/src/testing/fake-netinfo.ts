// NetInfo as a test controls it: the one place the component tests fake the network.
type Listener = (state: { isConnected: boolean; isInternetReachable: boolean }) => void;

const listeners = new Set<Listener>();
let connected = true;

const state = () => ({ isConnected: connected, isInternetReachable: connected });

export function addEventListener(listener: Listener): () => void {
  listeners.add(listener);
  listener(state());
  return () => listeners.delete(listener);
}

export const fetch = () => Promise.resolve(state());

/** Test control: the phone loses or regains its connection. */
export function setConnected(next: boolean): void {
  connected = next;
  for (const listener of listeners) listener(state());
}

export default { addEventListener, fetch };
