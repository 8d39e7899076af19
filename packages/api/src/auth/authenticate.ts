// Builds Services.authenticate from packages/auth's authenticator, for the adapter to inject.
import { type AuthenticatorDeps, createAuthenticator } from '@repo/auth';
import type { Services } from '../services';
import { withAuthErrors } from './app-error';

export function createAuthenticate(
  deps: AuthenticatorDeps & { now: () => Date },
): Services['authenticate'] {
  const authenticate = createAuthenticator(deps);
  return (authorization) => withAuthErrors(() => authenticate(authorization, deps.now()));
}
