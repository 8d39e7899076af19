// Builds Services.authenticate from packages/auth's authenticator, for the adapter to inject.
// With a session cache, the live-session check is answered from it (session-cache.ts).
import { type AuthenticatorDeps, createAuthenticator } from '@repo/auth';
import type { Services } from '../services';
import { withAuthErrors } from './app-error';
import type { SessionCache } from './session-cache';

export function createAuthenticate(
  deps: AuthenticatorDeps & { now: () => Date; sessionCache?: SessionCache | undefined },
): Services['authenticate'] {
  const authenticate = createAuthenticator({
    ...deps,
    liveSession: deps.sessionCache?.lookup,
  });
  return (authorization) => withAuthErrors(() => authenticate(authorization, deps.now()));
}
