import { renderRouter } from 'expo-router/testing-library';

/**
 * The whole app (its real routes) at `initialUrl`. renderRouter turns fake timers on for its
 * synchronous first render; the app then talks to a real server, so time runs for real.
 */
export function renderApp(initialUrl: string) {
  const result = renderRouter('./src/app', { initialUrl });
  jest.useRealTimers();
  return result;
}
