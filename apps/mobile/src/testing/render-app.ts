import { act, renderRouter } from 'expo-router/testing-library';

/**
 * The whole app (its real routes) at `initialUrl`. renderRouter turns fake timers on for its
 * synchronous first render; the app then talks to a real server, so time must run for real.
 * What the first render scheduled under the fake clock (TanStack Query's notifications among
 * it) runs first: switching clocks would drop it, and a screen then waited forever for data it
 * already had.
 */
export function renderApp(initialUrl: string) {
  const result = renderRouter('./src/app', { initialUrl });
  act(() => jest.runOnlyPendingTimers());
  jest.useRealTimers();
  return result;
}
