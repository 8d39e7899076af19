import { createContext, useContext } from 'react';
import type { Api } from './trpc';

export const ApiContext = createContext<Api | null>(null);

/** The session manager and raw client, for sign-in, sign-out and the sync stream. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside AppProviders');
  return api;
}
