// A tRPC link that puts the session's access token on every query and mutation and, when the
// server refuses the token, refreshes once and retries the operation once. A retry that is
// refused again fails with the server's error: never a second refresh, never a loop.
// Subscriptions are left alone: the sync stream passes its token in connectionParams.
import { type Operation, type TRPCLink, TRPCClientError } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { isAccessTokenRejected } from './app-error';
import type { SessionManager } from './session-manager';

/** Procedures that work without an access token (refresh and logout use the cookie or body). */
const PUBLIC_PATHS = new Set(['auth.register', 'auth.login', 'auth.refresh', 'auth.logout']);

export function authLink<TRouter extends AnyRouter>(session: SessionManager): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        if (op.type === 'subscription' || PUBLIC_PATHS.has(op.path))
          return next(op).subscribe(observer);

        let closed = false;
        let inner: { unsubscribe(): void } | undefined;
        const fail = (error: unknown) => observer.error(TRPCClientError.from(error as Error));

        const send = (token: string | null, retried: boolean) => {
          if (closed) return;
          inner = next(withAccessToken(op, token)).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              if (retried || !isAccessTokenRejected(error)) return observer.error(error);
              session.refreshAfterRejection(token).then(
                // No new token (the session ended): the server's answer is the answer.
                (fresh) => (fresh ? send(fresh, true) : observer.error(error)),
                fail,
              );
            },
          });
        };

        session.accessToken().then((token) => send(token, false), fail);
        return () => {
          closed = true;
          inner?.unsubscribe();
        };
      });
}

function withAccessToken(op: Operation, token: string | null): Operation {
  return { ...op, context: { ...op.context, accessToken: token } };
}

/**
 * For httpBatchLink's `headers`: the token authLink chose for these operations (one batch holds
 * operations of one moment, so they carry the same token).
 */
export function authorizationHeader(
  opList: readonly Operation[] | Operation,
): Record<string, string> {
  const first = Array.isArray(opList) ? (opList as readonly Operation[])[0] : (opList as Operation);
  const token = first?.context.accessToken;
  return typeof token === 'string' ? { authorization: `Bearer ${token}` } : {};
}
